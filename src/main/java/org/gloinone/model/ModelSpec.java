package org.gloinone.model;

import java.util.Objects;

/**
 * The validated contents of a model package's rdf.yaml that the pipeline needs.
 * Exactly one of {@link #detect()}, {@link #classify()} and {@link #segment()} is set, matching {@link #task()}.
 *
 * @param name            model name
 * @param version         model version
 * @param task            what the model does
 * @param micronsPerPixel the input resolution the model was trained at
 * @param inputName       the network's input tensor name (NHWC, 3 channels, RGB)
 * @param preprocessing   how 8-bit RGB becomes the network input
 * @param detect          detector settings, or null
 * @param classify        classifier settings, or null
 * @param segment         segmenter settings, or null
 */
public record ModelSpec(String name, String version, Task task, double micronsPerPixel, String inputName,
                        Preprocessing preprocessing, DetectConfig detect, ClassifyConfig classify,
                        SegmentConfig segment) {
    public ModelSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(inputName, "inputs[0].id");
        Objects.requireNonNull(preprocessing, "preprocessing");
        Checks.positive("pixel size (um/px)", micronsPerPixel);
        boolean ok = switch (task) {
            case DETECT -> detect != null && classify == null && segment == null;
            case CLASSIFY -> classify != null && detect == null && segment == null;
            case SEGMENT -> segment != null && detect == null && classify == null;
        };
        if (!ok) {
            throw new IllegalArgumentException("config.glo-in-one must hold exactly the '" + task.word()
                    + "' section for a " + task.word() + " model");
        }
    }

    /** This spec with other detector settings. */
    public ModelSpec withDetect(DetectConfig settings) {
        return new ModelSpec(name, version, task, micronsPerPixel, inputName, preprocessing, settings, classify,
                segment);
    }

    /** This spec with other classifier settings. */
    public ModelSpec withClassify(ClassifyConfig settings) {
        return new ModelSpec(name, version, task, micronsPerPixel, inputName, preprocessing, detect, settings,
                segment);
    }
}
