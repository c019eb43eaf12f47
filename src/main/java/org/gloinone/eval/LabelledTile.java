package org.gloinone.eval;

import java.nio.file.Path;

/**
 * One tile of a tiles dataset: an image and its mask of the same name.
 *
 * @param name  the file name, e.g. {@code 10003.png}
 * @param image the image in {@code images/}
 * @param mask  the mask in {@code masks/}; each 8-connected component is one glomerulus
 */
public record LabelledTile(String name, Path image, Path mask) {
}
