package org.gloinone.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

import org.gloinone.pipeline.SlideResult;

/**
 * The spreadsheets {@code <slide>-glomeruli.csv} (one row per glomerulus) and {@code summary.csv} (one row per
 * complete slide folder of an output folder), in the columns of {@link ResultSchema}: UTF-8, comma-separated,
 * RFC 4180 quoting, '.' as decimal separator in every locale, and an empty cell for every unknown value (e.g. um
 * when the slide's um/px is unknown, morphometry of an unsegmented glomerulus).
 */
public final class ResultTables {
    private ResultTables() {
    }

    /** Writes the per-glomerulus table of {@code result} to {@code file} (atomically). */
    public static void writeGlomeruli(SlideResult result, Path file) throws IOException {
        AtomicFiles.writeString(file, glomeruliTable(result));
    }

    /** Writes the summary of the given slide folders (folder name to manifest) to {@code file} (atomically). */
    public static void writeSummary(SortedMap<String, RunManifest> folders, Path file) throws IOException {
        AtomicFiles.writeString(file, summaryTable(folders));
    }

    /** The per-glomerulus table as text. */
    public static String glomeruliTable(SlideResult result) {
        return ResultSchema.glomeruli(result).csv();
    }

    /**
     * The summary as text: one row per slide folder in folder-name order, made from its run manifest only, so it
     * is the same whichever run wrote which folder.
     */
    public static String summaryTable(SortedMap<String, RunManifest> folders) {
        List<ResultSchema.SlideCounts> slides = new ArrayList<>();
        for (Map.Entry<String, RunManifest> e : folders.entrySet()) {
            RunManifest m = e.getValue();
            slides.add(new ResultSchema.SlideCounts(m.slideName(), e.getKey(), m.glomeruli(), m.classNames(),
                    m.counts(), Set.copyOf(m.sclerosedClasses()),
                    m.tissueAreaMm2() == null ? Double.NaN : m.tissueAreaMm2(), m.timings().totalMillis()));
        }
        return ResultSchema.summary(slides).csv();
    }
}
