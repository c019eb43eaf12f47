package org.gloinone.pipeline;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

import org.gloinone.model.Device;
import org.gloinone.model.Task;

/**
 * How to run the pipeline: one validated, immutable value. Build with {@link #builder()};
 * unset values take the defaults below or, for thresholds, the model spec's defaults.
 *
 * @param stages            which stages run (default: all three)
 * @param scoreThreshold    minimum detection score; empty = the detector spec's default
 * @param nmsIou            circle-NMS IoU; empty = the detector spec's value
 * @param threads           TensorFlow intra-op threads (default: available processors)
 * @param device            where the networks run (default: auto)
 * @param useTissueMask     skip tiles without tissue (default: true)
 * @param minTissueFraction tiles with less tissue than this are skipped (default: 0.01)
 * @param assumedMicronsPerPixel pixel size for a slide whose file does not state one (default: none, such a
 *                          slide is refused); a stated pixel size always wins
 */
public record PipelineOptions(Set<Task> stages, OptionalDouble scoreThreshold, OptionalDouble nmsIou,
                              int threads, Device device, boolean useTissueMask, double minTissueFraction,
                              OptionalDouble assumedMicronsPerPixel) {
    public PipelineOptions {
        Objects.requireNonNull(device, "device");
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("stages must name at least one of detect, classify, segment");
        }
        stages = Collections.unmodifiableSet(EnumSet.copyOf(stages));
        scoreThreshold.ifPresent(v -> requireUnit("score", v));
        nmsIou.ifPresent(v -> requireUnit("nms-iou", v));
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("threads must be in [1, 256], got " + threads);
        }
        requireUnit("min-tissue", minTissueFraction);
        assumedMicronsPerPixel.ifPresent(v -> {
            // The plausible range is checked where slides are opened (SlideLimits); this type is shared with Fiji.
            if (!(v > 0 && Double.isFinite(v))) {
                throw new IllegalArgumentException("mpp must be a positive pixel size in um/px, got " + v);
            }
        });
    }

    private static void requireUnit(String option, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(option + " must be in [0, 1], got " + value);
        }
    }

    /** The defaults: all stages, spec thresholds, all cores, auto device, tissue mask on. */
    public static PipelineOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.stages = EnumSet.copyOf(stages);
        b.scoreThreshold = scoreThreshold;
        b.nmsIou = nmsIou;
        b.threads = threads;
        b.device = device;
        b.useTissueMask = useTissueMask;
        b.minTissueFraction = minTissueFraction;
        b.assumedMicronsPerPixel = assumedMicronsPerPixel;
        return b;
    }

    /** Collects options; {@link #build()} validates them. */
    public static final class Builder {
        private Set<Task> stages = EnumSet.allOf(Task.class);
        private OptionalDouble scoreThreshold = OptionalDouble.empty();
        private OptionalDouble nmsIou = OptionalDouble.empty();
        private int threads = Runtime.getRuntime().availableProcessors();
        private Device device = Device.AUTO;
        private boolean useTissueMask = true;
        private double minTissueFraction = 0.01;
        private OptionalDouble assumedMicronsPerPixel = OptionalDouble.empty();

        private Builder() {
        }

        public Builder stages(Set<Task> value) {
            stages = EnumSet.noneOf(Task.class);
            stages.addAll(value);
            return this;
        }

        public Builder scoreThreshold(double value) {
            scoreThreshold = OptionalDouble.of(value);
            return this;
        }

        public Builder nmsIou(double value) {
            nmsIou = OptionalDouble.of(value);
            return this;
        }

        public Builder threads(int value) {
            threads = value;
            return this;
        }

        public Builder device(Device value) {
            device = value;
            return this;
        }

        public Builder useTissueMask(boolean value) {
            useTissueMask = value;
            return this;
        }

        public Builder minTissueFraction(double value) {
            minTissueFraction = value;
            return this;
        }

        public Builder assumedMicronsPerPixel(double value) {
            assumedMicronsPerPixel = OptionalDouble.of(value);
            return this;
        }

        public PipelineOptions build() {
            return new PipelineOptions(stages, scoreThreshold, nmsIou, threads, device, useTissueMask,
                    minTissueFraction, assumedMicronsPerPixel);
        }
    }
}
