// The commands in a batch-mode macro, which has its own hidden ROI Manager.
// Argument: "working folder;sample slide".
parts = split(getArgument(), ";");
dir = parts[0];
sample = parts[1];
common = "slide=[" + sample + "] threads=2 device=cpu tissue min-tissue=0.01 formats=[]";
close("*"); // a fresh start: ids are issued per image
setBatchMode(true);
roiManager("reset");
run("All-in-One", common + " rois tables");
s = "batch_allinone_rois=" + roiManager("count") + "\n";
roiManager("reset");
run("Detect Glomeruli", common + " rois");
s = s + "batch_detect_rois=" + roiManager("count") + "\n";
makeOval(getWidth() * 0.30, getHeight() * 0.40, getWidth() * 0.04, getWidth() * 0.04);
roiManager("add");
roiManager("deselect");
run("Classify Glomeruli", common + " rois tables");
s = s + "batch_classify_rois=" + roiManager("count") + "\n";
s = s + "batch_classify_rows=" + Table.size("Glo-In-One Glomeruli") + "\n";
s = s + "batch_classify_rejected=" + Table.get("rejected", Table.size("Glo-In-One Summary") - 1, "Glo-In-One Summary") + "\n";
s = s + "batch_last_name=" + RoiManager.getName(roiManager("count") - 1) + "\n";
setBatchMode(false);
File.saveString(s, dir + "/batch-checks.properties");
