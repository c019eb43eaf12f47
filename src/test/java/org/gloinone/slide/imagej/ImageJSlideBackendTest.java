package org.gloinone.slide.imagej;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import org.gloinone.slide.Slide;
import org.gloinone.slide.SlideException;
import org.gloinone.slide.SlideFixtures;
import org.gloinone.slide.SlideLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.ShortProcessor;

class ImageJSlideBackendTest {
    private final ImageJSlideBackend backend = new ImageJSlideBackend();

    @TempDir
    Path dir;

    @Test
    void realPngIsOneLevelWithExactPixelsAndNoPixelSize() throws IOException {
        Path file = SlideFixtures.slide("openslide-boxes.png");
        BufferedImage png = ImageIO.read(file.toFile());
        try (Slide slide = backend.open(file)) {
            assertEquals("imagej", slide.backendName());
            assertEquals("png", slide.formatName());
            assertEquals(List.of(new SlideLevel(300, 250, 1.0)), slide.levels());
            assertTrue(slide.micronsPerPixelX().isEmpty());
            assertTrue(slide.objectiveMagnification().isEmpty());
            assertTrue(slide.associatedImageNames().isEmpty());
            int[] actual = slide.readRegion(0, 0, 0, 300, 250).update(null).getCurrentStorageArray();
            assertArrayEquals(png.getRGB(0, 0, 300, 250, null, 0, 300), actual);
        }
    }

    @Test
    void pngWithMetricPhysChunkGivesMicronsPerPixel() throws IOException {
        Path file = dir.resolve("calibrated.png");
        writePng(rgbImage(40, 30), file, 0.0005); // 0.0005 mm = 0.5 um per pixel
        try (Slide slide = backend.open(file)) {
            assertEquals(0.5, slide.micronsPerPixelX().getAsDouble(), 1e-3);
            assertEquals(0.5, slide.micronsPerPixelY().getAsDouble(), 1e-3);
            assertEquals(0.5, slide.requireMicronsPerPixel(), 1e-3);
        }
    }

    @Test
    void pngAtScreenResolutionHasNoPixelSize() throws IOException {
        Path file = dir.resolve("screen.png");
        writePng(rgbImage(40, 30), file, 25.4 / 72); // 72 dpi
        try (Slide slide = backend.open(file)) {
            assertTrue(slide.micronsPerPixelX().isEmpty());
            SlideException e = assertThrows(SlideException.class, slide::requireMicronsPerPixel);
            assertTrue(e.getMessage().startsWith("screen.png: "), e.getMessage());
        }
    }

    @Test
    void rgbRegionsClipToTransparentOutside() throws IOException {
        BufferedImage image = rgbImage(40, 30);
        Path file = dir.resolve("rgb.png");
        ImageIO.write(image, "png", file.toFile());
        try (Slide slide = backend.open(file)) {
            int[] r = slide.readRegion(0, -2, 28, 5, 4).update(null).getCurrentStorageArray();
            // Row 0 of the region is image row 28, columns -2..2.
            assertEquals(0, r[0]);
            assertEquals(0, r[1]);
            assertEquals(image.getRGB(0, 28), r[2]);
            assertEquals(image.getRGB(2, 28), r[4]);
            assertEquals(image.getRGB(1, 29), r[5 + 3]);
            assertEquals(0, r[2 * 5 + 2], "row 30 is outside");
        }
    }

