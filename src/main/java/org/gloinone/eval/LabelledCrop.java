package org.gloinone.eval;

import java.nio.file.Path;

/**
 * One row of a crops dataset: a crop centred on one glomerulus, its mask and its labels.
 *
 * @param name              the image path as written in labels.csv (relative to the dataset folder)
 * @param image             the crop image file
 * @param mask              the mask file (glomerulus where any channel &gt; 127)
 * @param className         the annotated class (e.g. GS, nonGS)
 * @param globallySclerotic the truth of the paper's binary task
 * @param slideId           the slide the crop was cut from
 */
public record LabelledCrop(String name, Path image, Path mask, String className, boolean globallySclerotic,
                           String slideId) {
}
