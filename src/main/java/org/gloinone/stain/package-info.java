/**
 * Stain: colour deconvolution ({@link org.gloinone.stain.HedColour}), how strongly a slide is stained
 * ({@link org.gloinone.stain.StainDensities}) and the factors that bring it to a model's training stain
 * ({@link org.gloinone.stain.StainNormalisation}).
 */
package org.gloinone.stain;
