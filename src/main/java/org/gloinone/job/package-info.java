/**
 * The one slide job ({@link org.gloinone.job.SlideJob}) that the command line, Fiji and the cohort runner
 * call, and the output folder it keeps true: slide folders named without collisions, {@code run.json} as the
 * record of each, {@code summary.csv} rebuilt from them, and a lock that keeps a second run out.
 */
package org.gloinone.job;
