package org.gloinone.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.gloinone.detect.Circle;
import org.gloinone.model.Task;
import org.gloinone.stain.StainDensities;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Glomerulus detection with CircleNet heads on scenes from {@link SceneSynthesizer} (real tiles plus pasted
 * glomeruli). Loss: heatmap focal loss + L1 offset + 0.1 L1 radius at the centres (CenterNet weights).
 * Validation: AP at circle IoU 0.5 on the held-out tiles, and on synthetic scenes built only from held-out crops
 * and tiles.
 */
public final class DetectorTask implements TrainingTask {
    /** Output names. */
    public static final String HEATMAP = "heatmap";
    /** Offset output. */
    public static final String OFFSET = "offset";
    /** Radius output. */
    public static final String RADIUS = "radius";
    private static final String CENTRES = "centres";
    private static final int STRIDE = CircleNetModel.STRIDE;
    private static final float RADIUS_WEIGHT = 0.1f;
    private static final float GLASS = 1f;

    private final SceneSynthesizer train;
    private final SceneSynthesizer validationSynth;
    private final List<KidneyTile> validationTiles;
    private final int size;
    private final double micronsPerPixel;
    private final CircleNetModel net;
    private final Augmenter augmenter;
    private final int samplesPerEpoch;
    private final int members;
    private final Optional<StainDensities> stainReference;

    /**
     * @param train           training scene source
     * @param validationSynth held-out scene source (held-out crops on held-out tiles), or null
     * @param validationTiles held-out tiles at the detector resolution
     * @param size            scene edge, a multiple of 32
     * @param micronsPerPixel the pixel size the network works at: of its scenes and held-out tiles
     * @param net             the network
     * @param augmenter       colour augmentation of scenes
     * @param samplesPerEpoch scenes per epoch
     */
    public DetectorTask(SceneSynthesizer train, SceneSynthesizer validationSynth, List<KidneyTile> validationTiles,
                        int size, double micronsPerPixel, CircleNetModel net, Augmenter augmenter,
                        int samplesPerEpoch) {
        this(train, validationSynth, validationTiles, size, micronsPerPixel, net, augmenter, samplesPerEpoch, 1);
    }

    /**
     * As above, as an ensemble of {@code members} networks: each starts from its own initial weights, all train on
     * the same scenes, each by its own loss, and the outputs average theirs (centre probabilities, offsets and
     * radii), so the exported model is one network to the pipeline.
     */
    public DetectorTask(SceneSynthesizer train, SceneSynthesizer validationSynth, List<KidneyTile> validationTiles,
                        int size, double micronsPerPixel, CircleNetModel net, Augmenter augmenter,
                        int samplesPerEpoch, int members) {
        if (members < 1) {
            throw new IllegalArgumentException("an ensemble needs at least one member, got " + members);
        }
        if (size % CircleNetModel.DIVISOR != 0) {
            throw new IllegalArgumentException("scene size " + size + " must be a multiple of " + CircleNetModel.DIVISOR);
        }
        this.train = train;
        this.validationSynth = validationSynth;
        this.validationTiles = List.copyOf(validationTiles);
        this.size = size;
        this.micronsPerPixel = micronsPerPixel;
        this.net = net;
        this.augmenter = augmenter;
        this.samplesPerEpoch = samplesPerEpoch;
        this.members = members;
        this.stainReference = Optional.empty();
    }

    private DetectorTask(DetectorTask task, StainDensities stainReference) {
        this.train = task.train;
        this.validationSynth = task.validationSynth;
        this.validationTiles = task.validationTiles;
        this.size = task.size;
        this.micronsPerPixel = task.micronsPerPixel;
        this.net = task.net;
        this.augmenter = task.augmenter;
        this.samplesPerEpoch = task.samplesPerEpoch;
        this.members = task.members;
        this.stainReference = Optional.of(stainReference);
    }

