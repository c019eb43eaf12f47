package org.gloinone.batch;

import java.util.Objects;

import org.gloinone.job.JobOptions;

/**
 * How a batch runs: the job options of every slide, and whether it stops at the first failure.
 *
 * @param job      output folder, pipeline and output options, resume
 * @param failFast stop at the first failed slide instead of logging it and going on
 */
public record BatchSettings(JobOptions job, boolean failFast) {
    public BatchSettings {
        Objects.requireNonNull(job, "job");
    }
}
