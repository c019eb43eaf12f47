// The real engine (small test networks, generated slide) through the menu commands: All-in-One on a slide
// file shows a thumbnail with the overlay; then the pathologist deletes a glomerulus and classifies the rest.
// Argument: the working folder, which holds kidney.fixture.
dir = getArgument();
common = "threads=2 device=cpu tissue min-tissue=0.01";
run("All-in-One", "slide=[" + dir + "/kidney.fixture] output=[" + dir + "/out] " + common
    + " formats=[xml,geojson,csv,rois,overlay] rois outlines overlay tables");
s = "allinone_rois=" + roiManager("count") + "\n";
s = s + "allinone_rows=" + Table.size("Glo-In-One Glomeruli") + "\n";
s = s + "allinone_rejected=" + Table.get("rejected", 0, "Glo-In-One Summary") + "\n";
s = s + "allinone_sclerosed=" + Table.get("n_sclerosed", 0, "Glo-In-One Summary") + "\n";
s = s + "thumbnail=" + getTitle() + "\n";
s = s + "thumbnail_overlay=" + Overlay.size + "\n";
s = s + "file_xml=" + File.exists(dir + "/out/kidney.fixture/kidney.xml") + "\n";
s = s + "file_rois=" + File.exists(dir + "/out/kidney.fixture/kidney-rois.zip") + "\n";
s = s + "file_table=" + File.exists(dir + "/out/kidney.fixture/kidney-glomeruli.csv") + "\n";
File.saveString(s, dir + "/engine-checks.properties");
roiManager("select", 0);
roiManager("delete");
roiManager("deselect");
run("Classify Glomeruli", common + " formats=[] rois overlay tables");
s = s + "classify_rows=" + Table.size("Glo-In-One Glomeruli") + "\n";
s = s + "classify_rois=" + roiManager("count") + "\n";
File.saveString(s, dir + "/engine-checks.properties");