    /** The same task, whose package records the stain of its training tiles (restained to at run time). */
    public DetectorTask withStainReference(StainDensities reference) {
        return new DetectorTask(this, reference);
    }

    /** The stain of the training tiles, recorded in the package; empty when not measured. */
    public Optional<StainDensities> stainReference() {
        return stainReference;
    }

    /** How many networks the model averages (1: a single network). */
    public int members() {
        return members;
    }

    /** The pixel size the network works at, in um/px: what its package states. */
    public double micronsPerPixel() {
        return micronsPerPixel;
    }

    /** Edge of the pipeline's detector tile in the pixels of a detector at {@code micronsPerPixel} (tile_um). */
    static int pipelineTilePixels(double micronsPerPixel) {
        return (int) Math.round(ModelPackaging.detectConfig().tileMicrons() / micronsPerPixel);
    }

    @Override
    public Task task() {
        return Task.DETECT;
    }

    @Override
    public int inputSize() {
        return size;
    }

    @Override
    public boolean anyInputSize() {
        return true;
    }

    @Override
    public Map<String, Operand<TFloat32>> network(Layers layers, Operand<TFloat32> image) {
        Map<String, Operand<TFloat32>> out = new LinkedHashMap<>();
        if (members == 1) {
            Map<String, Operand<TFloat32>> h = net.heads(layers, image);
            out.put(HEATMAP, h.get("heatmap_logits"));
            out.put(OFFSET, h.get("offset"));
            out.put(RADIUS, h.get("radius"));
            return out;
        }
        Ops tf = layers.tf();
        Operand<TFloat32> probability = null;
        Operand<TFloat32> offset = null;
        Operand<TFloat32> radius = null;
        for (int k = 1; k <= members; k++) {
            Map<String, Operand<TFloat32>> h = net.heads(layers.scoped(member(k)), image);
            out.put(member(k) + HEATMAP, h.get("heatmap_logits"));
            out.put(member(k) + OFFSET, h.get("offset"));
            out.put(member(k) + RADIUS, h.get("radius"));
            Operand<TFloat32> p = tf.math.sigmoid(h.get("heatmap_logits"));
            probability = probability == null ? p : tf.math.add(probability, p);
            offset = offset == null ? h.get("offset") : tf.math.add(offset, h.get("offset"));
            radius = radius == null ? h.get("radius") : tf.math.add(radius, h.get("radius"));
        }
        Operand<TFloat32> share = tf.constant(1f / members);
        // the mean probability, back as a logit (the package's heatmap is logits); clipped so that it stays finite
        Operand<TFloat32> p = tf.clipByValue(tf.math.mul(probability, share), tf.constant(1e-6f),
                tf.constant(1 - 1e-6f));
        out.put(HEATMAP, tf.math.sub(tf.math.log(p), tf.math.log(tf.math.sub(tf.constant(1f), p))));
        out.put(OFFSET, tf.math.mul(offset, share));
        out.put(RADIUS, tf.math.mul(radius, share));
        return out;
    }

    private static String member(int k) {
        return "member-" + k + "/";
    }

    @Override
    public List<String> exportedOutputs() {
        return List.of(HEATMAP, OFFSET, RADIUS);
    }

    @Override
    public Map<String, long[]> targetShapes() {
        int c = size / STRIDE;
        return Map.of(HEATMAP, new long[] {c, c, 1}, OFFSET, new long[] {c, c, 2}, RADIUS, new long[] {c, c, 1},
                CENTRES, new long[] {c, c, 1});
    }

    @Override
    public Operand<TFloat32> loss(Ops tf, Map<String, Operand<TFloat32>> o, Map<String, Operand<TFloat32>> t) {
        if (members == 1) {
            return loss(tf, o, t, "");
        }
        // each member by its own loss, not the average's: members that learn apart err apart
        Operand<TFloat32> sum = null;
        for (int k = 1; k <= members; k++) {
            Operand<TFloat32> l = loss(tf, o, t, member(k));
            sum = sum == null ? l : tf.math.add(sum, l);
        }
        return tf.math.mul(sum, tf.constant(1f / members));
    }

