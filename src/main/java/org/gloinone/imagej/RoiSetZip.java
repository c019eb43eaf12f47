package org.gloinone.imagej;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import ij.gui.OvalRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.io.RoiDecoder;
import ij.io.RoiEncoder;
import ij.process.FloatPolygon;

import org.gloinone.detect.Circle;
import org.gloinone.io.AnnotationRegion;
import org.gloinone.io.AtomicFiles;
import org.gloinone.io.ClassColors;
import org.gloinone.io.Polygons;
import org.gloinone.io.ResultFileException;
import org.gloinone.io.ResultNames;
import org.gloinone.io.SlideFileWriter;
import org.gloinone.pipeline.GlomerulusResult;
import org.gloinone.pipeline.SlideResult;
import org.gloinone.segment.Outline;

/**
 * ImageJ ROI sets ({@code <slide>-rois.zip}), the format of the ROI Manager's "Save" and "Open".
 *
 * <p>Writing: per glomerulus an {@link OvalRoi} named as in the ROI Manager,
 * {@link ResultNames#roiName} (label, class, class probability or detection score) stroked in its class colour
 * and tagged with {@link RoiTags}, and, when segmented, its mask outline as a
 * {@link PolygonRoi} named {@code G0001 normal mask}. Entries are encoded by ImageJ's own
 * {@link RoiEncoder}. Coordinates are level-0 pixels.
 *
 * <p>Reading: every entry is decoded by {@link RoiDecoder}; ovals, rectangles and polygons convert to
 * circles. Hardened: entry names that would leave their folder (zip slip: {@code ..}, absolute paths)
 * are refused, as are files, entries or entry counts above the limits.
 */
public final class RoiSetZip implements SlideFileWriter {
    /** Default largest zip file accepted: 256 MiB. */
    public static final long DEFAULT_MAX_BYTES = 256L << 20;
    /** Default largest single ROI entry, uncompressed: 16 MiB (a polygon of a million vertices). */
    public static final int DEFAULT_MAX_ENTRY_BYTES = 16 << 20;
    /** Default most entries: 1,000,000. */
    public static final int DEFAULT_MAX_ENTRIES = 1_000_000;

    /** Fixed entry time (DOS time starts in 1980); ImageJ ignores it. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private final long maxBytes;
    private final int maxEntryBytes;
    private final int maxEntries;

    /** A ROI set reader/writer with the default limits. */
    public RoiSetZip() {
        this(DEFAULT_MAX_BYTES, DEFAULT_MAX_ENTRY_BYTES, DEFAULT_MAX_ENTRIES);
    }

    /**
     * @param maxBytes      largest zip file accepted
     * @param maxEntryBytes largest uncompressed entry accepted
     * @param maxEntries    most entries accepted
     */
    public RoiSetZip(long maxBytes, int maxEntryBytes, int maxEntries) {
        if (maxBytes < 1 || maxEntryBytes < 1 || maxEntries < 1) {
            throw new IllegalArgumentException("ROI set limits must be >= 1, got " + maxBytes + ", " + maxEntryBytes
                    + ", " + maxEntries);
        }
        this.maxBytes = maxBytes;
        this.maxEntryBytes = maxEntryBytes;
        this.maxEntries = maxEntries;
    }

    /** One ROI read from a set. */
    public record Entry(String entryName, Roi roi) {
        /** The ROI's name (ImageJ falls back to the entry name without ".roi"). */
        public String name() {
            return roi.getName() != null ? roi.getName() : entryName.replaceFirst("\\.roi$", "");
        }

        /** The circle this ROI stands for: ovals and rectangles by their bounds, polygons by equal area. */
        public Optional<Circle> toCircle() {
            return RoiSetZip.toCircle(roi);
        }
    }

    @Override
    public String fileName(String slideStem) {
        return slideStem + "-rois.zip";
    }

    /** The ROIs for {@code result}, in the order they are written. */
    public static List<Roi> rois(SlideResult result) {
        ClassColors colors = ClassColors.of(result);
        List<Roi> rois = new ArrayList<>();
        for (GlomerulusResult g : result.glomeruli()) {
            Color colour = new Color(colors.rgb(g.className()));
            Circle c = g.detection().circle();
            Roi oval = new OvalRoi(c.centerX() - c.radius(), c.centerY() - c.radius(), 2 * c.radius(), 2 * c.radius());
            oval.setName(ResultNames.roiName(g));
            oval.setStrokeColor(colour);
            boolean sclerosed = result.sclerosedClasses().contains(g.className());
            RoiTags.tag(oval, g, RoiTags.CIRCLE, sclerosed);
            rois.add(oval);
            if (g.outline().isPresent()) {
                Outline o = g.outline().get();
                float[] xs = new float[o.size()];
                float[] ys = new float[o.size()];
                for (int i = 0; i < xs.length; i++) {
                    xs[i] = (float) o.x(i);
                    ys[i] = (float) o.y(i);
                }
                Roi mask = new PolygonRoi(new FloatPolygon(xs, ys), Roi.POLYGON);
                mask.setName(ResultNames.maskRoiName(g));
                mask.setStrokeColor(colour);
                RoiTags.tag(mask, g, RoiTags.OUTLINE, sclerosed);
                rois.add(mask);
            }
        }
        return rois;
    }

