package org.gloinone.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One input or output tensor of a model package as rdf.yaml describes it (bioimage.io 0.5 axes).
 * Axes are given by their bioimage.io types in order, e.g. {@code [batch, y, x, channel]} (NHWC) for images
 * or {@code [batch, channel]} for class probabilities.
 *
 * @param id              the tensor id, also the key in the SavedModel's {@code serving_default} signature
 * @param axes            the axis ids in order: {@code batch}, {@code y}, {@code x}, {@code channel} or an index id
 * @param shape           size per axis; -1 where the size varies (batch, or a parameterised or referenced size)
 * @param sizeMin         for inputs with a variable spatial size: the smallest size ({@code size.min}); 0 if fixed
 * @param sizeStep        for inputs with a variable spatial size: the size increment ({@code size.step}); 0 if fixed
 * @param micronsPerPixel the pixel size of the spatial axes in micrometres, or 0 for a tensor without spatial axes
 * @param channelNames    names of the channels, as many as the channel axis holds (empty without channel axis)
 * @param testTensor      the package-relative path of the .npy test tensor, or null
 */
public record TensorDescription(String id, List<String> axes, long[] shape, int sizeMin, int sizeStep,
                                double micronsPerPixel, List<String> channelNames, String testTensor) {
    public TensorDescription {
        Objects.requireNonNull(id, "id");
        axes = List.copyOf(axes);
        shape = shape.clone();
        channelNames = List.copyOf(channelNames);
        if (axes.size() != shape.length) {
            throw new IllegalArgumentException("tensor '" + id + "' has " + axes.size() + " axes but shape "
                    + Arrays.toString(shape));
        }
        if (sizeMin < 0 || sizeStep < 0) {
            throw new IllegalArgumentException("tensor '" + id + "' size min/step must be >= 0");
        }
        if (!(micronsPerPixel >= 0) || Double.isInfinite(micronsPerPixel)) {
            throw new IllegalArgumentException("tensor '" + id + "' pixel size must be >= 0, got " + micronsPerPixel);
        }
    }

    /**
     * An NHWC image tensor ({@code batch, y, x, channel}) of variable batch and spatial size.
     *
     * @param id              tensor id
     * @param channelNames    the channel names (their count is the channel size)
     * @param micronsPerPixel pixel size in micrometres
     * @param sizeStep        the spatial size must be a multiple of this (inputs), or 0 (outputs)
     * @param testTensor      package-relative .npy path, or null
     */
    public static TensorDescription image(String id, List<String> channelNames, double micronsPerPixel,
                                          int sizeStep, String testTensor) {
        return new TensorDescription(id, List.of("batch", "y", "x", "channel"),
                new long[] {-1, -1, -1, channelNames.size()}, sizeStep, sizeStep, micronsPerPixel,
                channelNames, testTensor);
    }

    /**
     * A {@code batch, channel} tensor such as class probabilities.
     *
     * @param id           tensor id
     * @param channelNames the channel (class) names
     * @param testTensor   package-relative .npy path, or null
     */
    public static TensorDescription vector(String id, List<String> channelNames, String testTensor) {
        return new TensorDescription(id, List.of("batch", "channel"), new long[] {-1, channelNames.size()},
                0, 0, 0, channelNames, testTensor);
    }

    /** The same description with another test tensor path. */
    public TensorDescription withTestTensor(String path) {
        return new TensorDescription(id, axes, shape, sizeMin, sizeStep, micronsPerPixel, channelNames, path);
    }

    /** Number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** True when {@code actual} has this rank and agrees on every fixed size (-1 on either side matches). */
    public boolean accepts(long[] actual) {
        if (actual.length != shape.length) {
            return false;
        }
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] >= 0 && actual[i] >= 0 && shape[i] != actual[i]) {
                return false;
            }
        }
        return true;
    }

    /** The shape in rdf.yaml words, e.g. {@code [batch=?, y=?, x=?, channel=3]}. */
    public String shapeText() {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            b.append(i == 0 ? "" : ", ").append(axes.get(i)).append('=').append(shape[i] < 0 ? "?" : shape[i]);
        }
        return b.append(']').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorDescription t && id.equals(t.id) && axes.equals(t.axes)
                && Arrays.equals(shape, t.shape) && sizeMin == t.sizeMin && sizeStep == t.sizeStep
                && Double.compare(micronsPerPixel, t.micronsPerPixel) == 0 && channelNames.equals(t.channelNames)
                && Objects.equals(testTensor, t.testTensor);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, axes, Arrays.hashCode(shape), sizeMin, sizeStep, micronsPerPixel, channelNames,
                testTensor);
    }

    @Override
    public String toString() {
        return "TensorDescription[" + id + " " + shapeText() + ", " + micronsPerPixel + " um/px, test=" + testTensor + "]";
    }
}
