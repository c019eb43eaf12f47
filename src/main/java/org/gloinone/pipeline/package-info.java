/**
 * The All-in-One pipeline, its options, progress reporting and the immutable results it returns.
 */
package org.gloinone.pipeline;
