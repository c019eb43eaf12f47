package org.gloinone.spark;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one task reports about one slide, in a form Spark ships back to the driver.
 *
 * @param source       the slide
 * @param status       {@code done}, {@code skipped} (complete earlier with the same identity) or {@code failed}
 * @param failure      why it failed, naming the file; empty otherwise
 * @param folder       the slide's complete result folder in the output, as a URI; empty when failed
 * @param taskSeconds  wall time of the task on this slide: fetch, run, write and commit
 * @param modelSha256  sha256 of each model's weights by task word ({@code detect}, ...)
 * @param counts       glomeruli per class plus {@code rejected}, as in {@code run.json}
 * @param summaryCsv   the slide's {@code summary.csv} table (header and one row) when done in this run, else empty
 * @param glomeruliCsv the slide's {@code -glomeruli.csv} table, else empty
 */
public record SlideRecord(SlideSource source, String status, String failure, String folder, double taskSeconds,
                          Map<String, String> modelSha256, Map<String, Integer> counts, String summaryCsv,
                          String glomeruliCsv) implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Status of a slide done in this run. */
    public static final String DONE = "done";
    /** Status of a slide whose folder was complete with the same identity. */
    public static final String SKIPPED = "skipped";
    /** Status of a slide that could not be done. */
    public static final String FAILED = "failed";

    public SlideRecord {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(folder, "folder");
        modelSha256 = new LinkedHashMap<>(modelSha256);
        counts = new LinkedHashMap<>(counts);
        Objects.requireNonNull(summaryCsv, "summaryCsv");
        Objects.requireNonNull(glomeruliCsv, "glomeruliCsv");
    }

    /** A failed slide. */
    static SlideRecord failed(SlideSource source, String failure, double taskSeconds, Map<String, String> models) {
        return new SlideRecord(source, FAILED, failure, "", taskSeconds, models, Map.of(), "", "");
    }

    /** This record without its per-glomerulus table, for collecting on the driver. */
    SlideRecord withoutGlomeruli() {
        return new SlideRecord(source, status, failure, folder, taskSeconds, modelSha256, counts, summaryCsv, "");
    }
}
