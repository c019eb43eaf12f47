/**
 * The implementation of the Fiji facade over the pipeline, the slide layer, the models and the result files.
 * Inside Fiji this package is loaded by the isolated engine class loader together with TensorFlow Java.
 */
package org.gloinone.fiji.engine;
