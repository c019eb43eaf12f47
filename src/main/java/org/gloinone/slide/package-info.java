/**
 * Whole-slide reading: {@link org.gloinone.slide.Slide} and its backends (pure-Java TIFF, OpenSlide, ImageJ, Bio-Formats). Pixels come out as imglib2 ARGB images.
 */
package org.gloinone.slide;
