package org.gloinone.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine.Option;

/** Run options travel as words (to Spark executors) and come back equal, every option included. */
class RunOptionsTest {
    @Test
    void everyOptionSurvivesTheRoundTripThroughWords() throws IllegalAccessException {
        List<String> given = List.of("--models", "some/models", "--stages", "detect,segment", "--score", "0.4",
                "--nms-iou", "0.25", "--threads", "3", "--device", "cpu", "--mpp", "0.5", "--no-tissue-mask",
                "--no-patches", "--formats", "csv,rois", "--trust-model");
        RunOptions parsed = RunOptions.parse(given);
        RunOptions again = RunOptions.parse(parsed.arguments());
        for (Field f : RunOptions.class.getDeclaredFields()) {
            if (f.isAnnotationPresent(Option.class)) {
                f.setAccessible(true);
                assertNotNull(f.get(parsed), f.getName() + " is not set by this test: add it to the words above");
                assertTrue(!(f.get(parsed) instanceof Boolean b) || b, f.getName() + " is not set by this test");
                assertEquals(f.get(parsed), f.get(again), f.getName());
            }
        }
        assertEquals(parsed.pipelineOptions(), again.pipelineOptions());
    }

    @Test
    void defaultsSurviveAndUnknownWordsAreRefused() {
        assertEquals(RunOptions.parse(List.of()).pipelineOptions(),
                RunOptions.parse(RunOptions.parse(List.of()).arguments()).pipelineOptions());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunOptions.parse(List.of("--colour", "red")));
        assertTrue(e.getMessage().contains("--colour"), e.getMessage());
    }
}
