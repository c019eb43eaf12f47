package org.gloinone.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.gloinone.io.OutputFormat;
import org.gloinone.model.Device;
import org.gloinone.model.Task;
import org.gloinone.pipeline.PipelineOptions;

class StageOptionsTest {

    @Test
    void parsesARecordedAllInOneCommand() {
        StageOptions o = StageOptions.parse(Stage.ALL_IN_ONE, "slide=[/data/my slides/x.svs] output=/data/out "
                + "score=0.30 nms-iou=0.5 threads=4 device=cpu tissue min-tissue=0.020 formats=[xml,csv] rois overlay");
        assertEquals(Optional.of(Path.of("/data/my slides/x.svs")), o.slide());
        assertEquals(Optional.of(Path.of("/data/out")), o.output());
        assertEquals(OptionalDouble.of(0.30), o.score());
        assertEquals(OptionalDouble.of(0.5), o.nmsIou());
        assertEquals(4, o.threads());
        assertEquals(Device.CPU, o.device());
        assertTrue(o.tissueMask());
        assertEquals(0.02, o.minTissue(), 1e-12);
        assertEquals(Set.of(OutputFormat.XML, OutputFormat.CSV), o.formats());
        assertTrue(o.addRois());
        assertTrue(o.overlay());
        assertFalse(o.outlines(), "an absent check box is off, as in every ImageJ macro");
        assertFalse(o.tables());
    }

    @Test
    void macroOptionsReplayToTheSameOptions() {
        StageOptions o = new StageOptions(Stage.CLASSIFY, Optional.of(Path.of("/d/slide one.svs")),
                Optional.of(Path.of("/d/a.xml")), Optional.of(Path.of("/d/out")), OptionalDouble.of(0.35),
                OptionalDouble.empty(), 3, Device.GPU, false, 0.05, EnumSet.of(OutputFormat.GEOJSON), false,
                true, false, true);
        String macro = o.toMacroOptions();
        assertEquals("slide=[/d/slide one.svs] annotations=/d/a.xml output=/d/out score=0.35 threads=3 device=gpu "
                + "min-tissue=0.05 formats=geojson outlines tables", macro);
        assertEquals(o, StageOptions.parse(Stage.CLASSIFY, macro));
        StageOptions d = StageOptions.defaults(Stage.DETECT);
        assertEquals(d, StageOptions.parse(Stage.DETECT, d.toMacroOptions()));
    }

    @Test
    void emptyValuesMeanDefaults() {
        StageOptions o = StageOptions.parse(Stage.DETECT, "slide= score= nms-iou= formats=");
        assertEquals(Optional.empty(), o.slide());
        assertEquals(OptionalDouble.empty(), o.score());
        assertEquals(Set.of(), o.formats());
        assertEquals(StageOptions.defaults(Stage.DETECT).threads(), o.threads());
    }

    @Test
    void pipelineOptionsRunTheStagesTasks() {
        PipelineOptions p = StageOptions.parse(Stage.SEGMENT, "score=0.4 threads=2 device=cpu").toPipelineOptions();
        assertEquals(Set.of(Task.SEGMENT), p.stages());
        assertEquals(0.4, p.scoreThreshold().getAsDouble(), 0);
        assertEquals(2, p.threads());
        assertFalse(p.useTissueMask());
        assertEquals(EnumSet.allOf(Task.class),
                StageOptions.parse(Stage.ALL_IN_ONE, "").toPipelineOptions().stages());
    }

    @Test
    void invalidValuesNameTheOptionAndValue() {
        assertEquals("score must be in [0, 1], got 1.5", assertThrows(IllegalArgumentException.class,
                () -> StageOptions.parse(Stage.DETECT, "score=1.5")).getMessage());
        assertEquals("threads must be a whole number, got '2.5'", assertThrows(IllegalArgumentException.class,
                () -> StageOptions.parse(Stage.DETECT, "threads=2.5")).getMessage());
        assertEquals("threads must be in [1, 256], got 0", assertThrows(IllegalArgumentException.class,
                () -> StageOptions.parse(Stage.DETECT, "threads=0")).getMessage());
        assertEquals("nms-iou must be a number, got 'high'", assertThrows(IllegalArgumentException.class,
                () -> StageOptions.parse(Stage.DETECT, "nms-iou=high")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> StageOptions.parse(Stage.DETECT, "formats=[xml,pdf]")).getMessage().contains("'pdf'"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> StageOptions.parse(Stage.DETECT, "device=tpu")).getMessage().startsWith("device must be"));
    }

    @Test
    void annotationsAreOnlyForClassifyAndSegment() {
        assertEquals(Optional.empty(), StageOptions.parse(Stage.DETECT, "annotations=/a.xml").annotations(),
                "a detect macro ignores the key, as a dialog without the field would");
        assertThrows(IllegalArgumentException.class, () -> new StageOptions(Stage.DETECT, Optional.empty(),
                Optional.of(Path.of("a.xml")), Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(), 1,
                Device.AUTO, true, 0.01, Set.of(), true, false, true, true));
    }

    @Test
    void stageParsesPluginArguments() {
        assertEquals(Stage.ALL_IN_ONE, Stage.parse("all"));
        assertEquals(Stage.DETECT, Stage.parse("detect"));
        assertEquals(Stage.SEGMENT, Stage.parse("Segment Glomeruli"));
        assertThrows(IllegalArgumentException.class, () -> Stage.parse(""));
    }
}
