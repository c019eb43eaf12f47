/**
 * Model packages (bioimage.io rdf.yaml + TensorFlow SavedModel) and the predictors that run them.
 */
package org.gloinone.model;
