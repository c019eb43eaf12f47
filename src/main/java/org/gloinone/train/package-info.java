/**
 * Training in Java with TensorFlow: layers, losses, augmentation, data loaders, trainers and export.
 */
package org.gloinone.train;
