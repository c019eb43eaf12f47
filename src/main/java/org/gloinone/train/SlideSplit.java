package org.gloinone.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Chooses validation slides: whole slides, never single crops, because crops of one slide are not independent.
 * Slides are shuffled with a fixed seed and taken until the validation share of items is reached.
 */
public final class SlideSplit {
    private SlideSplit() {
    }

    /**
     * @param itemSlides the slide of each item (e.g. of each crop)
     * @param fraction   wanted share of items in validation (0-1)
     * @param seed       shuffling seed
     * @return the validation slide ids
     */
    public static Set<String> validationSlides(List<String> itemSlides, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in (0, 1), got " + fraction);
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (String s : itemSlides) {
            counts.merge(s, 1, Integer::sum);
        }
        List<String> slides = new ArrayList<>(counts.keySet());
        Collections.shuffle(slides, new Random(seed));
        Set<String> val = new TreeSet<>();
        int taken = 0;
        for (String s : slides) {
            if (taken >= fraction * itemSlides.size()) {
                break;
            }
            if (val.size() + 1 >= slides.size()) {
                break;
            }
            val.add(s);
            taken += counts.get(s);
        }
        return val;
    }
}
