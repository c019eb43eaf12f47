package org.gloinone.spark;

import java.io.IOException;
import java.util.SortedMap;

import org.gloinone.io.ResultTables;
import org.gloinone.io.ResultWriter;

/**
 * The cohort's {@code summary.csv}: rebuilt, as {@code glo-in-one run} and {@code summarize} do, from the
 * {@code run.json} of every complete slide folder in the output folder, read through its file system.
 */
final class CohortSummary {
    private CohortSummary() {
    }

    /** Writes {@code summary.csv} into the output folder (whole, replacing the old one). */
    static void write(OutputFolder out) throws IOException {
        SortedMap<String, org.gloinone.io.RunManifest> slides = out.completeSlides();
        out.writeText(ResultWriter.SUMMARY, ResultTables.summaryTable(slides));
    }
}
