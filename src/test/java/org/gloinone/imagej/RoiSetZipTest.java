package org.gloinone.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import ij.gui.OvalRoi;
import ij.gui.Roi;
import ij.io.RoiDecoder;
import ij.io.RoiEncoder;
import ij.process.FloatPolygon;

import org.gloinone.detect.Circle;
import org.gloinone.io.ResultFileException;
import org.gloinone.io.SampleResults;
import org.gloinone.pipeline.GlomerulusResult;
import org.gloinone.pipeline.SlideResult;
import org.gloinone.segment.Outline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoiSetZipTest {
    @TempDir
    Path dir;

    private Path written() throws IOException {
        Path file = dir.resolve("kidney 7-rois.zip");
        new RoiSetZip().write(SampleResults.sample(), file);
        return file;
    }

    @Test
    void imageJDecodesEveryRoiWithTypeBoundsAndName() throws IOException {
        SlideResult result = SampleResults.sample();
        List<Roi> decoded = new ArrayList<>();
        List<String> entries = new ArrayList<>();
        try (ZipFile zip = new ZipFile(written().toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                entries.add(e.getName());
                byte[] bytes = zip.getInputStream(e).readAllBytes();
                decoded.add(new RoiDecoder(bytes, e.getName()).getRoi());
            }
        }
        // Named as in the ROI Manager: the class's probability, not the detection score.
        assertEquals(List.of("G0001-normal-0.90.roi", "G0001-normal-mask.roi", "G0002-sclerosed-0.85.roi",
                "G0003-normal-0.60.roi", "G0003-normal-mask.roi"), entries);
        assertEquals(List.of("G0001 normal 0.90", "G0001 normal mask", "G0002 sclerosed 0.85", "G0003 normal 0.60",
                "G0003 normal mask"), decoded.stream().map(Roi::getName).toList());
        assertEquals("2", decoded.get(2).getProperty(RoiTags.ID), "the id survives the file");
        assertEquals("sclerosed", decoded.get(2).getProperty(RoiTags.CLASS));
        assertEquals("true", decoded.get(2).getProperty(RoiTags.SCLEROSED));
        assertEquals(RoiTags.OUTLINE, decoded.get(1).getProperty(RoiTags.KIND));
        assertEquals(result.glomeruli().get(1).classification(), RoiTags.classification(decoded.get(2)),
                "every class probability survives the file");
        int k = 0;
        for (GlomerulusResult g : result.glomeruli()) {
            Roi oval = decoded.get(k++);
            Circle c = g.detection().circle();
            assertEquals(Roi.OVAL, oval.getType());
            Rectangle2D b = oval.getFloatBounds();
            assertEquals(c.centerX() - c.radius(), b.getX(), 1e-3, oval.getName());
            assertEquals(c.centerY() - c.radius(), b.getY(), 1e-3, oval.getName());
            assertEquals(2 * c.radius(), b.getWidth(), 1e-3);
            assertEquals(2 * c.radius(), b.getHeight(), 1e-3);
            Color expected = g.className().equals("normal") ? new Color(0x00B000) : new Color(0xE00000);
            assertEquals(expected, oval.getStrokeColor());
            if (g.outline().isPresent()) {
                Roi mask = decoded.get(k++);
                assertEquals(Roi.POLYGON, mask.getType());
                Outline o = g.outline().get();
                FloatPolygon p = mask.getFloatPolygon();
                assertEquals(o.size(), p.npoints);
                for (int i = 0; i < o.size(); i++) {
                    assertEquals(o.x(i), p.xpoints[i], 1e-3);
                    assertEquals(o.y(i), p.ypoints[i], 1e-3);
                }
                assertEquals(expected, mask.getStrokeColor());
            }
        }
        assertEquals(decoded.size(), k);
    }

    @Test
    void sameResultGivesTheGoldenBytes() throws IOException {
        Path golden = Path.of("src/test/resources/org/gloinone/io/golden/kidney 7-rois.zip");
        Path file = written();
        if (Boolean.getBoolean("gloinone.golden.update")) {
            Files.copy(file, golden, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(Files.readAllBytes(golden), Files.readAllBytes(file));
    }

    @Test
    void readsBackTheSameCircles() throws IOException {
        List<RoiSetZip.Entry> entries = new RoiSetZip().read(written());
        assertEquals(5, entries.size());
        List<RoiSetZip.Entry> ovals = entries.stream().filter(e -> e.roi().getType() == Roi.OVAL).toList();
        assertEquals(3, ovals.size());
        for (int i = 0; i < 3; i++) {
            Circle expected = SampleResults.sample().glomeruli().get(i).detection().circle();
            Circle read = ovals.get(i).toCircle().orElseThrow();
            assertEquals(expected.centerX(), read.centerX(), 1e-3);
            assertEquals(expected.centerY(), read.centerY(), 1e-3);
            assertEquals(expected.radius(), read.radius(), 1e-3);
        }
        assertEquals("G0002 sclerosed 0.85", ovals.get(1).name());
    }

    @Test
    void rectanglesAndPolygonsBecomeCircles() {
        // the rectangle's equal-area circle, as from the ROI Manager
        assertEquals(Optional.of(new Circle(15, 35, Math.sqrt(200 / Math.PI))), RoiSetZip.toCircle(new Roi(10, 25, 10, 20)));
        Roi square = new ij.gui.PolygonRoi(new FloatPolygon(new float[] {0, 10, 10, 0}, new float[] {0, 0, 10, 10}),
                Roi.POLYGON);
        Circle c = RoiSetZip.toCircle(square).orElseThrow();
        assertEquals(5, c.centerX(), 1e-9);
        assertEquals(Math.sqrt(100 / Math.PI), c.radius(), 1e-9);
        assertEquals(Optional.empty(), RoiSetZip.toCircle(new ij.gui.Line(0, 0, 10, 10)));
    }

    @Test
    void aFileThatIsNotAZipIsRefusedNotReadAsAnEmptySet() throws IOException {
        Path notZip = Files.writeString(dir.resolve("RoiSet.zip"), "not a zip at all");
        ResultFileException e = assertThrows(ResultFileException.class, () -> new RoiSetZip().read(notZip));
        assertEquals("RoiSet.zip: is not a zip file, so not an ImageJ ROI set", e.getMessage());
        byte[] cut = java.util.Arrays.copyOf(Files.readAllBytes(Path.of("src/test/resources/org/gloinone/io/golden/kidney 7-rois.zip")), 100);
        Path truncated = Files.write(dir.resolve("cut.zip"), cut);
        ResultFileException t = assertThrows(ResultFileException.class, () -> new RoiSetZip().read(truncated));
        assertTrue(t.getMessage().startsWith("cut.zip: "), t.getMessage());
        assertFalse(t.getMessage().contains("null"), t.getMessage());
    }

    @Test
    void zipSlipIsRefused() throws IOException {
        Path evil = dir.resolve("evil.zip");
        try (OutputStream out = Files.newOutputStream(evil); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("../../outside.roi"));
            zip.write(RoiEncoder.saveAsByteArray(new OvalRoi(1, 1, 5, 5)));
            zip.closeEntry();
        }
        ResultFileException e = assertThrows(ResultFileException.class, () -> new RoiSetZip().read(evil));
        assertEquals("evil.zip: entry '../../outside.roi' points outside the ROI set (zip slip)", e.getMessage());
        assertTrue(RoiSetZip.escapes("/etc/x.roi"));
        assertTrue(RoiSetZip.escapes("a\\..\\..\\x.roi"));
        assertTrue(RoiSetZip.escapes("C:x.roi"));
        assertFalse(RoiSetZip.escapes("sub/dir/x.roi"));
        assertFalse(Files.exists(dir.getParent().resolve("outside.roi")));
    }

    @Test
    void limitsAreEnforced() throws IOException {
        Path file = written();
        assertTrue(assertThrows(ResultFileException.class, () -> new RoiSetZip(100, 1 << 20, 10).read(file))
                .getMessage().contains("limit of 100"));
        assertTrue(assertThrows(ResultFileException.class, () -> new RoiSetZip(1 << 20, 1 << 20, 2).read(file))
                .getMessage().contains("more than 2 ROIs"));
        assertTrue(assertThrows(ResultFileException.class, () -> new RoiSetZip(1 << 20, 70, 10).read(file))
                .getMessage().contains("larger than 70 bytes"));
    }

    @Test
    void entriesThatAreNotRoisAreRefused() throws IOException {
        Path bad = dir.resolve("bad.zip");
        try (OutputStream out = Files.newOutputStream(bad); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("x.roi"));
            zip.write(new byte[200]);
            zip.closeEntry();
        }
        assertEquals("bad.zip: entry 'x.roi' is not an ImageJ ROI",
                assertThrows(ResultFileException.class, () -> new RoiSetZip().read(bad)).getMessage());
    }

    @Test
    void namedAfterTheSlide() {
        assertEquals("kidney 7-rois.zip", new RoiSetZip().fileName("kidney 7"));
    }
}
