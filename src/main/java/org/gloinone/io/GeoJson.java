package org.gloinone.io;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.gloinone.detect.Circle;
import org.gloinone.pipeline.GlomerulusResult;
import org.gloinone.pipeline.SlideResult;
import org.gloinone.segment.Morphometry;
import org.gloinone.segment.Outline;

/**
 * GeoJSON ({@code <slide>.geojson}) that QuPath's File &gt; Import objects reads, and its reader.
 *
 * <p>A FeatureCollection with one Feature per glomerulus. Its geometry is the mask outline, or the
 * circle as a {@value Polygons#CIRCLE_VERTICES}-vertex polygon when not segmented, in level-0 pixels.
 * Its properties are QuPath's {@code objectType}, {@code name}, {@code classification} {name, color
 * [r,g,b]} and {@code measurements} (a map of name to number, the form QuPath reads), plus
 * {@code glomerulusId}, {@code centerX}, {@code centerY}, {@code radius} (level-0 px) and {@code score}.
 *
 * <p>RFC 7946 section 3.1.6: rings are closed (last position = first) and exterior rings are
 * counter-clockwise. Image coordinates have y pointing down, so "counter-clockwise" is taken in the
 * RFC's own y-up sense: the shoelace signed area {@code 1/2 sum(x[i] y[i+1] - x[i+1] y[i])} is
 * positive. Drawn on screen (y down) such a ring runs clockwise. Tools that check the winding with
 * the usual formula (shapely, turf, geojson-rewind) agree with these files.
 */
public final class GeoJson {
    /** Default largest file the reader accepts: 512 MiB. */
    public static final long DEFAULT_MAX_BYTES = 512L << 20;

    /** QuPath object types. */
    public enum ObjectType {
        /** Editable annotations (the default: pathologists can correct them). */
        ANNOTATION("annotation"),
        /** Lightweight detections. */
        DETECTION("detection");

        private final String word;

        ObjectType(String word) {
            this.word = word;
        }

        /** The word QuPath uses. */
        public String word() {
            return word;
        }
    }

    private final ObjectType objectType;
    private final long maxBytes;

    /** A writer of annotations and a reader with the default size limit. */
    public GeoJson() {
        this(ObjectType.ANNOTATION, DEFAULT_MAX_BYTES);
    }

