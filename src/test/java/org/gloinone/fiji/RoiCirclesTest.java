package org.gloinone.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import ij.io.RoiEncoder;

import ij.gui.Line;
import ij.gui.OvalRoi;
import ij.gui.PointRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.gloinone.detect.Circle;
import org.gloinone.imagej.AnnotationFiles;
import org.gloinone.io.AnnotationRegion;

class RoiCirclesTest {

    @Test
    void ovalGivesItsEqualAreaCircle() {
        Circle c = only(new OvalRoi(10.0, 20.0, 40.0, 40.0), 1);
        assertCircle(30, 40, 20, c);
        Circle ellipse = only(new OvalRoi(0.0, 0.0, 80.0, 20.0), 1);
        assertCircle(40, 10, 20, ellipse); // sqrt(80 * 20) / 2
    }

    @Test
    void rectangleGivesItsEqualAreaCircle() {
        assertCircle(60, 45, Math.sqrt(60 * 50 / Math.PI), only(new Roi(30.0, 20.0, 60.0, 50.0), 1));
        assertCircle(25, 25, 50 / Math.sqrt(Math.PI), only(new Roi(0.0, 0.0, 50.0, 50.0), 1));
    }

    @Test
    void polygonGivesTheEqualAreaCircleAtItsCentroid() {
        PolygonRoi square = new PolygonRoi(new float[] {0, 10, 10, 0}, new float[] {0, 0, 10, 10}, 4, Roi.POLYGON);
        assertCircle(5, 5, Math.sqrt(100 / Math.PI), only(square, 1));
        PolygonRoi triangle = new PolygonRoi(new float[] {0, 30, 0}, new float[] {0, 0, 30}, 3, Roi.POLYGON);
        assertCircle(10, 10, Math.sqrt(450 / Math.PI), only(triangle, 1));
    }

    @Test
    void thumbnailRoisScaleToLevelZero() {
        assertCircle(300, 400, 200, only(new OvalRoi(10.0, 20.0, 40.0, 40.0), 10));
    }

    @Test
    void pointsLinesAndOurOutlinesAreSkippedWithAReason() {
        Roi outline = new PolygonRoi(new float[] {0, 10, 10}, new float[] {0, 0, 10}, 3, Roi.POLYGON);
        outline.setName("G0001 normal outline");
        outline.setProperty(GlomerulusRois.KIND, GlomerulusRois.OUTLINE);
        Roi line = new Line(0, 0, 10, 10);
        line.setName("cut");
        RoiCircles.Conversion c = RoiCircles.toCircles(List.of(new PointRoi(5, 5), line, outline,
                new OvalRoi(0.0, 0.0, 10.0, 10.0)), 1);
        assertEquals(1, c.circles().size());
        assertEquals(3, c.skipped().size());
        assertEquals("cut: a straight line encloses no area", c.skipped().get(1));
        assertEquals("G0001 normal outline: a mask outline, not a glomerulus circle", c.skipped().get(2));
    }

    @Test
    void anEllipseGivesTheSameCircleFromTheRoiManagerAndFromARoiSetFile(@TempDir Path dir) throws IOException {
        OvalRoi ellipse = new OvalRoi(100.0, 200.0, 80.0, 20.0);
        ellipse.setName("drawn");
        Path zip = dir.resolve("RoiSet.zip");
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry("drawn.roi"));
            out.write(RoiEncoder.saveAsByteArray(ellipse));
            out.closeEntry();
        }
        Circle fromManager = only(ellipse, 1);
        List<Circle> fromFile = AnnotationFiles.read(zip).stream().map(AnnotationRegion::toCircle)
                .flatMap(java.util.Optional::stream).toList();
        assertEquals(List.of(fromManager), fromFile);
        assertCircle(140, 210, 20, fromManager); // the equal-area circle: sqrt(80 * 20) / 2
    }

    private static Circle only(Roi roi, double downsample) {
        RoiCircles.Conversion c = RoiCircles.toCircles(List.of(roi), downsample);
        assertEquals(List.of(), c.skipped());
        assertEquals(1, c.circles().size());
        return c.circles().get(0);
    }

    static void assertCircle(double x, double y, double r, Circle c) {
        assertEquals(x, c.centerX(), 1e-4, "x");
        assertEquals(y, c.centerY(), 1e-4, "y");
        assertEquals(r, c.radius(), 1e-4, "radius");
    }
}
