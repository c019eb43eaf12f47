package org.gloinone.fiji;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

import ij.ImagePlus;
import ij.gui.Roi;

import org.gloinone.classify.Classification;
import org.gloinone.detect.Circle;
import org.gloinone.detect.Detection;
import org.gloinone.imagej.RoiTags;
import org.gloinone.pipeline.GlomerulusResult;
import org.gloinone.pipeline.SlideResult;

/**
 * The ROIs a pathologist hands to Classify or Segment after reviewing earlier results. Each ROI that encloses
 * an area gives a circle and keeps its glomerulus id ({@link RoiTags#id}); a ROI without one (drawn by the
 * user) gets a new id above every id issued on that image so far, so a deleted glomerulus' id is never reused.
 * {@link #apply} gives the pipeline's result on those circles these ids, and lets a Segment keep the class that
 * an earlier Classify put on the ROI.
 */
public final class RoiReview {
    /** Image property holding the highest glomerulus id issued for the ROIs on that image. */
    public static final String LAST_ID = "GloInOne.LastId";

    private final RoiCircles.Conversion conversion;
    private final List<Integer> ids;
    private final List<Optional<Classification>> carried;
    private final List<OptionalDouble> scores;
    private final Set<String> sclerosed;

    private RoiReview(RoiCircles.Conversion conversion, List<Integer> ids, List<Optional<Classification>> carried,
                      List<OptionalDouble> scores, Set<String> sclerosed) {
        this.conversion = conversion;
        this.ids = List.copyOf(ids);
        this.carried = List.copyOf(carried);
        this.scores = List.copyOf(scores);
        this.sclerosed = Set.copyOf(sclerosed);
    }

    /**
     * @param chosen        the ROIs to work on, in the pixels of an image {@code downsample} level-0 pixels wide
     * @param highestIssued the highest id issued so far on the image ({@link #highestIssued})
     */
    public static RoiReview of(List<Roi> chosen, double downsample, int highestIssued) {
        RoiCircles.Conversion conversion = RoiCircles.toCircles(chosen, downsample);
        int next = Math.max(highestIssued, highestId(conversion.sources())) + 1;
        List<Integer> ids = new ArrayList<>();
        List<Optional<Classification>> carried = new ArrayList<>();
        List<OptionalDouble> scores = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        Set<String> sclerosed = new HashSet<>();
        for (Roi roi : conversion.sources()) {
            OptionalInt id = RoiTags.id(roi);
            // A copied ROI repeats its original's id: the copy is a glomerulus of its own.
            int assigned = id.isPresent() && used.add(id.getAsInt()) ? id.getAsInt() : next++;
            used.add(assigned);
            ids.add(assigned);
            // A copy is a new glomerulus: its detector score is not the original's.
            scores.add(id.isPresent() && assigned == id.getAsInt() ? RoiTags.score(roi) : OptionalDouble.empty());
            Optional<Classification> c = RoiTags.classification(roi);
            carried.add(c);
            if (c.isPresent() && RoiTags.isSclerosed(roi)) {
                sclerosed.add(c.get().className());
            }
        }
        return new RoiReview(conversion, ids, carried, scores, sclerosed);
    }

    /** The highest id among {@code rois} and the one recorded on {@code image}; 0 when none. */
    public static int highestIssued(List<Roi> rois, Optional<ImagePlus> image) {
        int recorded = image.map(i -> i.getProp(LAST_ID)).map(RoiReview::parseId).orElse(0);
        return Math.max(recorded, highestId(rois));
    }

    /** Records on {@code image} the highest id issued so far, counting {@code result}'s glomeruli. */
    public static void recordIssued(ImagePlus image, SlideResult result) {
        int highest = highestIssued(List.of(), Optional.of(image));
        for (List<GlomerulusResult> list : List.of(result.glomeruli(), result.rejected())) {
            for (GlomerulusResult g : list) {
                highest = Math.max(highest, g.id());
            }
        }
        image.setProp(LAST_ID, Integer.toString(highest));
    }

    private static int highestId(List<Roi> rois) {
        return rois.stream().map(RoiTags::id).filter(OptionalInt::isPresent).mapToInt(OptionalInt::getAsInt)
                .max().orElse(0);
    }

    private static int parseId(String text) {
        try {
            return Math.max(0, Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The circles to classify or segment, level-0 pixels, one per {@link #sources()} ROI. */
    public List<Circle> circles() {
        return conversion.circles();
    }

    /** The ROIs that gave the circles, same order. */
    public List<Roi> sources() {
        return conversion.sources();
    }

    /** The glomerulus id of each source ROI, same order. */
    public List<Integer> ids() {
        return ids;
    }

    /** The ROIs that gave no circle, with the reason. */
    public List<String> skipped() {
        return conversion.skipped();
    }

    /**
     * The pipeline's result on {@link #circles()} (ids 1 to n in circle order) with the reviewed ids instead,
     * glomeruli in id order; a glomerulus keeps the detector score its ROI carried, and one the run did not
     * classify keeps the class its ROI carried.
     */
    public SlideResult apply(SlideResult fromCircles) {
        List<GlomerulusResult> glomeruli = renumber(fromCircles.glomeruli());
        List<GlomerulusResult> rejected = renumber(fromCircles.rejected());
        boolean classified = fromCircles.glomeruli().stream().anyMatch(g -> g.classification().isPresent())
                || fromCircles.rejected().stream().anyMatch(g -> g.classification().isPresent());
        List<String> classNames = fromCircles.classNames();
        Set<String> sclerosedClasses = fromCircles.sclerosedClasses();
        if (!classified && glomeruli.stream().anyMatch(g -> g.classification().isPresent())) {
            // The classes came from the ROIs: report those, in the model's order.
            Set<String> names = new LinkedHashSet<>();
            glomeruli.stream().map(GlomerulusResult::classification).flatMap(Optional::stream)
                    .forEach(c -> c.classNames().stream()
                            .filter(n -> glomeruli.stream().anyMatch(g -> g.className().equals(n)))
                            .forEach(names::add));
            if (glomeruli.stream().anyMatch(g -> g.classification().isEmpty())) {
                names.add(GlomerulusResult.UNCLASSIFIED);
            }
            classNames = List.copyOf(names);
            sclerosedClasses = sclerosed;
        }
        return new SlideResult(fromCircles.slide(), fromCircles.options(), fromCircles.models(), classNames,
                sclerosedClasses, glomeruli, rejected, fromCircles.tissueAreaMm2(), fromCircles.tilesPlanned(),
                fromCircles.tilesSkipped(), fromCircles.timings(), fromCircles.displayColors());
    }

    private List<GlomerulusResult> renumber(List<GlomerulusResult> list) {
        List<GlomerulusResult> out = new ArrayList<>();
        for (GlomerulusResult g : list) {
            int index = g.id() - 1;
            if (index < 0 || index >= ids.size()) {
                throw new IllegalStateException("result glomerulus " + g.id() + " has no ROI among " + ids.size());
            }
            Optional<Classification> c = g.classification().isPresent() ? g.classification() : carried.get(index);
            Detection d = scores.get(index).isPresent()
                    ? new Detection(g.detection().circle(), scores.get(index).getAsDouble()) : g.detection();
            out.add(new GlomerulusResult(ids.get(index), d, c, g.outline(), g.morphometry()));
        }
        out.sort(Comparator.comparingInt(GlomerulusResult::id));
        return out;
    }
}
