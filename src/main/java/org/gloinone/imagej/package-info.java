/**
 * ImageJ data adapters shared by the front doors: ROIs, ROI sets and image conversions that need
 * {@code ij.gui} classes. Not part of the headless core; the core never imports it.
 */
package org.gloinone.imagej;
