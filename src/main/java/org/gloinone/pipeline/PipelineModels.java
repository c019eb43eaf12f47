package org.gloinone.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.gloinone.model.Task;

/**
 * The networks available to a pipeline, one per stage; a stage without a network cannot run.
 *
 * @param detector   the CircleNet detector
 * @param classifier the glomerulus classifier
 * @param segmenter  the glomerulus segmenter
 */
public record PipelineModels(Optional<StageModel> detector, Optional<StageModel> classifier,
                             Optional<StageModel> segmenter) {
    public PipelineModels {
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(segmenter, "segmenter");
        requireTask(detector, Task.DETECT);
        requireTask(classifier, Task.CLASSIFY);
        requireTask(segmenter, Task.SEGMENT);
    }

    /** All three stages. */
    public static PipelineModels of(StageModel detector, StageModel classifier, StageModel segmenter) {
        return new PipelineModels(Optional.of(detector), Optional.of(classifier), Optional.of(segmenter));
    }

    private static void requireTask(Optional<StageModel> model, Task task) {
        model.ifPresent(m -> {
            if (m.spec().task() != task) {
                throw new IllegalArgumentException("model '" + m.spec().name() + "' is a " + m.spec().task().word()
                        + " model but was given as the " + task.word() + " model");
            }
        });
    }

    /** The model of a stage, if any. */
    public Optional<StageModel> forTask(Task task) {
        return switch (task) {
            case DETECT -> detector;
            case CLASSIFY -> classifier;
            case SEGMENT -> segmenter;
        };
    }

    /** The identities of the models of the given stages, in stage order. */
    public List<ModelInfo> infos(Iterable<Task> stages) {
        List<ModelInfo> infos = new ArrayList<>();
        for (Task t : stages) {
            forTask(t).ifPresent(m -> infos.add(m.info()));
        }
        return infos;
    }
}
