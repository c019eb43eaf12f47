package org.gloinone.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Leave-slides-out k-fold cross-validation: every slide falls in exactly one fold, so a model is always
 * scored on slides it never saw (crops or tiles of one slide are not independent).
 *
 * <p>Slides are shuffled with a fixed seed, then dealt largest first to the fold that holds the fewest items
 * so far, which keeps the folds' sizes close even when slides differ in size. Folds can also be whole sources
 * (leave-one-source-out): a source is the part of a slide id before its first underscore ({@code SESCAM_102}:
 * {@code SESCAM}), the lab or scanner that made the slide, so that a model is scored on slides of a lab it never saw.
 */
public final class SlideFolds {
    /** The {@code --folds} value that makes one fold per source instead of K dealt folds. */
    public static final String BY_SOURCE = "sources";

    private final List<Set<String>> folds;

    private SlideFolds(List<Set<String>> folds) {
        this.folds = folds;
    }

    /**
     * @param itemSlides the slide of each item (e.g. of each crop)
     * @param k          number of folds, from 2 to the number of distinct slides
     * @param seed       shuffling seed
     * @return the folds
     * @throws IllegalArgumentException when k is out of range
     */
    public static SlideFolds of(List<String> itemSlides, int k, long seed) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String s : itemSlides) {
            counts.merge(s, 1, Integer::sum);
        }
        if (k < 2 || k > counts.size()) {
            throw new IllegalArgumentException("folds must be from 2 to the number of slides ("
                    + counts.size() + "), got " + k);
        }
        List<String> slides = new ArrayList<>(counts.keySet());
        Collections.shuffle(slides, new Random(seed));
        // Stable sort after the shuffle: equal-sized slides keep their seeded order.
        slides.sort((a, b) -> Integer.compare(counts.get(b), counts.get(a)));
        List<Set<String>> folds = new ArrayList<>();
        int[] sizes = new int[k];
        for (int f = 0; f < k; f++) {
            folds.add(new TreeSet<>());
        }
        for (String slide : slides) {
            int smallest = 0;
            for (int f = 1; f < k; f++) {
                if (sizes[f] < sizes[smallest]) {
                    smallest = f;
                }
            }
            folds.get(smallest).add(slide);
            sizes[smallest] += counts.get(slide);
        }
        return new SlideFolds(folds);
    }

    /**
     * The folds an option asks for: {@value #BY_SOURCE} for one fold per source ({@link #bySource}), else a number K
     * ({@link #of}).
     *
     * @throws IllegalArgumentException if the value is neither, or the folds cannot be made
     */
    public static SlideFolds parse(String spec, List<String> itemSlides, long seed) {
        if (BY_SOURCE.equals(spec.strip())) {
            return bySource(itemSlides);
        }
        int k;
        try {
            k = Integer.parseInt(spec.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number of folds or '" + BY_SOURCE + "', got '" + spec
                    + "'", e);
        }
        return of(itemSlides, k, seed);
    }

    /**
     * One fold per source: every slide whose id starts with the same source is held out together.
     *
     * @throws IllegalArgumentException if the slides come from fewer than 2 sources
     */
    public static SlideFolds bySource(List<String> itemSlides) {
        Map<String, Set<String>> bySource = new TreeMap<>();
        for (String slide : itemSlides) {
            bySource.computeIfAbsent(sourceOf(slide), s -> new TreeSet<>()).add(slide);
        }
        if (bySource.size() < 2) {
            throw new IllegalArgumentException("folds by source need slides of at least 2 sources (the part of a "
                    + "slide_id before its first '_'), got " + bySource.keySet());
        }
        return new SlideFolds(new ArrayList<>(bySource.values()));
    }

    /** The source of a slide: its id up to the first underscore, or the whole id without one. */
    public static String sourceOf(String slideId) {
        int cut = slideId.indexOf('_');
        return cut > 0 ? slideId.substring(0, cut) : slideId;
    }

    /**
     * Folds given by their held-out slides, e.g. those a cross-validated training recorded.
     *
     * @throws IllegalArgumentException if there are fewer than 2 folds, a fold is empty, or a slide lies in two
     */
    public static SlideFolds given(List<Set<String>> heldOut) {
        if (heldOut.size() < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + heldOut.size());
        }
        Set<String> seen = new HashSet<>();
        List<Set<String>> folds = new ArrayList<>();
        for (Set<String> fold : heldOut) {
            if (fold.isEmpty()) {
                throw new IllegalArgumentException("fold " + (folds.size() + 1) + " holds out no slide");
            }
            for (String slide : fold) {
                if (!seen.add(slide)) {
                    throw new IllegalArgumentException("slide " + slide + " is held out in two folds");
                }
            }
            folds.add(new TreeSet<>(fold));
        }
        return new SlideFolds(folds);
    }

    /** @return the number of folds */
    public int count() {
        return folds.size();
    }

    /**
     * @param fold fold index, from 0 to {@link #count()} - 1
     * @return the slides held out in that fold (its validation side)
     */
    public Set<String> heldOut(int fold) {
        return Collections.unmodifiableSet(folds.get(fold));
    }

    /**
     * @param fold  fold index
     * @param slide a slide id
     * @return whether the slide is held out in that fold
     */
    public boolean isHeldOut(int fold, String slide) {
        return folds.get(fold).contains(slide);
    }
}
