package org.gloinone.batch;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.gloinone.job.SlideOutcome;
import org.gloinone.pipeline.SlideResult;

/**
 * The end of a batch: each slide's outcome in input order, and the output folder's summary table.
 *
 * @param outcomes one per slide attempted
 * @param summary  {@code summary.csv}, rebuilt from every complete slide folder of the output folder
 */
public record BatchReport(List<SlideOutcome> outcomes, Path summary) {
    public BatchReport {
        outcomes = List.copyOf(outcomes);
        Objects.requireNonNull(summary, "summary");
    }

    /** True when no slide failed. */
    public boolean allSucceeded() {
        return outcomes.stream().noneMatch(o -> o.status() == SlideOutcome.Status.FAILED);
    }

    /** The failed slides. */
    public List<SlideOutcome> failures() {
        return outcomes.stream().filter(o -> o.status() == SlideOutcome.Status.FAILED).toList();
    }

    /** Results of the slides done in this run. */
    public List<SlideResult> results() {
        return outcomes.stream().flatMap(o -> o.result().stream()).toList();
    }
}
