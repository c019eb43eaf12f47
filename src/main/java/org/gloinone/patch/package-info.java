/**
 * The glomerulus patch both classification and segmentation look at: its geometry on the slide (bounding
 * square plus physical padding), its extraction and resizing, and its batching for a network.
 */
package org.gloinone.patch;