    private static Operand<TFloat32> loss(Ops tf, Map<String, Operand<TFloat32>> o, Map<String, Operand<TFloat32>> t,
                                          String prefix) {
        Operand<TFloat32> focal = Losses.heatmapFocal(tf, o.get(prefix + HEATMAP), t.get(HEATMAP));
        Operand<TFloat32> off = Losses.maskedL1(tf, o.get(prefix + OFFSET), t.get(OFFSET), t.get(CENTRES));
        Operand<TFloat32> rad = Losses.maskedL1(tf, o.get(prefix + RADIUS), t.get(RADIUS), t.get(CENTRES));
        return tf.math.add(tf.math.add(focal, off), tf.math.mul(rad, tf.constant(RADIUS_WEIGHT)));
    }

    @Override
    public int samplesPerEpoch() {
        return samplesPerEpoch;
    }

    @Override
    public Batch trainingBatch(Random rnd, int n) {
        int px = size * size * 3;
        int cells = (size / STRIDE) * (size / STRIDE);
        float[] images = new float[n * px];
        float[] heat = new float[n * cells];
        float[] off = new float[n * cells * 2];
        float[] rad = new float[n * cells];
        float[] mask = new float[n * cells];
        for (int i = 0; i < n; i++) {
            DetectorScene s = train.scene(rnd, size, true);
            augmenter.jitterColour(rnd, s.image());
            System.arraycopy(s.image().data(), 0, images, i * px, px);
            CenterTargets.fill(s.circles(), STRIDE, size / STRIDE, size / STRIDE, heat, off, rad, mask, i * cells);
        }
        return new Batch(n, images, Map.of(HEATMAP, heat, OFFSET, off, RADIUS, rad, CENTRES, mask));
    }

    private List<DetectorScene> validationScenes() {
        List<DetectorScene> scenes = new ArrayList<>();
        if (validationSynth != null) {
            Random rnd = new Random(99);
            for (int i = 0; i < 24; i++) {
                scenes.add(validationSynth.scene(rnd, size, false));
            }
        }
        return scenes;
    }

    @Override
    public Map<String, Double> validate(Inference inference) {
        Map<String, Double> m = new LinkedHashMap<>();
        List<DetectorScene> tiles = validationTiles.stream()
                .map(t -> new DetectorScene(asPipelineReadsIt(t.image(), pipelineTilePixels(micronsPerPixel)), t.circles())).toList();
        List<FloatImage> frames = validationTiles.stream().map(KidneyTile::image).toList();
        m.put("ap50_heldout_tiles", ap50(inference, tiles, null));
        m.put("heldout_tile_glomeruli", (double) tiles.stream().mapToInt(s -> s.circles().size()).sum());
        // glomeruli mostly outside the tile cannot be judged: ignored, as PASCAL VOC's "difficult" objects
        m.put("ap50_heldout_tiles_border_cut_ignored", ap50(inference, tiles, frames));
        m.put("heldout_tile_glomeruli_not_cut", (double) validationTiles.stream()
                .mapToLong(t -> t.circles().stream().filter(c -> !cutByBorder(c, t.image())).count()).sum());
        List<DetectorScene> synth = validationScenes();
        if (!synth.isEmpty()) {
            m.put("ap50_heldout_synthetic", ap50(inference, synth, null));
            m.put("heldout_synthetic_glomeruli", (double) synth.stream().mapToInt(s -> s.circles().size()).sum());
        }
        return m;
    }