    /**
     * @param objectType what QuPath should make of each glomerulus
     * @param maxBytes   the largest file the reader accepts
     */
    public GeoJson(ObjectType objectType, long maxBytes) {
        this.objectType = objectType;
        if (maxBytes < 1) {
            throw new IllegalArgumentException("max-bytes must be >= 1, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** Writes the glomeruli of {@code result} to {@code file} (atomically). */
    public void write(SlideResult result, Path file) throws IOException {
        ClassColors colors = ClassColors.of(result);
        OptionalDouble mpp = result.slide().micronsPerPixel();
        AtomicFiles.write(file, out -> {
            JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
            DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"));
            pretty.indentArraysWith(DefaultPrettyPrinter.FixedSpaceIndenter.instance);
            g.setPrettyPrinter(pretty);
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            for (GlomerulusResult glom : result.glomeruli()) {
                writeFeature(g, glom, colors, mpp);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
            g.flush();
        });
    }

    private void writeFeature(JsonGenerator g, GlomerulusResult glom, ClassColors colors, OptionalDouble mpp)
            throws IOException {
        Circle c = glom.detection().circle();
        Outline ring = glom.outline().orElseGet(() -> Polygons.circleAsOutline(c, Polygons.CIRCLE_VERTICES));
        double[] xs = ring.xs();
        double[] ys = ring.ys();
        if (Polygons.signedArea(xs, ys) < 0) {
            reverse(xs);
            reverse(ys);
        }
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeObjectFieldStart("geometry");
        g.writeStringField("type", "Polygon");
        g.writeArrayFieldStart("coordinates");
        g.writeStartArray();
        for (int i = 0; i <= xs.length; i++) {
            int k = i % xs.length; // repeat the first position: rings are closed
            g.writeStartArray();
            g.writeNumber(Numbers.format(xs[k], 3));
            g.writeNumber(Numbers.format(ys[k], 3));
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndArray();
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeStringField("objectType", objectType.word());
        g.writeStringField("name", ResultNames.label(glom.id()));
        g.writeObjectFieldStart("classification");
        g.writeStringField("name", glom.className());
        g.writeArrayFieldStart("color");
        for (int v : colors.components(glom.className())) {
            g.writeNumber(v);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeObjectFieldStart("measurements");
        for (Map.Entry<String, Double> m : measurements(glom, mpp).entrySet()) {
            g.writeFieldName(m.getKey());
            g.writeNumber(Numbers.format(m.getValue(), 4));
        }
        g.writeEndObject();
        g.writeNumberField("glomerulusId", glom.id());
        g.writeFieldName("centerX");
        g.writeNumber(Numbers.format(c.centerX(), 3));
        g.writeFieldName("centerY");
        g.writeNumber(Numbers.format(c.centerY(), 3));
        g.writeFieldName("radius");
        g.writeNumber(Numbers.format(c.radius(), 3));
        g.writeFieldName("score");
        g.writeNumber(Numbers.format(glom.detection().score(), 4));
        g.writeBooleanField("segmented", glom.outline().isPresent());
        g.writeEndObject();
        g.writeEndObject();
    }

    /** Measurements for QuPath: only known, finite values (QuPath's map holds numbers only). */
    private static Map<String, Double> measurements(GlomerulusResult g, OptionalDouble mpp) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("Detection score", g.detection().score());
        g.classification().ifPresent(c -> {
            for (int i = 0; i < c.classNames().size(); i++) {
                m.put("Probability " + c.classNames().get(i), c.probabilities().get(i));
            }
        });
        if (mpp.isPresent()) {
            m.put("Circle radius um", g.detection().circle().radius() * mpp.getAsDouble());
        }
        g.morphometry().ifPresent(mo -> putMorphometry(m, mo));
        m.values().removeIf(v -> !Double.isFinite(v));
        return m;
    }

    private static void putMorphometry(Map<String, Double> m, Morphometry mo) {
        m.put("Area um^2", mo.areaMicrons2());
        m.put("Perimeter um", mo.perimeterMicrons());
        m.put("Equivalent diameter um", mo.equivalentDiameterMicrons());
        m.put("Circularity", mo.circularity());
        m.put("Solidity", mo.solidity());
    }

    private static void reverse(double[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /**
     * One feature read back.
     *
     * @param region       its exterior ring (without the closing position) as a polygon region, layer = class
     * @param objectType   QuPath object type, "" when absent
     * @param color        class colour [r, g, b], empty when absent
     * @param measurements the measurements map
     * @param glomerulusId our glomerulus id, 0 when absent
     * @param circle       the circle from centerX/centerY/radius when present, else the polygon's equivalent circle
     * @param score        the detection score, NaN when absent
     */
    public record Feature(AnnotationRegion region, String objectType, int[] color, Map<String, Double> measurements,
                          int glomerulusId, Circle circle, double score) {
        public Feature {
            color = color.clone();
            measurements = Map.copyOf(measurements);
        }

        /** The classification name, "" when unclassified. */
        public String className() {
            return region.layer();
        }
    }

    /**
     * Reads the Polygon features of a FeatureCollection (MultiPolygons give their first polygon).
     *
     * @throws ResultFileException if the file is too large, not JSON, or not a FeatureCollection
     */
    public List<Feature> read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new ResultFileException(file, "is " + size + " bytes, more than the limit of " + maxBytes
                    + " for GeoJSON");
        }
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
                        .maxStringLength(1 << 20).maxNumberLength(64).build())
                .build();
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = new ObjectMapper(factory).readTree(in);
        } catch (JsonProcessingException e) {
            throw new ResultFileException(file, "not valid JSON (" + e.getOriginalMessage() + ")", e);
        } catch (CharConversionException e) {
            // Bytes that are no Unicode text: Jackson's encoding detection throws this outside its own exceptions.
            throw new ResultFileException(file, "not valid JSON text (" + e.getMessage() + ")", e);
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asText())) {
            throw new ResultFileException(file, "not a GeoJSON FeatureCollection");
        }
        List<Feature> features = new ArrayList<>();
        int index = 0;
        for (JsonNode f : root.path("features")) {
            index++;
            Feature feature;
            try {
                feature = feature(file, index, f);
            } catch (IllegalArgumentException e) {
                throw new ResultFileException(file, "feature " + index + ": " + e.getMessage(), e);
            }
            if (feature != null) {
                features.add(feature);
            }
        }
        return features;
    }

    private static Feature feature(Path file, int index, JsonNode f) throws ResultFileException {
        JsonNode geometry = f.path("geometry");
        JsonNode rings;
        switch (geometry.path("type").asText()) {
            case "Polygon":
                rings = geometry.path("coordinates");
                break;
            case "MultiPolygon":
                rings = geometry.path("coordinates").path(0);
                break;
            default:
                return null;
        }
        JsonNode exterior = rings.path(0);
        int n = exterior.size();
        if (n > 1 && exterior.get(0).equals(exterior.get(n - 1))) {
            n--; // drop the closing position
        }
        if (n < 3) {
            throw new ResultFileException(file, "feature " + index + " has a ring of fewer than 3 positions");
        }
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            JsonNode p = exterior.get(i);
            if (!p.path(0).isNumber() || !p.path(1).isNumber()) {
                throw new ResultFileException(file, "feature " + index + " position " + i + " is not [x, y]");
            }
            xs[i] = p.get(0).asDouble();
            ys[i] = p.get(1).asDouble();
            if (!(Math.abs(xs[i]) <= AnnotationRegion.MAX_COORDINATE && Math.abs(ys[i]) <= AnnotationRegion.MAX_COORDINATE)) {
                throw new ResultFileException(file, "feature " + index + " position " + i + " is ["
                        + p.get(0).asText() + ", " + p.get(1).asText() + "], beyond " + (long) AnnotationRegion.MAX_COORDINATE
                        + " px from the origin: no slide is that large");
            }
        }
        JsonNode props = f.path("properties");
        JsonNode cls = props.path("classification");
        String className = cls.path("name").asText("");
        int[] color = new int[0];
        if (cls.path("color").isArray() && cls.path("color").size() == 3) {
            JsonNode c = cls.path("color");
            color = new int[] {c.get(0).asInt(), c.get(1).asInt(), c.get(2).asInt()};
        }
        Map<String, Double> measurements = new LinkedHashMap<>();
        props.path("measurements").fields().forEachRemaining(e -> {
            if (e.getValue().isNumber()) {
                measurements.put(e.getKey(), e.getValue().asDouble());
            }
        });
        String name = props.path("name").asText("");
        int id = props.path("glomerulusId").asInt(0);
        AnnotationRegion region = new AnnotationRegion(className, id, RegionShape.POLYGON, name, xs, ys, false);
        Circle circle;
        if (props.path("centerX").isNumber() && props.path("centerY").isNumber() && props.path("radius").isNumber()
                && props.path("radius").asDouble() > 0) {
            circle = new Circle(props.get("centerX").asDouble(), props.get("centerY").asDouble(),
                    props.get("radius").asDouble());
        } else {
            circle = Polygons.equivalentCircle(xs, ys);
        }
        double score = props.path("score").isNumber() ? props.get("score").asDouble() : Double.NaN;
        return new Feature(region, props.path("objectType").asText(""), color, measurements, id, circle, score);
    }
}
