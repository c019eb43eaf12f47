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
import java.util.OptionalDouble;
import java.util.Set;

import org.gloinone.detect.Circle;
import org.gloinone.detect.Detection;
import org.gloinone.pipeline.GlomerulusResult;
import org.gloinone.pipeline.SlideResult;
import org.gloinone.segment.Outline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageScopeXmlTest {
    @TempDir
    Path dir;

    @Test
    void circlesMatchTheGoldenFile() throws IOException {
        Path file = dir.resolve("kidney 7.xml");
        new ImageScopeXml(false).writeCircles(SampleResults.sample(), file);
        SampleResults.assertGolden("kidney 7.xml", file);
    }

    @Test
    void outlinesMatchTheGoldenFile() throws IOException {
        Path file = dir.resolve("kidney 7-masks.xml");
        new ImageScopeXml(false).writeOutlines(SampleResults.sample(), file);
        SampleResults.assertGolden("kidney 7-masks.xml", file);
    }

    @Test
    void circlesReadBackAsTheSameGlomeruli() throws IOException {
        SlideResult result = SampleResults.sample();
        Path file = dir.resolve("s.xml");
        new ImageScopeXml(false).writeCircles(result, file);
        ImageScopeReader.Contents read = new ImageScopeReader().read(file);
        assertEquals(OptionalDouble.of(0.5), read.micronsPerPixel());
        assertEquals(3, read.regions().size());
        for (GlomerulusResult g : result.glomeruli()) {
            AnnotationRegion r = read.regions().stream().filter(x -> x.regionId() == g.id()).findFirst().orElseThrow();
            assertEquals(g.className(), r.layer());
            assertEquals(RegionShape.ELLIPSE, r.shape());
            assertEquals(2, r.size());
            assertEquals(Optional.of(g.detection().circle()), r.toCircle());
            assertEquals(g.className() + " " + Numbers.format(g.detection().score(), 2), r.text());
        }
    }

    @Test
    void layersAreClassesWithDistinctImageScopeColours() throws IOException {
        Path file = dir.resolve("s.xml");
        new ImageScopeXml(true).writeCircles(SampleResults.sample(), file);
        String xml = Files.readString(file);
        // ImageScope colours are BGR: green 0x00B000 stays 45056, red 0xE00000 becomes 0x0000E0 = 224.
        assertTrue(xml.contains("Name=\"normal\" ReadOnly=\"0\" NameReadOnly=\"0\" LineColorReadOnly=\"0\" "
                + "Incremental=\"0\" Type=\"4\" LineColor=\"45056\""), xml);
        assertTrue(xml.contains("Name=\"sclerosed\" ReadOnly=\"0\" NameReadOnly=\"0\" LineColorReadOnly=\"0\" "
                + "Incremental=\"0\" Type=\"4\" LineColor=\"224\""), xml);
        List<AnnotationRegion> regions = new ImageScopeReader().read(file).regions();
        assertEquals(List.of("normal", "normal", "sclerosed", "non-glomerular"),
                regions.stream().map(AnnotationRegion::layer).toList());
        assertEquals(List.of(1, 3, 2, 4), regions.stream().map(AnnotationRegion::regionId).toList());
    }

    @Test
    void nonGlomerularLayerOnlyWhenAsked() throws IOException {
        Path without = dir.resolve("a.xml");
        Path with = dir.resolve("b.xml");
        new ImageScopeXml(false).writeCircles(SampleResults.sample(), without);
        new ImageScopeXml(true).writeCircles(SampleResults.sample(), with);
        assertFalse(Files.readString(without).contains("non-glomerular"));
        List<AnnotationRegion> regions = new ImageScopeReader().read(with).regions();
        assertEquals(4, regions.size());
        assertEquals("non-glomerular", regions.get(3).layer());
        assertEquals(Optional.of(new Circle(300, 300, 50)), regions.get(3).toCircle());
    }

    @Test
    void realLengthsAndAreasInPixelsAndMicrons() throws IOException {
        Path file = dir.resolve("s.xml");
        new ImageScopeXml(false).writeCircles(SampleResults.sample(), file);
        String xml = Files.readString(file);
        // G1: r = 150 px at 0.5 um/px: length 2 pi r = 942.5 px = 471.2 um; area pi r^2 = 70685.8 px = 17671.5 um^2
        assertTrue(xml.contains("Length=\"942.5\" Area=\"70685.8\" LengthMicrons=\"471.2\" AreaMicrons=\"17671.5\""),
                xml);
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Annotations MicronsPerPixel=\"0.5\">"));
    }

    @Test
    void outlinesReadBackAsTheSamePolygons() throws IOException {
        SlideResult result = SampleResults.sample();
        Path file = dir.resolve("m.xml");
        new ImageScopeXml(false).writeOutlines(result, file);
        List<AnnotationRegion> regions = new ImageScopeReader().read(file).regions();
        assertEquals(2, regions.size(), "the unsegmented glomerulus has no outline");
        for (AnnotationRegion r : regions) {
            GlomerulusResult g = result.glomeruli().get(r.regionId() - 1);
            Outline o = g.outline().orElseThrow();
            assertEquals(RegionShape.POLYGON, r.shape());
            assertArrayEquals(o.xs(), r.xs());
            assertArrayEquals(o.ys(), r.ys());
            assertEquals(g.className(), r.layer());
        }
    }

    @Test
    void unknownMicronsPerPixelWritesZeroMicrons() throws IOException {
        Path file = dir.resolve("s.xml");
        new ImageScopeXml(false).writeCircles(SampleResults.sample(OptionalDouble.empty(), "x.svs"), file);
        String xml = Files.readString(file);
        assertTrue(xml.contains("<Annotations MicronsPerPixel=\"0\">"));
        assertTrue(xml.contains("LengthMicrons=\"0\" AreaMicrons=\"0\""));
        assertEquals(OptionalDouble.empty(), new ImageScopeReader().read(file).micronsPerPixel());
    }

    @Test
    void namesAreEscaped() throws IOException {
        String odd = "a&b <\"c\"> 'd'";
        SlideResult base = SampleResults.detectionOnly();
        SlideResult r = new SlideResult(base.slide(), base.options(), base.models(), List.of(odd), Set.of(),
                List.of(new GlomerulusResult(1, new Detection(new Circle(10, 10, 5), 0.5),
                        Optional.of(new org.gloinone.classify.Classification(odd, List.of(odd), List.of(1.0))),
                        Optional.empty(), Optional.empty())),
                List.of(), 1, 1, 0, base.timings());
        Path file = dir.resolve("odd.xml");
        new ImageScopeXml(false).writeCircles(r, file);
        String xml = Files.readString(file);
        assertTrue(xml.contains("a&amp;b &lt;"), xml);
        AnnotationRegion read = new ImageScopeReader().read(file).regions().get(0);
        assertEquals(odd, read.layer());
        assertEquals(odd + " 0.5", read.text());
    }

    @Test
    void externalEntitiesAreRefused() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        Path file = Files.writeString(dir.resolve("xxe.xml"), "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE Annotations [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<Annotations><Annotation Name=\"&x;\"><Regions/></Annotation></Annotations>\n");
        ResultFileException e = assertThrows(ResultFileException.class, () -> new ImageScopeReader().read(file));
        assertTrue(e.getMessage().startsWith("xxe.xml: "), e.getMessage());
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertFalse(e.getMessage().contains("TOP-SECRET"));
    }

    @Test
    void entityExpansionIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("bomb.xml"), "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE a [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n"
                + "<Annotations><Annotation Name=\"&b;\"/></Annotations>\n");
        assertThrows(ResultFileException.class, () -> new ImageScopeReader().read(file));
    }

    @Test
    void filesAboveTheSizeLimitAreRefused() throws IOException {
        Path file = dir.resolve("s.xml");
        new ImageScopeXml(false).writeCircles(SampleResults.sample(), file);
        ResultFileException e = assertThrows(ResultFileException.class, () -> new ImageScopeReader(100).read(file));
        assertTrue(e.getMessage().contains("limit of 100"), e.getMessage());
    }

    @Test
    void otherXmlIsRefusedWithTheFileName() throws IOException {
        Path file = Files.writeString(dir.resolve("pom.xml"), "<project/>");
        ResultFileException e = assertThrows(ResultFileException.class, () -> new ImageScopeReader().read(file));
        assertEquals("pom.xml: root element is <project>, not ImageScope's <Annotations>", e.getMessage());
        Path broken = Files.writeString(dir.resolve("cut.xml"), "<Annotations><Annotation>");
        assertTrue(assertThrows(ResultFileException.class, () -> new ImageScopeReader().read(broken)).getMessage()
                .startsWith("cut.xml: not valid ImageScope XML"));
    }
}
