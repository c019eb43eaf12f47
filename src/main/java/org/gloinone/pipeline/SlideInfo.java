package org.gloinone.pipeline;

import java.util.OptionalDouble;

/**
 * What a result needs to know about the slide it came from.
 *
 * @param name            file name of the slide
 * @param backend         the backend that read it
 * @param width           level-0 width in pixels
 * @param height          level-0 height in pixels
 * @param micronsPerPixel level-0 um/px, empty when the file does not say
 */
public record SlideInfo(String name, String backend, long width, long height, OptionalDouble micronsPerPixel) {
}
