package org.gloinone.cli;

import java.io.IOException;
import java.io.PrintWriter;

import org.gloinone.eval.DatasetException;
import org.gloinone.eval.ReportFiles;
import org.gloinone.model.ModelException;
import org.gloinone.slide.SlideLimits;

import picocli.CommandLine;

/** Runs one evaluation for a subcommand: prints the JSON, writes the files, maps errors to exit codes. */
final class EvaluationRun {
    /** Exit code for bad input: a malformed dataset, a missing or invalid model, a bad option value. */
    static final int BAD_INPUT = 2;
    /** Exit code when the results cannot be written. */
    static final int WRITE_FAILED = 1;

    /** The JSON summary and the per-item CSV of one evaluation. */
    record Result(String json, String predictionsCsv) {
    }

    /** The evaluation itself. */
    @FunctionalInterface
    interface Body {
        Result run() throws DatasetException, ModelException, IOException;
    }

    private EvaluationRun() {
    }

    /**
     * Checks an option value.
     *
     * @throws IllegalArgumentException "OPTION must be RANGE, got VALUE" when it is not
     */
    static void checkOption(String option, double value, boolean ok, String range) {
        if (!ok || Double.isNaN(value)) {
            throw new IllegalArgumentException(option + " must be " + range + ", got " + value);
        }
    }

    /** Checks a pixel size option against the range {@code run} accepts ({@link SlideLimits}). */
    static void checkMicronsPerPixel(String option, double value) {
        checkOption(option, value, SlideLimits.isPlausiblePixelSize(value),
                "a microscope pixel size within " + SlideLimits.pixelSizeRange());
    }

    /** Checks a minimum area option: finite and not negative. */
    static void checkMinArea(double value) {
        checkOption("--min-area-um2", value, value >= 0 && Double.isFinite(value), ">= 0");
    }

    /**
     * The stain shift an option names.
     *
     * @throws IllegalArgumentException "OPTION: unknown stain shift ..." listing the known ones
     */
    static org.gloinone.eval.StainShift stainShift(String option, String word) {
        try {
            return org.gloinone.eval.StainShift.of(word);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    static int execute(CommandLine.Model.CommandSpec spec, EvaluationOptions options, Body body) {
        PrintWriter err = spec.commandLine().getErr();
        if (options.batchSize < 1) {
            err.println("--batch-size must be >= 1, got " + options.batchSize);
            return BAD_INPUT;
        }
        Result result;
        try {
            result = body.run();
        } catch (DatasetException | ModelException | IllegalArgumentException e) {
            err.println(e.getMessage());
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("evaluation failed: " + e.getMessage());
            return WRITE_FAILED;
        }
        try {
            if (options.out != null) {
                ReportFiles.write(options.out, result.json());
            }
            if (options.predictions != null) {
                ReportFiles.write(options.predictions, result.predictionsCsv());
            }
        } catch (IOException e) {
            err.println("cannot write the results: " + e.getMessage());
            return WRITE_FAILED;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(result.json());
        out.flush();
        return 0;
    }
}
