package org.gloinone.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class CircleNmsTest {

    private static Detection d(double x, double y, double r, double score) {
        return new Detection(new Circle(x, y, r), score);
    }

    @Test
    void keepsTheHighestScoreOfOverlappingCirclesAndReturnsThemBestFirst() {
        Detection weak = d(102, 100, 50, 0.6);
        Detection strong = d(100, 100, 50, 0.9);
        Detection far = d(500, 500, 40, 0.7);
        List<Detection> kept = new CircleNms(0.35).suppress(List.of(weak, far, strong));
        assertEquals(List.of(strong, far), kept);
    }

    @Test
    void suppressesOnlyAboveTheThreshold() {
        // Two unit circles one radius apart: IoU = 0.2437.
        Detection a = d(0, 0, 10, 0.9);
        Detection b = d(10, 0, 10, 0.8);
        assertEquals(2, new CircleNms(0.25).suppress(List.of(a, b)).size());
        assertEquals(1, new CircleNms(0.24).suppress(List.of(a, b)).size());
    }

    @Test
    void equalScoresAreBrokenByPositionWhateverTheInputOrder() {
        Detection upper = d(100, 90, 30, 0.5);
        Detection lower = d(100, 100, 30, 0.5);
        Detection leftOfLower = d(95, 100, 30, 0.5);
        List<Detection> expected = List.of(upper);
        assertEquals(expected, new CircleNms(0.3).suppress(List.of(lower, leftOfLower, upper)));
        assertEquals(expected, new CircleNms(0.3).suppress(List.of(upper, lower, leftOfLower)));
        // Without the upper one, the left one wins (same y, smaller x).
        assertEquals(List.of(leftOfLower), new CircleNms(0.3).suppress(List.of(lower, leftOfLower)));
    }

    @Test
    void chainsAreResolvedGreedily() {
        // a suppresses b, so c (which only overlaps b) survives.
        Detection a = d(0, 0, 10, 0.9);
        Detection b = d(8, 0, 10, 0.8);
        Detection c = d(16, 0, 10, 0.7);
        assertEquals(List.of(a, c), new CircleNms(0.3).suppress(List.of(c, b, a)));
    }

    @Test
    void resultDoesNotDependOnInputOrderAndMatchesBruteForce() {
        Random random = new Random(7);
        List<Detection> all = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            all.add(d(random.nextInt(2000), random.nextInt(2000), 10 + random.nextInt(60),
                    Math.round(random.nextDouble() * 20) / 20.0));
        }
        List<Detection> kept = new CircleNms(0.35).suppress(all);
        List<Detection> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(3));
        assertEquals(kept, new CircleNms(0.35).suppress(shuffled));

        List<Detection> sorted = new ArrayList<>(all);
        sorted.sort(CircleNms.ORDER);
        List<Detection> brute = new ArrayList<>();
        for (Detection cand : sorted) {
            if (brute.stream().noneMatch(k -> CircleIou.of(k.circle(), cand.circle()) > 0.35)) {
                brute.add(cand);
            }
        }
        assertEquals(brute, kept);
    }
}
