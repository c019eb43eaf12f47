package org.gloinone.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.gloinone.classify.Classification;
import org.gloinone.detect.Circle;
import org.gloinone.detect.Detection;
import org.gloinone.pipeline.GlomerulusResult;
import org.gloinone.pipeline.SlideResult;
import org.gloinone.segment.Outline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeoJsonTest {
    @TempDir
    Path dir;

    private Path written(SlideResult r) throws IOException {
        Path file = dir.resolve("s.geojson");
        new GeoJson().write(r, file);
        return file;
    }

    @Test
    void coordinatesNoSlideCanHoldAreRefusedNamingTheFile() throws IOException {
        // 1e308 once overflowed into a NaN circle centre, reported without the file name.
        Path file = Files.writeString(dir.resolve("far.geojson"), "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[0,0],[1e308,0],[1e308,1e308]]]}}]}");
        ResultFileException e = assertThrows(ResultFileException.class, () -> new GeoJson().read(file));
        assertEquals("far.geojson: feature 1 position 1 is [1.0E308, 0], beyond 1000000000 px from the origin: "
                + "no slide is that large", e.getMessage());
    }

    @Test
    void matchesTheGoldenFile() throws IOException {
        SampleResults.assertGolden("kidney 7.geojson", written(SampleResults.sample()));
    }

    @Test
    void readsBackTheSameGlomeruli() throws IOException {
        SlideResult result = SampleResults.sample();
        List<GeoJson.Feature> features = new GeoJson().read(written(result));
        assertEquals(3, features.size());
        for (int i = 0; i < 3; i++) {
            GlomerulusResult g = result.glomeruli().get(i);
            GeoJson.Feature f = features.get(i);
            assertEquals(g.id(), f.glomerulusId());
            assertEquals(ResultNames.label(g.id()), f.region().text());
            assertEquals(g.className(), f.className());
            assertEquals(g.detection().circle(), f.circle());
            assertEquals(g.detection().score(), f.score());
            assertEquals("annotation", f.objectType());
            assertArrayEquals(ClassColors.of(result).components(g.className()), f.color());
            assertEquals(g.classification().orElseThrow().probabilityOf("sclerosed"),
                    f.measurements().get("Probability sclerosed"));
            if (g.outline().isPresent()) {
                assertSameRing(g.outline().get(), f.region());
                assertEquals(g.morphometry().orElseThrow().areaMicrons2(), f.measurements().get("Area um^2"));
            } else {
                assertEquals(Polygons.CIRCLE_VERTICES, f.region().size());
                assertFalse(f.measurements().containsKey("Area um^2"));
            }
        }
    }

    /** Same vertices, possibly in reverse order (the writer fixes the winding). */
    private static void assertSameRing(Outline o, AnnotationRegion r) {
        assertEquals(o.size(), r.size());
        double[] xs = o.xs();
        double[] ys = o.ys();
        if (Polygons.signedArea(xs, ys) < 0) {
            for (int i = 0; i < xs.length; i++) {
                assertEquals(xs[xs.length - 1 - i], r.xs()[i]);
                assertEquals(ys[ys.length - 1 - i], r.ys()[i]);
            }
        } else {
            assertArrayEquals(xs, r.xs());
            assertArrayEquals(ys, r.ys());
        }
    }

    @Test
    void ringsAreClosedAndExteriorRingsCounterClockwise() throws IOException {
        JsonNode root = new ObjectMapper().readTree(written(SampleResults.sample()).toFile());
        assertEquals("FeatureCollection", root.get("type").asText());
        int checked = 0;
        for (JsonNode f : root.get("features")) {
            assertEquals("Polygon", f.at("/geometry/type").asText());
            JsonNode ring = f.at("/geometry/coordinates/0");
            int n = ring.size();
            assertEquals(ring.get(0), ring.get(n - 1), "ring must be closed");
            double[] xs = new double[n - 1];
            double[] ys = new double[n - 1];
            for (int i = 0; i < n - 1; i++) {
                xs[i] = ring.get(i).get(0).asDouble();
                ys[i] = ring.get(i).get(1).asDouble();
            }
            // RFC 7946 3.1.6 in its own y-up sense: positive shoelace area
            assertTrue(Polygons.signedArea(xs, ys) > 0, "exterior ring of " + f.at("/properties/name"));
            checked++;
        }
        assertEquals(3, checked);
        // the sample's first outline was given clockwise, so the writer had to turn it round
        assertTrue(Polygons.signedArea(SampleResults.sample().glomeruli().get(0).outline().orElseThrow().xs(),
                SampleResults.sample().glomeruli().get(0).outline().orElseThrow().ys()) < 0);
    }

    @Test
    void unsegmentedGlomeruliAre64GonsOnTheCircle() throws IOException {
        JsonNode root = new ObjectMapper().readTree(written(SampleResults.detectionOnly()).toFile());
        JsonNode ring = root.at("/features/0/geometry/coordinates/0");
        assertEquals(65, ring.size());
        for (JsonNode p : ring) {
            assertEquals(60, Math.hypot(p.get(0).asDouble() - 400, p.get(1).asDouble() - 500), 1e-3);
        }
        assertEquals("glomerulus", root.at("/features/0/properties/classification/name").asText());
        assertTrue(root.at("/features/0/properties/measurements").isObject());
        assertTrue(root.at("/features/0/properties/measurements/Detection score").isNumber());
    }

    @Test
    void detectionsWhenAsked() throws IOException {
        Path file = dir.resolve("d.geojson");
        new GeoJson(GeoJson.ObjectType.DETECTION, GeoJson.DEFAULT_MAX_BYTES).write(SampleResults.sample(), file);
        assertEquals("detection", new GeoJson().read(file).get(0).objectType());
    }

    @Test
    void namesAreEscaped() throws IOException {
        String odd = "a\"b\\c\nd";
        SlideResult base = SampleResults.detectionOnly();
        SlideResult r = new SlideResult(base.slide(), base.options(), base.models(), List.of(odd), Set.of(),
                List.of(new GlomerulusResult(1, new Detection(new Circle(10, 10, 5), 0.5),
                        Optional.of(new Classification(odd, List.of(odd), List.of(1.0))), Optional.empty(),
                        Optional.empty())), List.of(), 1, 1, 0, base.timings());
        Path file = written(r);
        assertTrue(Files.readString(file).contains("\"a\\\"b\\\\c\\nd\""));
        assertEquals(odd, new GeoJson().read(file).get(0).className());
    }

    @Test
    void refusesLargeAndForeignFiles() throws IOException {
        Path file = written(SampleResults.sample());
        ResultFileException big = assertThrows(ResultFileException.class,
                () -> new GeoJson(GeoJson.ObjectType.ANNOTATION, 1000).read(file));
        assertTrue(big.getMessage().startsWith("s.geojson: is "), big.getMessage());
        Path other = Files.writeString(dir.resolve("o.geojson"), "{\"type\":\"Feature\"}");
        assertEquals("o.geojson: not a GeoJSON FeatureCollection",
                assertThrows(ResultFileException.class, () -> new GeoJson().read(other)).getMessage());
        Path broken = Files.writeString(dir.resolve("b.geojson"), "{\"type\":");
        assertTrue(assertThrows(ResultFileException.class, () -> new GeoJson().read(broken)).getMessage()
                .startsWith("b.geojson: not valid JSON"));
        Path deep = Files.writeString(dir.resolve("deep.geojson"), "[".repeat(5000) + "]".repeat(5000));
        assertThrows(ResultFileException.class, () -> new GeoJson().read(deep));
    }

    @Test
    void readsPlainQuPathStyleFeatures() throws IOException {
        Path file = Files.writeString(dir.resolve("q.geojson"), """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{}},
                 {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10],[0,0]]]},
                  "properties":{"objectType":"annotation","classification":{"name":"Glomerulus"}}}]}
                """);
        List<GeoJson.Feature> f = new GeoJson().read(file);
        assertEquals(1, f.size(), "points are not glomeruli");
        assertEquals("Glomerulus", f.get(0).className());
        assertEquals(4, f.get(0).region().size());
        assertEquals(5, f.get(0).circle().centerX(), 1e-9);
        assertEquals(Math.sqrt(100 / Math.PI), f.get(0).circle().radius(), 1e-9);
        assertTrue(Double.isNaN(f.get(0).score()));
    }
}
