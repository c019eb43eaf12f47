package org.gloinone.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Test-time augmentation: runs each batch of images as several views of itself (turned and mirrored) and averages
 * every output over the views. An output with one vector per image (class probabilities) is averaged as it is; a
 * map that moves with the image (a detector's heads) is first brought back to the image's own orientation, as
 * {@link OutputKind} says.
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

    /** How an output is brought back from a view and averaged. */
    public enum OutputKind {
        /** One vector per image (rank 1 or 2): averaged as it is. */
        PER_IMAGE,
        /** An NHWC map on a grid that divides the image: turned back, then averaged. */
        MAP,
        /** A map of logits: turned back, averaged as probabilities and given back as the logit of the mean. */
        LOGIT_MAP,
        /**
         * A map of two channels (dx, dy): where in its grid cell a point lies, from the cell's top-left corner in
         * cell units. Turned back, with the components exchanged and mirrored as the view did, then averaged.
         */
        CELL_OFFSETS
    }

    /** Per view: whether the axes are exchanged, and whether the source column and row are counted from the end. */
    private static final boolean[][] VIEWS = {
        {false, false, false}, {false, true, false}, {false, false, true}, {false, true, true},
        {true, false, false}, {true, true, true}, {true, false, true}, {true, true, false}};
    /** The view that undoes each view: the quarter turns undo each other, every other view undoes itself. */
    private static final int[] INVERSE = {0, 1, 2, 3, 4, 5, 7, 6};

    private final Predictor inner;
    private final int views;
    private final Map<String, OutputKind> maps;

    private ViewAveragingPredictor(Predictor inner, int views, Map<String, OutputKind> maps) {
        this.inner = inner;
        this.views = views;
        this.maps = Map.copyOf(maps);
    }

    /** {@code inner}, whose outputs are all one vector per image, averaged over its first {@code views} views. */
    public static Predictor wrap(Predictor inner, int views) {
        return wrap(inner, views, Map.of());
    }

    /**
     * {@code inner} averaged over its first {@code views} views; {@code inner} itself for one view.
     *
     * @param maps the outputs that are maps, with their kind; every other output is one vector per image
     */
    public static Predictor wrap(Predictor inner, int views, Map<String, OutputKind> maps) {
        if (!ALLOWED_VIEWS.contains(views)) {
            throw new IllegalArgumentException("test-time views must be one of 1, 2, 4 or 8, got " + views);
        }
        if (maps.containsValue(OutputKind.PER_IMAGE)) {
            throw new IllegalArgumentException("maps must name map kinds, got " + maps);
        }
        return views == 1 ? inner : new ViewAveragingPredictor(inner, views, maps);
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
                OutputKind kind = maps.getOrDefault(e.getKey(), OutputKind.PER_IMAGE);
                FloatTensor t = turnedBack(e.getKey(), kind, e.getValue(), input, v);
                double[] sum = sums.computeIfAbsent(e.getKey(), k -> new double[t.data().length]);
                long[] shape = shapes.computeIfAbsent(e.getKey(), k -> t.shape().clone());
                if (!Arrays.equals(shape, t.shape())) {
                    throw new ModelException("output '" + e.getKey() + "' changed shape between views");
                }
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += kind == OutputKind.LOGIT_MAP ? sigmoid(t.data()[i]) : t.data()[i];
                }
            }
        }
        Map<String, FloatTensor> mean = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : sums.entrySet()) {
            boolean logits = maps.get(e.getKey()) == OutputKind.LOGIT_MAP;
            double[] sum = e.getValue();
            float[] data = new float[sum.length];
            for (int i = 0; i < sum.length; i++) {
                double m = sum[i] / views;
                data[i] = (float) (logits ? logit(m) : m);
            }
            mean.put(e.getKey(), new FloatTensor(shapes.get(e.getKey()), data));
        }
        return mean;
    }

    /** Output {@code t} of view {@code v}, in the orientation of the image itself. */
    private static FloatTensor turnedBack(String name, OutputKind kind, FloatTensor t, FloatTensor input, int v)
            throws ModelException {
        if (kind == OutputKind.PER_IMAGE) {
            if (t.rank() > 2) {
                throw new ModelException("output '" + name + "' is a map of rank " + t.rank()
                        + ": test-time views average only one vector per image here");
            }
            return t;
        }
        boolean grid = t.rank() == 4 && t.dim(0) == input.dim(0) && t.dim(1) > 0 && t.dim(2) > 0
                && input.dim(1) % t.dim(1) == 0 && input.dim(2) % t.dim(2) == 0
                && input.dim(1) / t.dim(1) == input.dim(2) / t.dim(2);
        if (!grid || (kind == OutputKind.CELL_OFFSETS && t.dim(3) != 2)) {
            throw new ModelException("output '" + name + "' of shape " + Arrays.toString(t.shape())
                    + " is not a " + kind + " map on a grid of the input " + Arrays.toString(input.shape()));
        }
        if (v == 0) {
            return t;
        }
        FloatTensor back = view(t, INVERSE[v]);
        if (kind == OutputKind.CELL_OFFSETS) {
            float[] d = back.data();
            for (int i = 0; i < d.length; i += 2) {
                float dx = d[i];
                float dy = d[i + 1];
                // A source column counted from the end mirrors the point within its cell (x -> 1 - x).
                float sx = VIEWS[v][0] ? dy : dx;
                float sy = VIEWS[v][0] ? dx : dy;
                d[i] = VIEWS[v][1] ? 1 - sx : sx;
                d[i + 1] = VIEWS[v][2] ? 1 - sy : sy;
            }
        }
        return back;
    }

    /**
     * View {@code v} of every image (or map) of the batch: pixel (y, x) of the view is pixel (sy, sx) of the image.
     * Views 4 to 7 exchange the axes, so they are only asked of square images.
     */
    public static FloatTensor view(FloatTensor input, int v) {
        int n = input.dim(0);
        int h = input.dim(1);
        int w = input.dim(2);
        int c = input.dim(3);
        boolean swap = VIEWS[v][0];
        boolean fromEndX = VIEWS[v][1];
        boolean fromEndY = VIEWS[v][2];
        float[] src = input.data();
        float[] dst = new float[src.length];
        int per = h * w * c;
        for (int b = 0; b < n; b++) {
            int base = b * per;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int sx = swap ? y : x;
                    int sy = swap ? x : y;
                    if (fromEndX) {
                        sx = w - 1 - sx;
                    }
                    if (fromEndY) {
                        sy = h - 1 - sy;
                    }
                    System.arraycopy(src, base + (sy * w + sx) * c, dst, base + (y * w + x) * c, c);
                }
            }
        }
        return new FloatTensor(input.shape().clone(), dst);
    }

    private static double sigmoid(double logit) {
        return 1 / (1 + Math.exp(-logit));
    }

    private static double logit(double p) {
        double q = Math.min(Math.max(p, 1e-7), 1 - 1e-7);
        return Math.log(q / (1 - q));
    }

    /** Leaves the wrapped predictor open: its owner closes it. */
    @Override
    public void close() {
    }
}
