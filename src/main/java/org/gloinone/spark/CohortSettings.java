package org.gloinone.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

import org.gloinone.cli.RunOptions;

/**
 * What every task of a cohort needs, in a form Spark ships to executors.
 *
 * @param output        the output folder as a fully qualified Hadoop FileSystem URI
 * @param runArguments  the run options as command-line words ({@link RunOptions#arguments()}); each executor
 *                      parses them again with the same validator
 * @param resume        skip slides whose folder in the output is complete with the same identity
 */
public record CohortSettings(String output, List<String> runArguments, boolean resume) implements Serializable {
    private static final long serialVersionUID = 1L;

    public CohortSettings {
        Objects.requireNonNull(output, "output");
        runArguments = List.copyOf(runArguments);
    }

    /** The run options, validated. */
    public RunOptions runOptions() {
        return RunOptions.parse(runArguments);
    }
}
