package org.gloinone.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.nio.file.Path;
import java.util.List;

import org.gloinone.detect.Circle;
import org.gloinone.io.AnnotationRegion;
import org.gloinone.io.RegionShape;
import org.gloinone.slide.tiff.PyramidTiffWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tiles and crops cut from an annotated slide: a written TIFF with two dark discs on white, at 0.5 um/px. */
class AnnotatedSlideDataTest {
    private static final int SIDE = 2048;
    private static final int DARK = 0xff402040;

    @TempDir
    static Path dir;
    static AnnotatedSlide annotated;

    @BeforeAll
    static void slide() throws IOException {
        Path file = dir.resolve("discs.tif");
        // discs of radius 150 px at (500, 600) and (1500, 1400)
        PyramidTiffWriter.write((x, y, w, h) -> {
            int[] px = new int[w * h];
            for (int j = 0; j < h; j++) {
                for (int i = 0; i < w; i++) {
                    boolean in = Math.hypot(x + i - 500, y + j - 600) < 150 || Math.hypot(x + i - 1500, y + j - 1400) < 150;
                    px[j * w + i] = in ? DARK : 0xffffffff;
                }
            }
            return px;
        }, SIDE, SIDE, PyramidTiffWriter.Options.defaults().withTileSize(256).withMicronsPerPixel(0.5)
                .withCompression(PyramidTiffWriter.Compression.DEFLATE), file);
        AnnotationRegion ellipse = new AnnotationRegion("nonGS", 1, RegionShape.ELLIPSE, "", new double[] {350, 650},
                new double[] {450, 750}, false);
        double[] xs = new double[32];
        double[] ys = new double[32];
        for (int i = 0; i < 32; i++) {
            xs[i] = 1500 + 150 * Math.cos(2 * Math.PI * i / 32);
            ys[i] = 1400 + 150 * Math.sin(2 * Math.PI * i / 32);
        }
        AnnotationRegion polygon = new AnnotationRegion("O-GGS", 2, RegionShape.POLYGON, "", xs, ys, false);
        AnnotationRegion notGlomerulus = new AnnotationRegion("non-glomerular", 3, RegionShape.RECTANGLE, "",
                new double[] {100, 200}, new double[] {1800, 1900}, false);
        annotated = new AnnotatedSlide(file, List.of(ellipse, polygon, notGlomerulus));
    }

    @Test
    void annotationsOffTheSlideAreRefusedBeforeAnyWindowIsPlanned() {
        // A square 0..1e9 px (once an OutOfMemoryError) and two squares 1e8 px apart (once a hang).
        AnnotationRegion huge = new AnnotationRegion("normal", 7, RegionShape.POLYGON, "",
                new double[] {0, 1e9, 1e9, 0}, new double[] {0, 0, 1e9, 1e9}, false);
        AnnotationRegion near = new AnnotationRegion("normal", 8, RegionShape.RECTANGLE, "",
                new double[] {100, 300}, new double[] {100, 300}, false);
        AnnotationRegion far = new AnnotationRegion("normal", 9, RegionShape.RECTANGLE, "",
                new double[] {1e8, 1e8 + 200}, new double[] {1e8, 1e8 + 200}, false);
        AnnotatedSlide hugeSquare = new AnnotatedSlide(annotated.slide(), List.of(huge));
        AnnotatedSlide farApart = new AnnotatedSlide(annotated.slide(), List.of(near, far));
        IOException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(IOException.class,
                () -> AnnotatedSlideData.tiles(List.of(hugeSquare), 2.0, 256)));
        assertEquals("discs.tif: annotation region 7 (x 0..1000000000, y 0..1000000000 px) lies outside the slide "
                + "(2048 x 2048 px); the annotations belong to another slide or are not in level-0 pixels", e.getMessage());
        IOException apart = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(IOException.class,
                () -> AnnotatedSlideData.tiles(List.of(farApart), 2.0, 256)));
        assertTrue(apart.getMessage().startsWith("discs.tif: annotation region 9 "), apart.getMessage());
        assertThrows(IOException.class, () -> AnnotatedSlideData.crops(List.of(hugeSquare), 224));
        // On the slide but larger than any glomerulus: 2000 px at 0.5 um/px is 1 mm.
        AnnotationRegion wide = new AnnotationRegion("normal", 10, RegionShape.RECTANGLE, "",
                new double[] {0, 2047}, new double[] {0, 2047}, false);
        IOException tooBig = assertThrows(IOException.class, () -> AnnotatedSlideData.crops(
                List.of(new AnnotatedSlide(annotated.slide(), List.of(wide))), 224));
        assertTrue(tooBig.getMessage().contains("larger than any glomerulus"), tooBig.getMessage());
    }

    @Test
    void nonGlomerularRegionsAreNoGlomeruliAndSclerosisWordsLabel() {
        List<AnnotationRegion> glomeruli = annotated.glomeruli();
        assertEquals(List.of(1, 2), glomeruli.stream().map(AnnotationRegion::regionId).toList());
        assertFalse(AnnotatedSlide.sclerosed(glomeruli.get(0)));
        assertTrue(AnnotatedSlide.sclerosed(glomeruli.get(1)));
    }

    @Test
    void oneCropPerGlomerulusCentredWithItsMask() throws IOException {
        List<GlomerulusCrop> crops = AnnotatedSlideData.crops(List.of(annotated), 224);
        assertEquals(2, crops.size());
        for (GlomerulusCrop c : crops) {
            assertEquals("discs.tif", c.slideId());
            // the disc fills the middle 1/1.5 of the crop: dark, inside the mask; the corners are white, outside
            assertEquals(1f, c.mask().get(112, 112, 0));
            assertEquals(0f, c.mask().get(5, 5, 0));
            assertEquals(0x40 / 255f, c.image().get(112, 112, 0), 0.02);
            assertEquals(1f, c.image().get(5, 5, 0), 0.02);
            // the mask covers the disc: pi r^2 with r = 224 / 3 px
            double area = 0;
            for (float v : c.mask().data()) {
                area += v;
            }
            assertEquals(Math.PI * Math.pow(224 / 3.0, 2), area, 0.03 * area);
        }
        assertEquals(List.of(false, true), crops.stream().map(GlomerulusCrop::sclerosed).toList());
    }

    @Test
    void tilesAtTheDetectorResolutionHoldEachGlomerulusOnce() throws IOException {
        // 256 px at 2 um/px = 1024 level-0 px per tile
        List<KidneyTile> tiles = AnnotatedSlideData.tiles(List.of(annotated), 2.0, 256);
        int centres = 0;
        for (KidneyTile t : tiles) {
            assertTrue(t.id() < 0, "annotated tiles train: ids below every validation range");
            assertEquals(256, t.image().width());
            for (Circle c : t.circles()) {
                if (c.centerX() >= 0 && c.centerX() < 256 && c.centerY() >= 0 && c.centerY() < 256) {
                    centres++;
                    assertEquals(37.5, c.radius(), 0.5);
                    assertEquals(1f, t.mask().get((int) c.centerX(), (int) c.centerY(), 0));
                }
            }
        }
        assertEquals(2, centres);
    }
}
