// Human in the loop on the bundled sample: detect, delete one glomerulus, draw an oval and a rectangle,
// classify, then segment, all on the slide's thumbnail with nothing selected.
// Argument: "working folder;sample slide".
parts = split(getArgument(), ";");
dir = parts[0];
sample = parts[1];
common = "slide=[" + sample + "] threads=2 device=cpu tissue min-tissue=0.01 formats=[]";
roiManager("reset");
run("Detect Glomeruli", common + " rois overlay tables");
s = "review_detect_rois=" + roiManager("count") + "\n";
names = "";
for (i = 0; i < roiManager("count"); i++) names = names + RoiManager.getName(i) + ";";
s = s + "review_detect_names=" + names + "\n";
// The fifth detection is a false positive: delete it.
roiManager("select", 4);
s = s + "review_deleted=" + RoiManager.getName(4) + "\n";
roiManager("delete");
// Two glomeruli the detector missed: an oval and a box, drawn on the thumbnail.
w = getWidth();
h = getHeight();
makeOval(w * 0.30, h * 0.40, w * 0.04, w * 0.04);
roiManager("add");
makeRectangle(w * 0.60, h * 0.55, w * 0.04, w * 0.04);
roiManager("add");
run("Select None");
roiManager("deselect");
run("Classify Glomeruli", common + " rois overlay tables");
s = s + "review_classify_rois=" + roiManager("count") + "\n";
roiManager("deselect");
run("Segment Glomeruli", common + " rois outlines overlay tables");
s = s + "review_segment_rois=" + roiManager("count") + "\n";
s = s + "review_segment_rows=" + Table.size("Glo-In-One Glomeruli") + "\n";
ids = "";
classes = "";
for (i = 0; i < Table.size("Glo-In-One Glomeruli"); i++) {
    ids = ids + Table.getString("id", i, "Glo-In-One Glomeruli") + ";";
    classes = classes + Table.getString("class", i, "Glo-In-One Glomeruli") + ";";
}
s = s + "review_table_ids=" + ids + "\n";
s = s + "review_table_classes=" + classes + "\n";
File.saveString(s, dir + "/review-checks.properties");
