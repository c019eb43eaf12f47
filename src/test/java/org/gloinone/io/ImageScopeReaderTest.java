package org.gloinone.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.gloinone.detect.Circle;
import org.junit.jupiter.api.Test;

class ImageScopeReaderTest {
    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(ImageScopeReaderTest.class.getResource("imagescope/" + name).toURI());
    }

    @Test
    void readsARealImageScopeFile() throws Exception {
        ImageScopeReader.Contents c = new ImageScopeReader().read(fixture("TCGA-EJ-5519-01Z-00-DX1-excerpt.xml"));
        assertEquals(OptionalDouble.of(0.252), c.micronsPerPixel());
        assertEquals(1, c.regions().size());
        AnnotationRegion r = c.regions().get(0);
        assertEquals("", r.layer());
        assertEquals(1, r.regionId());
        assertEquals("", r.text());
        // saved by ImageScope as Type 1, but 12 free-hand vertices are no rectangle
        assertEquals(RegionShape.POLYGON, r.shape());
        assertEquals(12, r.size());
        assertEquals(17104.471097, r.xs()[0]);
        assertEquals(19233.643004, r.ys()[0]);
        assertEquals(17175.444981, r.xs()[6]);
        assertEquals(20156.303501, r.ys()[11]);
        Circle circle = r.toCircle().orElseThrow();
        assertTrue(circle.centerX() > 17104 && circle.centerX() < 17176, circle.toString());
        assertTrue(circle.centerY() > 19233 && circle.centerY() < 20157, circle.toString());
    }

    @Test
    void readsLayersAndEveryRegionType() throws Exception {
        ImageScopeReader.Contents c = new ImageScopeReader().read(fixture("layers-handmade.xml"));
        assertEquals(OptionalDouble.of(0.499), c.micronsPerPixel());
        List<AnnotationRegion> r = c.regions();
        assertEquals(List.of("Glomeruli", "Glomeruli", "Glomeruli", "Sclerosed", "Sclerosed"),
                r.stream().map(AnnotationRegion::layer).toList());
        assertEquals(List.of(RegionShape.ELLIPSE, RegionShape.RECTANGLE, RegionShape.POLYGON, RegionShape.POLYGON,
                RegionShape.LINE), r.stream().map(AnnotationRegion::shape).toList());
        assertEquals(List.of(false, false, true, false, false), r.stream().map(AnnotationRegion::negative).toList());
        assertEquals(Optional.empty(), r.get(2).toCircle(), "a negative region is a hole, not a glomerulus");
        r = r.stream().filter(x -> !x.negative()).toList();
        assertEquals("round one", r.get(0).text());
        assertEquals(Optional.of(new Circle(1000, 2000, 100)), r.get(0).toCircle());
        // a 200 x 200 rectangle: its equal-area circle
        assertEquals(Optional.of(new Circle(3100, 600, 200 / Math.sqrt(Math.PI))), r.get(1).toCircle());
        // a 100 x 100 square: centroid in its middle, radius of the circle of equal area
        Circle square = r.get(2).toCircle().orElseThrow();
        assertEquals(5050, square.centerX(), 1e-9);
        assertEquals(5050, square.centerY(), 1e-9);
        assertEquals(Math.sqrt(10000 / Math.PI), square.radius(), 1e-9);
        assertEquals(Optional.empty(), r.get(3).toCircle(), "an arrow encloses no glomerulus");
        assertEquals(List.of(new Circle(1000, 2000, 100), new Circle(3100, 600, 200 / Math.sqrt(Math.PI)), square),
                c.circles());
    }

    @Test
    void geoShapeAttributeDecidesTheShape() {
        double[] four = {0, 1, 0, -1};
        assertEquals(RegionShape.ELLIPSE, ImageScopeReader.shape(1, "Ellipse", four, four));
        assertEquals(RegionShape.POINTS, ImageScopeReader.shape(5, "Points", four, four));
        assertEquals(RegionShape.RECTANGLE, ImageScopeReader.shape(2, "Rectangle", four, four));
        assertEquals(RegionShape.POLYGON, ImageScopeReader.shape(4, "Polygon", four, four));
        assertEquals(RegionShape.ELLIPSE, ImageScopeReader.shape(2, "", four, four));
    }

    @Test
    void readsOurOwnFiles() throws IOException, URISyntaxException {
        Path golden = Path.of("src/test/resources/org/gloinone/io/golden/kidney 7.xml");
        List<AnnotationRegion> r = new ImageScopeReader().read(golden).regions();
        assertEquals(List.of(new Circle(1200.5, 3400.25, 150), new Circle(70000.75, 40000.5, 200),
                new Circle(5000, 2000, 120.5)), r.stream().map(x -> x.toCircle().orElseThrow()).toList());
    }
}
