/**
 * Runs the slide job ({@link org.gloinone.job.SlideJob}) over many slide files in one process: in order,
 * under the output folder's lock, past failed slides, and ending with the rebuilt summary
 * ({@link org.gloinone.batch.BatchRunner}).
 */
package org.gloinone.batch;
