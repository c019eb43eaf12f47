package org.gloinone.io;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * Writes the classifier/segmenter inputs and masks as PNG, for checking and for training the next
 * model: {@code patches/<class>/<name>.png} and {@code masks/<name>.png}, where {@code <name>} is
 * {@code <slide>-G0001-x1200-y3400-w300-h300} (slide, glomerulus id and level-0 box).
 */
public final class PatchWriter {
    /** Folder of the images, one sub-folder per class. */
    public static final String PATCHES = "patches";
    /** Folder of the masks. */
    public static final String MASKS = "masks";

    private PatchWriter() {
    }

    /** The file name (without folder) of a patch of {@code slideStem}. */
    public static String fileName(String slideStem, GlomerulusPatch p) {
        return String.format(Locale.ROOT, "%s-%s-x%d-y%d-w%d-h%d.png", slideStem, ResultNames.label(p.glomerulusId()),
                p.x(), p.y(), p.level0Width(), p.level0Height());
    }

    /**
     * Writes one patch and its mask (if any) under {@code slideFolder}.
     *
     * @return the patch image file
     */
    public static Path write(String slideStem, GlomerulusPatch p, Path slideFolder) throws IOException {
        String name = fileName(slideStem, p);
        Path classFolder = Files.createDirectories(slideFolder.resolve(PATCHES).resolve(ResultNames.fileSafe(p.className())));
        Path image = classFolder.resolve(name);
        BufferedImage rgb = new BufferedImage(p.width(), p.height(), BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, p.width(), p.height(), p.argb(), 0, p.width());
        writePng(rgb, image);
        if (p.mask().isPresent()) {
            Path masks = Files.createDirectories(slideFolder.resolve(MASKS));
            BufferedImage gray = new BufferedImage(p.width(), p.height(), BufferedImage.TYPE_BYTE_GRAY);
            byte[] m = p.mask().get();
            byte[] binary = new byte[m.length];
            for (int i = 0; i < m.length; i++) {
                binary[i] = m[i] != 0 ? (byte) 255 : 0;
            }
            gray.getRaster().setDataElements(0, 0, p.width(), p.height(), binary);
            writePng(gray, masks.resolve(name));
        }
        return image;
    }

    /**
     * Writes {@code image} as PNG to {@code file} atomically. The PNG is encoded in memory first, so a failing
     * disk surfaces as the file system's own IOException ("No space left on device") rather than inside the
     * image encoder, whose clean-up then fails too.
     */
    static void writePng(BufferedImage image, Path file) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", png)) {
            throw new ResultFileException(file, "no PNG writer available");
        }
        AtomicFiles.write(file, png::writeTo);
    }
}
