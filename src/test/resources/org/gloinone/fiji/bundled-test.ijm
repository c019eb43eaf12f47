// The real engine with the bundled models through the menu: All-in-One on the bundled sample slide.
// Argument: "working folder;sample slide".
parts = split(getArgument(), ";");
dir = parts[0];
run("All-in-One", "slide=[" + parts[1] + "] output=[" + dir + "/out] threads=2 device=cpu tissue min-tissue=0.01"
    + " formats=[xml,csv] rois outlines overlay tables");
s = "rois=" + roiManager("count") + "\n";
s = s + "rows=" + Table.size("Glo-In-One Glomeruli") + "\n";
s = s + "rejected=" + Table.get("Rejected", 0, "Glo-In-One Summary") + "\n";
s = s + "thumbnail=" + getTitle() + "\n";
File.saveString(s, dir + "/bundled-checks.properties");
