package org.gloinone.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.gloinone.io.AnnotationRegion;
import org.gloinone.io.RegionShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.gui.OvalRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.io.RoiEncoder;
import ij.process.FloatPolygon;

class AnnotationFilesTest {

    @Test
    void aRoiSetGivesOneRegionPerGlomerulusPreferringItsOutline(@TempDir Path dir) throws IOException {
        Roi circle = new OvalRoi(100, 100, 200, 200);
        circle.setName("G0001 sclerosed 0.91");
        Roi outline = new PolygonRoi(new FloatPolygon(new float[] {120, 280, 280, 120}, new float[] {120, 120, 280, 280}),
                Roi.POLYGON);
        outline.setName("G0001 sclerosed mask");
        Roi drawn = new OvalRoi(1000, 500, 300, 300);
        drawn.setName("missed one");
        Path zip = dir.resolve("rois.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            int i = 0;
            for (Roi r : List.of(circle, outline, drawn)) {
                z.putNextEntry(new ZipEntry("roi" + i++ + ".roi"));
                z.write(RoiEncoder.saveAsByteArray(r));
                z.closeEntry();
            }
        }
        List<AnnotationRegion> regions = AnnotationFiles.read(zip);
        assertEquals(2, regions.size());
        assertEquals(RegionShape.POLYGON, regions.get(0).shape());
        assertEquals("sclerosed", regions.get(0).layer());
        assertEquals(RegionShape.ELLIPSE, regions.get(1).shape());
        assertEquals("", regions.get(1).layer());
        assertEquals(1150, regions.get(1).toCircle().orElseThrow().centerX(), 1e-9);
        assertEquals(150, regions.get(1).toCircle().orElseThrow().radius(), 1e-9);
    }

    @Test
    void geoJsonRegionsKeepTheirClassAndOtherFilesAreRefused(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("a.geojson");
        Files.writeString(json, """
                {"type": "FeatureCollection", "features": [{"type": "Feature",
                  "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]]},
                  "properties": {"classification": {"name": "normal"}}}]}
                """);
        List<AnnotationRegion> regions = AnnotationFiles.read(json);
        assertEquals(1, regions.size());
        assertEquals("normal", regions.get(0).layer());

        Path csv = Files.writeString(dir.resolve("a.csv"), "x,y\n");
        IOException e = assertThrows(IOException.class, () -> AnnotationFiles.read(csv));
        assertTrue(e.getMessage().startsWith(csv + ": annotations must be"), e.getMessage());
    }
}