    /**
     * A held-out tile as the pipeline feeds it to the network, so that this check reports what {@code evaluate
     * detect} will: a tile smaller than one pipeline tile lies top-left on a pipeline tile of white glass (the
     * glass margin changed the pipeline's AP50 by up to 0.07 on the held-out tiles); a larger one is cropped to
     * multiples of 32.
     */
    static FloatImage asPipelineReadsIt(FloatImage img, int edge) {
        if (img.width() > edge || img.height() > edge) {
            return crop(img);
        }
        float[] d = new float[edge * edge * 3];
        Arrays.fill(d, GLASS);
        for (int y = 0; y < img.height(); y++) {
            System.arraycopy(img.data(), y * img.width() * 3, d, y * edge * 3, img.width() * 3);
        }
        return new FloatImage(edge, edge, 3, d);
    }

    /** The largest top-left part of {@code img} whose sides are multiples of 32. */
    private static FloatImage crop(FloatImage img) {
        int w = img.width() / CircleNetModel.DIVISOR * CircleNetModel.DIVISOR;
        int h = img.height() / CircleNetModel.DIVISOR * CircleNetModel.DIVISOR;
        if (w == img.width() && h == img.height()) {
            return img;
        }
        float[] d = new float[w * h * 3];
        for (int y = 0; y < h; y++) {
            System.arraycopy(img.data(), y * img.width() * 3, d, y * w * 3, w * 3);
        }
        return new FloatImage(w, h, 3, d);
    }

    /**
     * True when the circle's enclosing square reaches the image border: its glomerulus is (or may be) cut, and its
     * circle, taken from the visible part of the mask, is unreliable.
     */
    static boolean cutByBorder(Circle c, FloatImage img) {
        return c.centerX() - c.radius() <= 1 || c.centerY() - c.radius() <= 1
                || c.centerX() + c.radius() >= img.width() - 1 || c.centerY() + c.radius() >= img.height() - 1;
    }

    /**
     * AP50 of the scenes; with {@code frames} (each scene's original image), ground truths cut by their frame's
     * border are ignored.
     */
    private double ap50(Inference inference, List<DetectorScene> scenes, List<FloatImage> frames) {
        List<ValidationMetrics.ValidationImage> images = new ArrayList<>();
        for (int i = 0; i < scenes.size(); i++) {
            DetectorScene s = scenes.get(i);
            int w = s.image().width();
            int h = s.image().height();
            Map<String, float[]> out = inference.run(s.image().data(), 1, h, w);
            List<Circle> whole = new ArrayList<>();
            List<Circle> cut = new ArrayList<>();
            for (Circle c : s.circles()) {
                (frames != null && cutByBorder(c, frames.get(i)) ? cut : whole).add(c);
            }
            images.add(new ValidationMetrics.ValidationImage(w, h, TrainingHeadsDecoder.decode(out, w, h, 0.05, 0.35,
                    micronsPerPixel),
                    whole, cut));
        }
        return ValidationMetrics.averagePrecision(images, 0.5);
    }

    @Override
    public Batch exampleInput() {
        // a 128 x 128 window around the first held-out glomerulus keeps the package's test tensor small
        KidneyTile t = validationTiles.isEmpty() ? null : validationTiles.get(0);
        FloatImage img = t != null ? t.image() : train.scene(new Random(1), size, false).image();
        int edge = Math.min(128, Math.min(img.width(), img.height()) / CircleNetModel.DIVISOR * CircleNetModel.DIVISOR);
        double cx = t != null && !t.circles().isEmpty() ? t.circles().get(0).centerX() : img.width() / 2.0;
        double cy = t != null && !t.circles().isEmpty() ? t.circles().get(0).centerY() : img.height() / 2.0;
        int x0 = (int) Math.max(0, Math.min(img.width() - edge, Math.round(cx - edge / 2.0)));
        int y0 = (int) Math.max(0, Math.min(img.height() - edge, Math.round(cy - edge / 2.0)));
        float[] d = new float[edge * edge * 3];
        for (int y = 0; y < edge; y++) {
            System.arraycopy(img.data(), ((y0 + y) * img.width() + x0) * 3, d, y * edge * 3, edge * 3);
        }
        return new Batch(1, d, Map.of());
    }
}
