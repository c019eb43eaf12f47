/**
 * Runs the pipeline over slide files and writes their results: one slide ({@link org.gloinone.batch.SlideJob})
 * or a sorted batch that logs and continues past failed slides and skips finished ones on resume
 * ({@link org.gloinone.batch.BatchRunner}). Shared by the command line and Fiji's file mode.
 */
package org.gloinone.batch;
