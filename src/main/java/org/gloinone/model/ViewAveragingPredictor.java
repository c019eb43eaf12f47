package org.gloinone.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Test-time augmentation: runs each batch of images as several views of itself (turned and mirrored) and averages
 * every output over the views. Only outputs with one vector per image (such as class probabilities) can be
 * averaged so: a map that moves with the image is refused.
 *
 * <p>The views are taken in a fixed order whose first 1, 2, 4 and 8 form groups: the image as it is, mirrored
 * left-right, mirrored top-bottom, turned by a half turn, transposed, anti-transposed, turned a quarter clockwise
 * and counter-clockwise. The first four need no square image; all eight do. Each view is one call of the wrapped
 * predictor, so memory is that of a single view, and the sum runs in that fixed order, so the result does not vary
 * from run to run. Does not own the wrapped predictor: closing this closes nothing.
 */
public final class ViewAveragingPredictor implements Predictor {
    /** The numbers of views a model may ask for. */
    public static final Set<Integer> ALLOWED_VIEWS = Set.of(1, 2, 4, 8);

    private final Predictor inner;
    private final int views;

    private ViewAveragingPredictor(Predictor inner, int views) {
        this.inner = inner;
        this.views = views;
    }

    /** {@code inner} averaged over its first {@code views} views; {@code inner} itself for one view. */
    public static Predictor wrap(Predictor inner, int views) {
        if (!ALLOWED_VIEWS.contains(views)) {
            throw new IllegalArgumentException("test-time views must be one of 1, 2, 4 or 8, got " + views);
        }
        return views == 1 ? inner : new ViewAveragingPredictor(inner, views);
    }

    @Override
    public Map<String, FloatTensor> predict(FloatTensor input) throws ModelException {
        if (input.rank() != 4) {
            throw new ModelException("test-time views need an NHWC batch, got rank " + input.rank());
        }
        if (views > 4 && input.dim(1) != input.dim(2)) {
            throw new ModelException(views + " test-time views need square images, got "
                    + input.dim(2) + " x " + input.dim(1));
        }
        Map<String, long[]> shapes = new LinkedHashMap<>();
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (int v = 0; v < views; v++) {
            Map<String, FloatTensor> out = inner.predict(v == 0 ? input : view(input, v));
            for (Map.Entry<String, FloatTensor> e : out.entrySet()) {
                FloatTensor t = e.getValue();
                if (t.rank() > 2) {
                    throw new ModelException("output '" + e.getKey() + "' is a map of rank " + t.rank()
                            + ": test-time views average only one vector per image");
                }
                double[] sum = sums.computeIfAbsent(e.getKey(), k -> new double[t.data().length]);
                long[] shape = shapes.computeIfAbsent(e.getKey(), k -> t.shape().clone());
                if (!Arrays.equals(shape, t.shape())) {
                    throw new ModelException("output '" + e.getKey() + "' changed shape between views");
                }
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += t.data()[i];
                }
            }
        }
        Map<String, FloatTensor> mean = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : sums.entrySet()) {
            double[] sum = e.getValue();
            float[] data = new float[sum.length];
            for (int i = 0; i < sum.length; i++) {
                data[i] = (float) (sum[i] / views);
            }
            mean.put(e.getKey(), new FloatTensor(shapes.get(e.getKey()), data));
        }
        return mean;
    }

    /**
     * View {@code v} of every image of the batch: pixel (y, x) of the view is pixel (sy, sx) of the image. Views 4
     * to 7 exchange the axes, so they are only asked of square images.
     */
    public static FloatTensor view(FloatTensor input, int v) {
        int n = input.dim(0);
        int h = input.dim(1);
        int w = input.dim(2);
        int c = input.dim(3);
        float[] src = input.data();
        float[] dst = new float[src.length];
        int per = h * w * c;
        for (int b = 0; b < n; b++) {
            int base = b * per;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int sy;
                    int sx;
                    switch (v) {
                        case 1 -> { sy = y; sx = w - 1 - x; }
                        case 2 -> { sy = h - 1 - y; sx = x; }
                        case 3 -> { sy = h - 1 - y; sx = w - 1 - x; }
                        case 4 -> { sy = x; sx = y; }
                        case 5 -> { sy = w - 1 - x; sx = h - 1 - y; }
                        case 6 -> { sy = w - 1 - x; sx = y; }
                        case 7 -> { sy = x; sx = h - 1 - y; }
                        default -> throw new IllegalArgumentException("no view " + v);
                    }
                    System.arraycopy(src, base + (sy * w + sx) * c, dst, base + (y * w + x) * c, c);
                }
            }
        }
        return new FloatTensor(input.shape().clone(), dst);
    }

    /** Leaves the wrapped predictor open: its owner closes it. */
    @Override
    public void close() {
    }
}
