package org.gloinone.eval;

/**
 * The detection scores of a tiles dataset rendered at one pixel size.
 *
 * @param micronsPerPixel the pixel size the tiles were rendered at
 * @param scores          the scores there, against the truth at the tiles' own resolution
 */
public record ResolutionScores(double micronsPerPixel, DetectionScores scores) {
}
