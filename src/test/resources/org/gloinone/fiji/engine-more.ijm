dir = getArgument();
s = File.openAsString(dir + "/engine-checks.properties");
// The other menu commands: the models in use, importing the written annotations, exporting what is shown.
run("Models...");
s = s + "models_rows=" + Table.size("Glo-In-One Models") + "\n";
before = roiManager("count");
run("Import Annotations...", "annotations=[" + dir + "/out/kidney.fixture/kidney.xml]");
s = s + "imported_rois=" + (roiManager("count") - before) + "\n";
run("Export Results...", "output=[" + dir + "/export] name=case7");
s = s + "export_table=" + File.exists(dir + "/export/case7_glomeruli_table.csv") + "\n";
s = s + "export_summary=" + File.exists(dir + "/export/case7_summary_table.csv") + "\n";
s = s + "export_rois=" + File.exists(dir + "/export/case7_RoiSet.zip") + "\n";
File.saveString(s, dir + "/engine-checks.properties");