    @Override
    public void write(SlideResult result, Path file) throws IOException {
        List<Roi> rois = rois(result);
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            Set<String> used = new HashSet<>();
            for (Roi roi : rois) {
                String entry = entryName(roi.getName(), used);
                ZipEntry e = new ZipEntry(entry);
                e.setTimeLocal(ENTRY_TIME); // same result, same bytes: no wall-clock time in the archive
                zip.putNextEntry(e);
                zip.write(RoiEncoder.saveAsByteArray(roi));
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    private static String entryName(String roiName, Set<String> used) {
        // The ROI Manager shows the ROI's own name; entry names only need to be unique and file-safe.
        String base = roiName.replace(' ', '-').replaceAll("[^A-Za-z0-9._-]", "_");
        String name = base + ".roi";
        for (int k = 2; !used.add(name); k++) {
            name = base + "-" + k + ".roi";
        }
        return name;
    }

    /**
     * Reads every ROI of a set.
     *
     * @throws ResultFileException if the zip is too large, has too many or too large entries, an entry
     *                             escapes its folder, or an entry is not an ImageJ ROI
     */
    public List<Entry> read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new ResultFileException(file, "is " + size + " bytes, more than the limit of " + maxBytes
                    + " for ROI sets");
        }
        requireZip(file);
        List<Entry> entries = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String name = e.getName();
                if (escapes(name)) {
                    throw new ResultFileException(file, "entry '" + name + "' points outside the ROI set (zip slip)");
                }
                if (e.isDirectory() || !name.toLowerCase(java.util.Locale.ROOT).endsWith(".roi")) {
                    continue;
                }
                if (entries.size() >= maxEntries) {
                    throw new ResultFileException(file, "has more than " + maxEntries + " ROIs");
                }
                byte[] bytes = zip.readNBytes(maxEntryBytes + 1);
                if (bytes.length > maxEntryBytes) {
                    throw new ResultFileException(file, "entry '" + name + "' is larger than " + maxEntryBytes
                            + " bytes");
                }
                Roi roi = decode(bytes, name);
                if (roi == null) {
                    throw new ResultFileException(file, "entry '" + name + "' is not an ImageJ ROI");
                }
                entries.add(new Entry(name, roi));
            }
        } catch (ResultFileException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            // ZipInputStream's own errors may have no message (an EOFException) or be unchecked (an entry name
            // that is not UTF-8): say what the file is.
            throw new ResultFileException(file, "is not a valid zip file ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
        }
        return entries;
    }

    /** Refuses a file that does not start like a zip: ZipInputStream would read it as an empty set. */
    private static void requireZip(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4);
        }
        boolean zip = head.length == 4 && head[0] == 'P' && head[1] == 'K'
                && (head[2] == 3 && head[3] == 4 || head[2] == 5 && head[3] == 6);
        if (!zip) {
            throw new ResultFileException(file, "is not a zip file, so not an ImageJ ROI set");
        }
    }

    private static Roi decode(byte[] bytes, String name) {
        // RoiDecoder checks the "Iout" magic and returns null for anything else.
        if (bytes.length < 64 || bytes[0] != 'I' || bytes[1] != 'o' || bytes[2] != 'u' || bytes[3] != 't') {
            return null;
        }
        try {
            return new RoiDecoder(bytes, name).getRoi();
        } catch (IOException | RuntimeException corrupt) {
            return null;
        }
    }

    /** True for names that are absolute or climb out of the archive's root ({@code ../}, {@code C:}). */
    static boolean escapes(String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || (n.length() > 1 && n.charAt(1) == ':')) {
            return true;
        }
        for (String part : n.split("/")) {
            if (part.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** The circle a ROI stands for, if it encloses an area: the rule of {@link AnnotationRegion#toCircle()}. */
    public static Optional<Circle> toCircle(Roi roi) {
        AnnotationRegion region = AnnotationFiles.region(roi, "", "", 0);
        return region == null ? Optional.empty() : region.toCircle();
    }
}
