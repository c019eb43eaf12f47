package org.gloinone.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ij.gui.Roi;

import org.gloinone.imagej.RoiSetZip;
import org.gloinone.io.GeoJson;
import org.gloinone.io.ImageScopeXml;
import org.gloinone.io.SampleResults;
import org.gloinone.model.ClassifyConfig;
import org.gloinone.pipeline.SlideResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Display colours from the classifier's spec reach every writer and Fiji's ROIs; the rule fills the rest. */
class DisplayColorsTest {
    @TempDir
    Path dir;

    /** The sample result as a classifier whose spec colours sclerosed purple would give it. */
    private static SlideResult withSpecColours() {
        ClassifyConfig spec = new ClassifyConfig("probabilities", List.of("normal", "sclerosed", "non-glomerular"),
                "non-glomerular", Set.of("sclerosed"), 12.5, 256, Double.NaN, Map.of("sclerosed", 0x8000FF));
        SlideResult r = SampleResults.sample();
        return new SlideResult(r.slide(), r.options(), r.models(), r.classNames(), r.sclerosedClasses(),
                r.glomeruli(), r.rejected(), r.tissueAreaMm2(), r.tilesPlanned(), r.tilesSkipped(), r.timings(),
                spec.displayColors());
    }

    @Test
    void specColourChangesImageScopeGeoJsonAndRoiColours() throws IOException {
        SlideResult plain = SampleResults.sample();
        SlideResult coloured = withSpecColours();

        assertTrue(xml(plain).contains("Name=\"sclerosed\"") && xml(plain).contains("LineColor=\"224\""), xml(plain));
        // ImageScope's LineColor is 0xBBGGRR: 0x8000FF is 0xFF0080 = 16711808
        assertTrue(xml(coloured).contains("LineColor=\"16711808\""), xml(coloured));
        assertTrue(xml(coloured).contains("LineColor=\"" + 0x00B000 + "\""), "normal keeps the rule's green");

        assertTrue(geoJson(plain).contains("\"name\":\"sclerosed\",\"color\":[224,0,0]"), geoJson(plain));
        assertTrue(geoJson(coloured).contains("\"name\":\"sclerosed\",\"color\":[128,0,255]"), geoJson(coloured));
        assertTrue(geoJson(coloured).contains("\"name\":\"normal\",\"color\":[0,176,0]"), geoJson(coloured));

        assertEquals(new Color(0xE00000), roiColour(RoiSetZip.rois(plain), "G0002"));
        assertEquals(new Color(0x8000FF), roiColour(RoiSetZip.rois(coloured), "G0002"));
        assertEquals(new Color(0x8000FF), roiColour(GlomerulusRois.of(coloured, 1, false), "G0002"));
        assertEquals(new Color(0x00B000), roiColour(GlomerulusRois.of(coloured, 1, false), "G0001"));
    }

    private String xml(SlideResult r) throws IOException {
        Path file = dir.resolve("a.xml");
        new ImageScopeXml(false).writeCircles(r, file);
        return Files.readString(file);
    }

    private String geoJson(SlideResult r) throws IOException {
        Path file = dir.resolve("a.geojson");
        new GeoJson().write(r, file);
        return Files.readString(file).replace(" ", "").replace("\n", "");
    }

    private static Color roiColour(List<Roi> rois, String idPrefix) {
        return rois.stream().filter(roi -> roi.getName().startsWith(idPrefix)).findFirst().orElseThrow()
                .getStrokeColor();
    }
}
