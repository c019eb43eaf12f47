// The real engine with the bundled models through each menu command on the bundled sample slide.
// Argument: "working folder;sample slide".
parts = split(getArgument(), ";");
dir = parts[0];
sample = parts[1];
xml = dir + "/detect/kidney-pas-mosaic.tif/kidney-pas-mosaic.xml";
common = "threads=2 device=cpu tissue min-tissue=0.01";

run("Detect Glomeruli", "slide=[" + sample + "] output=[" + dir + "/detect] " + common + " formats=[xml] rois overlay tables");
s = "detect_rois=" + roiManager("count") + "\n";
s = s + "detect_rows=" + Table.size("Glo-In-One Glomeruli") + "\n";
s = s + "detect_file=" + File.exists(xml) + "\n";
roiManager("reset");

// Classify and Segment the circles Detect wrote, as a pathologist's annotation file.
run("Classify Glomeruli", "slide=[" + sample + "] annotations=[" + xml + "] output=[" + dir + "/classify] " + common
    + " formats=[csv] rois overlay tables");
s = s + "classify_rows=" + Table.size("Glo-In-One Glomeruli") + "\n";
s = s + "classify_rejected=" + lastRejected() + "\n";
s = s + "classify_headings=" + Table.headings("Glo-In-One Glomeruli") + "\n";
roiManager("reset");
run("Segment Glomeruli", "slide=[" + sample + "] annotations=[" + xml + "] output=[" + dir + "/segment] " + common
    + " formats=[csv] rois outlines overlay tables");
s = s + "segment_rows=" + Table.size("Glo-In-One Glomeruli") + "\n";
s = s + "segment_rois=" + roiManager("count") + "\n";
s = s + "segment_headings=" + Table.headings("Glo-In-One Glomeruli") + "\n";
roiManager("reset");

run("All-in-One", "slide=[" + sample + "] output=[" + dir + "/out] " + common
    + " formats=[xml,csv] rois outlines overlay tables");
s = s + "rois=" + roiManager("count") + "\n";
s = s + "rows=" + Table.size("Glo-In-One Glomeruli") + "\n";
s = s + "rejected=" + lastRejected() + "\n";
s = s + "thumbnail=" + getTitle() + "\n";
File.saveString(s, dir + "/bundled-checks.properties");

// The summary table keeps a row per run: the newest is the last.
function lastRejected() {
    return Table.get("rejected", Table.size("Glo-In-One Summary") - 1, "Glo-In-One Summary");
}
