package org.gloinone.slide.tiff;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.gloinone.slide.SlideException;

/**
 * Decides which directories of a TIFF are pyramid levels and which are associated images, and
 * where the pixel size comes from: Aperio SVS (levels among the top-level directories, thumbnail
 * second, label and macro named in their descriptions), OME-TIFF (SubIFD pyramids under the first
 * plane) or generic pyramidal TIFF (reduced-resolution directories).
 */
final class PyramidLayout {
    /** One decodable image of the file, with a stable number for the tile cache and a name for messages. */
    record Part(int id, String name, TiffImage image) {
    }

    final String format;
    final List<Part> levels = new ArrayList<>();
    final Map<String, Part> associated = new LinkedHashMap<>();
    /** Associated images the reader cannot decode, with the reason, reported when one is read. */
    final Map<String, SlideException> undecodableAssociated = new LinkedHashMap<>();
    OptionalDouble micronsX = OptionalDouble.empty();
    OptionalDouble micronsY = OptionalDouble.empty();
    OptionalDouble magnification = OptionalDouble.empty();

    private final TiffInput in;
    private int nextId;

    private PyramidLayout(List<TiffDirectory> dirs, TiffInput in) throws IOException {
        this.in = in;
        TiffDirectory first = dirs.get(0);
        String description = first.text(TiffTag.IMAGE_DESCRIPTION);
        if (AperioDescription.isAperio(description)) {
            format = "aperio-svs";
            aperio(dirs, description);
        } else if (description.contains("<OME") && description.contains("Pixels")) {
            format = "ome-tiff";
            ome(first, description);
        } else {
            format = "generic-tiff";
            generic(dirs);
        }
        if (micronsX.isEmpty() || micronsY.isEmpty()) {
            micronsX = PixelSizeSources.resolutionMicrons(first.rational(TiffTag.X_RESOLUTION),
                    first.number(TiffTag.RESOLUTION_UNIT, 0));
            micronsY = PixelSizeSources.resolutionMicrons(first.rational(TiffTag.Y_RESOLUTION),
                    first.number(TiffTag.RESOLUTION_UNIT, 0));
            if (micronsX.isEmpty() || micronsY.isEmpty()) {
                micronsX = OptionalDouble.empty();
                micronsY = OptionalDouble.empty();
            }
        }
    }

    /** Reads the layout of parsed directories; fails naming the file when level 0 cannot be decoded. */
    static PyramidLayout of(List<TiffDirectory> dirs, TiffInput in) throws IOException {
        return new PyramidLayout(dirs, in);
    }

    private void aperio(List<TiffDirectory> dirs, String description) throws IOException {
        AperioDescription d = AperioDescription.parse(description);
        micronsX = d.positive("MPP");
        micronsY = micronsX;
        magnification = d.positive("AppMag");
        addLevel(dirs.get(0));
        for (int i = 1; i < dirs.size(); i++) {
            TiffDirectory dir = dirs.get(i);
            if (dir.isTiled()) {
                addLevel(dir);
                continue;
            }
            String name = AperioDescription.associatedName(dir.text(TiffTag.IMAGE_DESCRIPTION));
            if (name == null && i == 1) {
                name = "thumbnail";
            }
            if (name == null) {
                long type = dir.number(TiffTag.NEW_SUBFILE_TYPE, 0);
                name = type == 1 ? "label" : type == 9 ? "macro" : null;
            }
            if (name != null && !associated.containsKey(name) && !undecodableAssociated.containsKey(name)) {
                try {
                    associated.put(name, new Part(nextId++, name + " image", TiffImage.of(dir, in, name + " image")));
                } catch (SlideException e) {
                    // A label in an odd format must not make the whole slide unreadable.
                    undecodableAssociated.put(name, e);
                }
            }
        }
        sortLevels();
    }

    private void ome(TiffDirectory first, String xml) throws IOException {
        micronsX = PixelSizeSources.omeMicrons(xml, "X");
        micronsY = PixelSizeSources.omeMicrons(xml, "Y");
        magnification = PixelSizeSources.omeMagnification(xml);
        addLevel(first);
        for (TiffDirectory sub : first.subDirectories()) {
            addLevel(sub);
        }
        sortLevels();
    }

    private void generic(List<TiffDirectory> dirs) throws IOException {
        TiffDirectory first = dirs.get(0);
        addLevel(first);
        List<TiffDirectory> candidates = new ArrayList<>(first.subDirectories());
        candidates.addAll(dirs.subList(1, dirs.size()));
        double aspect = (double) first.width() / first.height();
        for (TiffDirectory dir : candidates) {
            boolean smaller = dir.width() > 0 && dir.height() > 0 && dir.width() < first.width();
            // Same aspect ratio within rounding of a halved side: a reduced copy, not an unrelated image.
            boolean sameShape = smaller && Math.abs((double) dir.width() / dir.height() - aspect)
                    <= aspect * 2.5 / Math.min(dir.width(), dir.height()) + 1e-9;
            if (smaller && sameShape && (dir.isReducedResolution() || dir.isTiled())) {
                addLevel(dir);
            }
        }
        sortLevels();
    }

    private void addLevel(TiffDirectory dir) throws IOException {
        String name = levels.isEmpty() ? "level 0" : "level of " + dir.width() + "x" + dir.height() + " px";
        if (!levels.isEmpty() && (dir.width() > levels.get(0).image().width
                || dir.height() > levels.get(0).image().height)) {
            return;
        }
        levels.add(new Part(nextId++, name, TiffImage.of(dir, in, name)));
    }

    private void sortLevels() {
        levels.sort(Comparator.comparingLong((Part p) -> -(long) p.image().width * p.image().height));
        // Two directories of one size (e.g. a stripped copy) add nothing: keep the first.
        for (int i = levels.size() - 1; i > 0; i--) {
            if (levels.get(i).image().width == levels.get(i - 1).image().width
                    && levels.get(i).image().height == levels.get(i - 1).image().height) {
                levels.remove(i);
            }
        }
        for (int i = 1; i < levels.size(); i++) {
            Part p = levels.get(i);
            levels.set(i, new Part(p.id(), "level " + i, p.image()));
        }
    }
}
