/**
 * Progress out and cancellation in: the two small types every long-running layer (stages, pipeline, slide job,
 * front doors) shares, kept apart so that the stages need not import the pipeline that runs them.
 */
package org.gloinone.progress;
