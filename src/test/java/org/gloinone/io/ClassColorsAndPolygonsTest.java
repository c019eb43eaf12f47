package org.gloinone.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.gloinone.detect.Circle;
import org.gloinone.segment.Outline;
import org.junit.jupiter.api.Test;

class ClassColorsAndPolygonsTest {
    @Test
    void theModelsSclerosedClassesAreRedWhateverTheirNames() {
        // a model whose classes are GS (globally sclerosed) and nonGS: the scheme, not the names, decides
        ClassColors gs = ClassColors.of(List.of("nonGS", "GS"), Set.of("GS"));
        assertEquals(ClassColors.SCLEROSED, gs.rgb("GS"));
        assertEquals(ClassColors.NORMAL, gs.rgb("nonGS"));
        assertEquals(ClassColors.UNCLASSIFIED, ClassColors.of(List.of("glomerulus"), Set.of()).rgb("glomerulus"));
        assertEquals(ClassColors.NON_GLOMERULAR, gs.rgb("non-glomerular"));
    }

    @Test
    void wellKnownClassesKeepTheirColours() {
        ClassColors c = ClassColors.of(List.of("sclerosed", "normal"), Set.of("sclerosed"));
        assertEquals(0x00B000, c.rgb("normal"));
        assertEquals(0xE00000, c.rgb("sclerosed"));
        assertEquals(0x808080, c.rgb("non-glomerular"));
        assertArrayEquals(new int[] {224, 0, 0}, c.components("sclerosed"));
        // ImageScope's LineColor is BGR: pure red 0xFF0000 would be 255; our red 0xE00000 is 224
        assertEquals(224, c.imageScopeLineColor("sclerosed"));
        assertEquals(0x00B000, c.imageScopeLineColor("normal"));
    }

    @Test
    void otherClassesGetDistinctColours() {
        List<String> names = List.of("normal", "segmental", "global", "crescent", "obsolescent", "ischemic");
        ClassColors c = ClassColors.of(names, Set.of("global"));
        Set<Integer> seen = new HashSet<>();
        names.forEach(n -> seen.add(c.rgb(n)));
        assertEquals(names.size(), seen.size(), "colours must differ");
    }

    @Test
    void circlePolygonsRunCounterClockwiseInTheRfcSense() {
        Outline o = Polygons.circleAsOutline(new Circle(10, 20, 5), 64);
        assertEquals(64, o.size());
        assertTrue(Polygons.signedArea(o.xs(), o.ys()) > 0);
        assertEquals(Math.PI * 25, Polygons.area(o.xs(), o.ys()), 0.3);
        Circle back = Polygons.equivalentCircle(o.xs(), o.ys());
        assertEquals(10, back.centerX(), 1e-9);
        assertEquals(20, back.centerY(), 1e-9);
        assertEquals(5, back.radius(), 0.01);
    }

    @Test
    void signedAreaAndPerimeterOfASquare() {
        double[] xs = {0, 10, 10, 0};
        double[] ys = {0, 0, 10, 10};
        assertEquals(100, Polygons.signedArea(xs, ys));
        assertEquals(-100, Polygons.signedArea(new double[] {0, 0, 10, 10}, new double[] {0, 10, 10, 0}));
        assertEquals(40, Polygons.perimeter(xs, ys));
        assertThrows(IllegalArgumentException.class,
                () -> Polygons.boundingCircle(new double[] {1, 1}, new double[] {2, 2}));
    }
}