    @Test
    void jpegIsReadByContentWithinJpegRounding() throws IOException {
        BufferedImage image = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 64; x++) {
                image.setRGB(x, y, 0xc06080);
            }
        }
        Path file = dir.resolve("flat.jpg");
        ImageIO.write(image, "jpeg", file.toFile());
        assertTrue(backend.recognises(file, Files.readAllBytes(file)));
        try (Slide slide = backend.open(file)) {
            assertEquals("jpeg", slide.formatName());
            assertEquals(List.of(new SlideLevel(64, 32, 1.0)), slide.levels());
            int p = slide.readRegion(0, 20, 10, 1, 1).update(null).getCurrentStorageArray()[0];
            assertEquals(0xff, p >>> 24);
            assertTrue(Math.abs(((p >> 16) & 0xff) - 0xc0) <= 3, Integer.toHexString(p));
            assertTrue(Math.abs(((p >> 8) & 0xff) - 0x60) <= 3, Integer.toHexString(p));
            assertTrue(Math.abs((p & 0xff) - 0x80) <= 3, Integer.toHexString(p));
        }
    }

    @Test
    void greyEightAndSixteenBit() throws IOException {
        BufferedImage grey = new BufferedImage(4, 2, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(1, 0, 0, 200);
        Path g8 = dir.resolve("grey8.png");
        ImageIO.write(grey, "png", g8.toFile());
        try (Slide slide = backend.open(g8)) {
            int[] p = slide.readRegion(0, 0, 0, 4, 2).update(null).getCurrentStorageArray();
            assertEquals(0xffc8c8c8, p[1]);
            assertEquals(0xff000000, p[0]);
        }
        // 16-bit: scaled by the display range, which ImageJ sets to the data range (1000..3000).
        ShortProcessor sp = new ShortProcessor(3, 1);
        sp.set(0, 0, 1000);
        sp.set(1, 0, 2000);
        sp.set(2, 0, 3000);
        ImagePlus imp16 = new ImagePlus("grey16", sp);
        imp16.resetDisplayRange();
        try (Slide slide = new ImagePlusSlide(imp16)) {
            int[] p = slide.readRegion(0, 0, 0, 3, 1).update(null).getCurrentStorageArray();
            assertEquals(0xff000000, p[0]);
            assertEquals(0xff, p[2] >>> 24);
            assertEquals(0xffffff, p[2] & 0xffffff);
            int mid = p[1] & 0xff;
            assertTrue(mid >= 126 && mid <= 129, "mid grey " + mid);
        }
    }

    @Test
    void tiffSavedByImageJKeepsItsMicronCalibration() throws IOException {
        ColorProcessor cp = new ColorProcessor(20, 10);
        cp.set(3, 4, 0x123456);
        ImagePlus imp = new ImagePlus("cal", cp);
        imp.getCalibration().setUnit("micron");
        imp.getCalibration().pixelWidth = 0.25;
        imp.getCalibration().pixelHeight = 0.3;
        Path file = dir.resolve("cal.tif");
        assertTrue(new FileSaver(imp).saveAsTiff(file.toString()));
        try (Slide slide = backend.open(file)) {
            assertEquals("tiff", slide.formatName());
            assertEquals(0.25, slide.micronsPerPixelX().getAsDouble(), 1e-6);
            assertEquals(0.3, slide.micronsPerPixelY().getAsDouble(), 1e-6);
            assertEquals(0xff123456, slide.readRegion(0, 3, 4, 1, 1).update(null).getCurrentStorageArray()[0]);
        }
    }

    @Test
    void wrappedImagePlusConvertsMillimetresAndIgnoresInches() throws IOException {
        ImagePlus mm = new ImagePlus("section", new ByteProcessor(8, 8));
        mm.getCalibration().setUnit("mm");
        mm.getCalibration().pixelWidth = 0.0005;
        mm.getCalibration().pixelHeight = 0.0005;
        try (Slide slide = backend.wrap(mm)) {
            assertEquals("imagej-image", slide.formatName());
            assertEquals(0.5, slide.micronsPerPixelX().getAsDouble(), 1e-9);
            assertEquals(Path.of("section"), slide.path());
        }
        ImagePlus inch = new ImagePlus("scan", new ByteProcessor(8, 8));
        inch.getCalibration().setUnit("inch");
        inch.getCalibration().pixelWidth = 1 / 72.0;
        try (Slide slide = new ImagePlusSlide(inch)) {
            assertTrue(slide.micronsPerPixelX().isEmpty());
        }
    }

    @Test
    void wrappedImageIsASnapshot() throws IOException {
        ColorProcessor cp = new ColorProcessor(2, 1);
        cp.set(0, 0, 0x00ff00);
        ImagePlus imp = new ImagePlus("live", cp);
        Slide slide = new ImagePlusSlide(imp);
        cp.set(0, 0, 0x0000ff);
        assertEquals(0xff00ff00, slide.readRegion(0, 0, 0, 1, 1).update(null).getCurrentStorageArray()[0]);
    }

    @Test
    void recognisesByContentAndTiffOnlyByExtension() throws IOException {
        assertTrue(backend.recognises(Path.of("x.bin"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}));
        assertTrue(backend.recognises(Path.of("x.bin"), new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0}));
        assertFalse(backend.recognises(Path.of("x.tif"), new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0}));
        assertTrue(backend.extensions().contains("tif"));
    }

    @Test
    void refusesImagesAboveThePixelLimitBeforeDecoding() throws IOException {
        Path file = dir.resolve("big.png");
        ImageIO.write(rgbImage(40, 30), "png", file.toFile());
        SlideException e = assertThrows(SlideException.class, () -> new ImageJSlideBackend(1000).open(file));
        assertTrue(e.getMessage().startsWith("big.png: is 40x30 pixels"), e.getMessage());
    }

    @Test
    void corruptAndForeignFilesFailWithTheFileName() throws IOException {
        Path cut = dir.resolve("cut.png");
        byte[] whole = Files.readAllBytes(SlideFixtures.slide("openslide-boxes.png"));
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        SlideException e = assertThrows(SlideException.class, () -> backend.open(cut));
        assertTrue(e.getMessage().startsWith("cut.png: cannot decode the PNG image"), e.getMessage());

        SlideException tiled = assertThrows(SlideException.class,
                () -> backend.open(SlideFixtures.slide("openslide-unopenable.tiff")));
        assertTrue(tiled.getMessage().startsWith("openslide-unopenable.tiff: "), tiled.getMessage());

        Path text = dir.resolve("notes.png");
        Files.writeString(text, "not an image");
        SlideException foreign = assertThrows(SlideException.class, () -> backend.open(text));
        assertEquals("notes.png: is not a PNG, JPEG, GIF, BMP or TIFF image", foreign.getMessage());
    }

    @Test
    void multiChannelNonRgbIsRefused() {
        ij.ImageStack stack = new ij.ImageStack(4, 4);
        stack.addSlice(new ByteProcessor(4, 4));
        stack.addSlice(new ByteProcessor(4, 4));
        ImagePlus imp = new ImagePlus("two-channels", stack);
        imp.setDimensions(2, 1, 1);
        SlideException e = assertThrows(SlideException.class, () -> new ImagePlusSlide(imp));
        assertTrue(e.getMessage().contains("2 channels"), e.getMessage());
    }

    static BufferedImage rgbImage(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, (x * 6) << 16 | (y * 8) << 8 | ((x + y) * 3));
            }
        }
        return image;
    }

    /**
     * Writes a PNG whose pHYs chunk says {@code mmPerPixel}, through the native PNG metadata tree (the
     * JDK's standard-tree merge writes pixels per metre wrongly).
     */
    static void writePng(BufferedImage image, Path file, double mmPerPixel) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
        String format = "javax_imageio_png_1.0";
        IIOMetadataNode phys = new IIOMetadataNode("pHYs");
        String perMetre = Long.toString(Math.round(1000 / mmPerPixel));
        phys.setAttribute("pixelsPerUnitXAxis", perMetre);
        phys.setAttribute("pixelsPerUnitYAxis", perMetre);
        phys.setAttribute("unitSpecifier", "meter");
        IIOMetadataNode root = new IIOMetadataNode(format);
        root.appendChild(phys);
        meta.mergeTree(format, root);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(new IIOImage(image, null, meta));
        } finally {
            writer.dispose();
        }
    }
}
