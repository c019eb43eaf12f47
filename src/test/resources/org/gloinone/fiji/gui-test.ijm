// Runs each Glo-In-One menu command the way a pathologist would, and saves what it sees.
// Argument: the working folder.
dir = getArgument();
newImage("biopsy", "RGB white", 1000, 800, 1);
makeRectangle(5, 5, 10, 10);
roiManager("add");
common = "threads=2 device=cpu tissue min-tissue=0.01 formats=[] rois overlay tables";
run("Detect Glomeruli", common);
s = "after_detect_rois=" + roiManager("count") + "\n";
s = s + "after_detect_overlay=" + Overlay.size + "\n";
s = s + "detect_table_rows=" + Table.size("Glo-In-One Glomeruli") + "\n";
File.saveString(s, dir + "/macro-checks.properties");
// Review: delete the second detection, then classify the remaining ones (not the user's own box) in place.
roiManager("select", 2);
roiManager("delete");
roiManager("select", newArray(1, 2, 3));
run("Classify Glomeruli", common);
s = s + "after_classify_rois=" + roiManager("count") + "\n";
s = s + "after_classify_names=" + RoiManager.getName(1) + "," + RoiManager.getName(2) + "," + RoiManager.getName(3) + "\n";
s = s + "classify_table_rows=" + Table.size("Glo-In-One Glomeruli") + "\n";
s = s + "classify_classes=" + Table.getString("class", 0, "Glo-In-One Glomeruli") + ","
    + Table.getString("class", 1, "Glo-In-One Glomeruli") + "," + Table.getString("class", 2, "Glo-In-One Glomeruli") + "\n";
roiManager("select", newArray(1, 2, 3));
run("Segment Glomeruli", common + " outlines");
s = s + "after_segment_rois=" + roiManager("count") + "\n";
roiManager("deselect");
run("All-in-One", "output=[" + dir + "/out] score=0.70 threads=2 device=cpu tissue min-tissue=0.01 formats=[xml,csv] rois outlines overlay tables");
s = s + "after_allinone_rois=" + roiManager("count") + "\n";
s = s + "after_allinone_overlay=" + Overlay.size + "\n";
s = s + "summary_rows=" + Table.size("Glo-In-One Summary") + "\n";
s = s + "glomeruli_headings=" + replace(Table.headings("Glo-In-One Glomeruli"), "\t", ",") + "\n";
s = s + "file_glomeruli_table=" + File.exists(dir + "/out/biopsy_glomeruli_table.csv") + "\n";
s = s + "file_summary_table=" + File.exists(dir + "/out/biopsy_summary_table.csv") + "\n";
s = s + "file_xml=" + File.exists(dir + "/out/biopsy.xml.txt") + "\n";
File.saveString(s, dir + "/macro-checks.properties");
