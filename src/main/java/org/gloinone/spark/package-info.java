/**
 * The Spark cohort application ({@link org.gloinone.spark.CohortRun}): one task per slide running the one slide
 * job, models loaded once per executor JVM, each slide folder committed whole into the output, and the cohort's
 * Parquet tables written by Spark SQL. Spark is provided by the cluster (or fetched by {@code ./glo-in-one cohort});
 * nothing outside this package refers to it.
 */
package org.gloinone.spark;
