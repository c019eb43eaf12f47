/**
 * Glomerulus classification: patches around circles and the classifier stage.
 */
package org.gloinone.classify;
