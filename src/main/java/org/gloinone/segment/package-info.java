/**
 * Glomerulus segmentation: masks, outlines and morphometry.
 */
package org.gloinone.segment;
