package org.gloinone.train;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.gloinone.detect.Circle;
import org.gloinone.model.Task;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Glomerulus classification into normal, sclerosed and non-glomerular: crops give the first two classes, tissue
 * windows away from any glomerulus of the tiles give the third. Trained with the class focal loss (gamma 2.5, as
 * the paper), with class-balanced sampling; validation reports sclerosed-vs-normal AUC and balanced accuracy on
 * held-out slides, and the three-class balanced accuracy with held-out tiles' windows.
 */
public final class ClassifierTask implements TrainingTask {
    /** Output name of the class probabilities. */
    public static final String PROBABILITIES = "probabilities";
    /** Class names in output order. */
    public static final List<String> CLASSES = List.of("normal", "sclerosed", "non-glomerular");
    private static final int NORMAL = 0;
    private static final int SCLEROSED = 1;
    private static final int OTHER = 2;
    // window sides in tile pixels at 1 um/px: the patches the pipeline cuts around circles of the detector's size
    // prior (diameter plus padding each side), so that windows span every patch scale a run shows the classifier
    private static final double MIN_WINDOW = 2 * (DefaultModels.DETECT_MIN_RADIUS_MICRONS + ModelPackaging.PADDING_MICRONS);
    private static final double MAX_WINDOW = 2 * (DefaultModels.DETECT_MAX_RADIUS_MICRONS + ModelPackaging.PADDING_MICRONS);
    // share of the normal examples cut from the tiles' own glomeruli rather than from the crops
    private static final double TILE_GLOMERULUS_SHARE = 0.3;

    private final List<GlomerulusCrop> train;
    private CropPool trainNormal;
    private CropPool trainSclerosed;
    private final List<KidneyTile> trainTiles;
    private final List<GlomerulusCrop> validation;
    private final List<KidneyTile> validationTiles;
    private final int size;
    private final ResNetClassifier net;
    private final Augmenter augmenter;
    private final float gamma;
    private final List<TileCircle> hardNegatives;
    private final List<TileCircle> validationFalsePositives;
    private final List<TileCircle> trainTileGlomeruli;
    private final List<TileCircle> validationTileGlomeruli;

    /** A circle on one tile image: a glomerulus or a detector false positive. */
    private record TileCircle(FloatImage image, Circle circle) {
    }

    /**
     * @param train           training crops
     * @param trainTiles      tiles (at 1 um/px) for non-glomerular windows
     * @param validation      held-out crops
     * @param validationTiles held-out tiles
     * @param size            patch edge in pixels
     * @param net             the network (3 classes)
     * @param augmenter       training augmentation
     * @param gamma           focal-loss gamma
     */
    public ClassifierTask(List<GlomerulusCrop> train, List<KidneyTile> trainTiles, List<GlomerulusCrop> validation,
                          List<KidneyTile> validationTiles, int size, ResNetClassifier net, Augmenter augmenter,
                          float gamma) {
        this.train = List.copyOf(train);
        this.trainNormal = CropPool.uniform(train.stream().filter(c -> !c.sclerosed()).toList());
        this.trainSclerosed = CropPool.uniform(train.stream().filter(GlomerulusCrop::sclerosed).toList());
        if (trainNormal.size() == 0 || trainSclerosed.size() == 0 || trainTiles.isEmpty()) {
            throw new IllegalArgumentException("classifier training needs normal and sclerosed crops and tiles");
        }
        this.trainTiles = List.copyOf(trainTiles);
        this.validation = List.copyOf(validation);
        this.validationTiles = List.copyOf(validationTiles);
        this.size = size;
        this.net = net;
        this.augmenter = augmenter;
        this.gamma = gamma;
        this.hardNegatives = new ArrayList<>();
        this.validationFalsePositives = new ArrayList<>();
        this.trainTileGlomeruli = wholeGlomeruli(trainTiles);
        this.validationTileGlomeruli = wholeGlomeruli(validationTiles);
    }

    /**
     * Draws each class's crops source by source (the part of a slide id before its first '_'), each source alike,
     * instead of each crop alike.
     */
    public void balanceSources() {
        trainNormal = CropPool.bySource(train.stream().filter(c -> !c.sclerosed()).toList());
        trainSclerosed = CropPool.bySource(train.stream().filter(GlomerulusCrop::sclerosed).toList());
    }

    /**
     * Adds detector false positives as non-glomerular examples: half of the non-glomerular samples are then
     * cut around them, as the pipeline cuts patches around detections.
     *
     * @param falsePositives detections matching no glomerulus, in the pixels of this task's tiles
     * @param tiles          this task's training tiles
     */
    public void addHardNegatives(List<DetectorFalsePositives.FalsePositive> falsePositives, List<KidneyTile> tiles) {
        hardNegatives.addAll(onTiles(falsePositives, tiles));
    }

    /**
     * Adds detector false positives on the held-out tiles: validation then reports the share of them the
     * classifier calls non-glomerular ({@code heldout_false_positives_rejected}).
     *
     * @param falsePositives detections matching no glomerulus on held-out tiles, in the pixels of this task's tiles
     */
    public void addValidationFalsePositives(List<DetectorFalsePositives.FalsePositive> falsePositives) {
        validationFalsePositives.addAll(onTiles(falsePositives, validationTiles));
    }

    private static List<TileCircle> onTiles(List<DetectorFalsePositives.FalsePositive> falsePositives,
                                            List<KidneyTile> tiles) {
        List<TileCircle> out = new ArrayList<>();
        for (DetectorFalsePositives.FalsePositive fp : falsePositives) {
            tiles.stream().filter(t -> t.id() == fp.tileId()).findFirst()
                    .ifPresent(t -> out.add(new TileCircle(t.image(), fp.circle())));
        }
        return out;
    }

    /** Number of detector false positives used as non-glomerular examples. */
    public int hardNegativeCount() {
        return hardNegatives.size();
    }

    /**
     * The annotated glomeruli of the tiles whose centre lies at least half a radius inside the tile. They are
     * normal examples cut exactly as the pipeline cuts detections, so that "comes from a tile" cannot become a
     * cue for non-glomerular: without them every tile-cut patch in training was a negative.
     */
    private static List<TileCircle> wholeGlomeruli(List<KidneyTile> tiles) {
        List<TileCircle> out = new ArrayList<>();
        for (KidneyTile t : tiles) {
            if (t.id() < 0) {
                continue; // a tile of an annotated slide: its glomeruli come in as crops, with their own labels
            }
            for (Circle c : t.circles()) {
                double margin = c.radius() / 2;
                if (c.centerX() >= margin && c.centerY() >= margin
                        && c.centerX() <= t.image().width() - margin && c.centerY() <= t.image().height() - margin) {
                    out.add(new TileCircle(t.image(), c));
                }
            }
        }
        return out;
    }

    /** The patch around a circle of a tile, augmented: the circle's square plus 12.5 % context each side. */
    private FloatImage patchAround(Random rnd, TileCircle tc) {
        Circle c = tc.circle();
        double scale = 2 * c.radius() * 1.25 / size;
        FloatImage patch = augmenter.randomWarp(rnd, c.centerX(), c.centerY(), scale, size).sample(tc.image(), size);
        augmenter.jitterColour(rnd, patch);
        return patch;
    }

    @Override
    public Task task() {
        return Task.CLASSIFY;
    }

    @Override
    public int inputSize() {
        return size;
    }

    @Override
    public Map<String, Operand<TFloat32>> network(Layers layers, Operand<TFloat32> image) {
        Operand<TFloat32> logits = net.logits(layers, image);
        return TrainingTask.withLogits(PROBABILITIES, layers.tf().nn.softmax(logits), logits);
    }

    @Override
    public List<String> exportedOutputs() {
        return List.of(PROBABILITIES);
    }

    @Override
    public Map<String, long[]> targetShapes() {
        return Map.of(PROBABILITIES, new long[] {CLASSES.size()});
    }

    @Override
    public Operand<TFloat32> loss(Ops tf, Map<String, Operand<TFloat32>> outputs,
                                  Map<String, Operand<TFloat32>> targets) {
        return Losses.classFocal(tf, outputs.get("logits"), targets.get(PROBABILITIES), gamma);
    }

    @Override
    public int samplesPerEpoch() {
        return trainNormal.size() + 2 * trainSclerosed.size() + 150;
    }

    @Override
    public Batch trainingBatch(Random rnd, int n) {
        int px = size * size * 3;
        float[] images = new float[n * px];
        float[] labels = new float[n * CLASSES.size()];
        for (int i = 0; i < n; i++) {
            // balanced sampling: 40 % normal, 35 % sclerosed, 25 % non-glomerular
            double u = rnd.nextDouble();
            int label = u < 0.4 ? NORMAL : (u < 0.75 ? SCLEROSED : OTHER);
            FloatImage patch = null;
            if (label == OTHER && !hardNegatives.isEmpty() && rnd.nextBoolean()) {
                patch = patchAround(rnd, hardNegatives.get(rnd.nextInt(hardNegatives.size())));
            } else if (label == NORMAL && !trainTileGlomeruli.isEmpty() && rnd.nextDouble() < TILE_GLOMERULUS_SHARE) {
                patch = patchAround(rnd, trainTileGlomeruli.get(rnd.nextInt(trainTileGlomeruli.size())));
            } else if (label == OTHER) {
                patch = TissueWindows.sample(trainTiles.get(rnd.nextInt(trainTiles.size())), rnd, size,
                        MIN_WINDOW, MAX_WINDOW);
                if (patch != null) {
                    augmenter.jitterColour(rnd, patch);
                } else {
                    label = NORMAL;
                }
            }
            if (patch == null) {
                CropPool pool = label == SCLEROSED ? trainSclerosed : trainNormal;
                patch = CropPatches.sample(pool.draw(rnd), size, augmenter, rnd)[0];
            }
            System.arraycopy(patch.data(), 0, images, i * px, px);
            labels[i * CLASSES.size() + label] = 1f;
        }
        return new Batch(n, images, Map.of(PROBABILITIES, labels));
    }

    /** The fixed held-out non-glomerular windows (same every call). */
    private List<FloatImage> validationWindows() {
        List<FloatImage> out = new ArrayList<>();
        Random rnd = new Random(4242);
        for (int i = 0; i < 60 && !validationTiles.isEmpty(); i++) {
            FloatImage w = TissueWindows.sample(validationTiles.get(i % validationTiles.size()), rnd, size,
                    MIN_WINDOW, MAX_WINDOW);
            if (w != null) {
                out.add(w);
            }
        }
        return out;
    }

    @Override
    public Map<String, Double> validate(Inference inference) {
        List<FloatImage> patches = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        for (GlomerulusCrop c : validation) {
            patches.add(CropPatches.sample(c, size, augmenter, null)[0]);
            truth.add(c.sclerosed() ? SCLEROSED : NORMAL);
        }
        for (FloatImage w : validationWindows()) {
            patches.add(w);
            truth.add(OTHER);
        }
        if (patches.isEmpty()) {
            return Map.of();
        }
        int k = CLASSES.size();
        float[] probs = new float[patches.size() * k];
        int px = size * size * 3;
        for (int start = 0; start < patches.size(); start += 32) {
            int n = Math.min(32, patches.size() - start);
            float[] images = new float[n * px];
            for (int i = 0; i < n; i++) {
                System.arraycopy(patches.get(start + i).data(), 0, images, i * px, px);
            }
            float[] p = inference.run(images, n, size, size).get(PROBABILITIES);
            System.arraycopy(p, 0, probs, start * k, n * k);
        }
        Map<String, Double> metrics = new LinkedHashMap<>(
                ClassifierMetrics.of(probs, truth.stream().mapToInt(Integer::intValue).toArray(), k));
        metrics.put("tile_glomeruli_kept", glomerularShare(inference, validationTileGlomeruli));
        metrics.put("validation_tile_glomeruli", (double) validationTileGlomeruli.size());
        if (!validationFalsePositives.isEmpty()) {
            metrics.put("heldout_false_positives_rejected", 1 - glomerularShare(inference, validationFalsePositives));
            metrics.put("heldout_false_positives", (double) validationFalsePositives.size());
        }
        return metrics;
    }

    /**
     * The held-out checks of non-glomerular recall as a slide exported {@code factor} times coarser than this task's
     * tiles shows them: each held-out tile area-averaged down and enlarged back, then cut as the pipeline cuts a
     * detection. Gives the share of held-out detector false positives rejected and of whole held-out tile glomeruli
     * kept (the {@link #validate} names, with the factor as a suffix).
     */
    public Map<String, Double> coarseValidation(Inference inference, double factor) {
        Map<FloatImage, FloatImage> coarse = new IdentityHashMap<>();
        for (KidneyTile t : validationTiles) {
            FloatImage copy = new FloatImage(t.image().width(), t.image().height(), t.image().channels(),
                    t.image().data().clone());
            ExportArtefacts.lowMagnification(copy, factor);
            coarse.put(t.image(), copy);
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        String suffix = "_coarser_" + factor;
        metrics.put("tile_glomeruli_kept" + suffix, glomerularShare(inference, on(coarse, validationTileGlomeruli)));
        metrics.put("heldout_false_positives_rejected" + suffix,
                1 - glomerularShare(inference, on(coarse, validationFalsePositives)));
        return metrics;
    }

    private static List<TileCircle> on(Map<FloatImage, FloatImage> images, List<TileCircle> circles) {
        return circles.stream().map(c -> new TileCircle(images.get(c.image()), c.circle())).toList();
    }

    /**
     * Share of the circles whose patch, cut as the pipeline cuts a detection, the classifier does not call
     * non-glomerular (its likeliest class is a glomerular one).
     */
    private double glomerularShare(Inference inference, List<TileCircle> circles) {
        if (circles.isEmpty()) {
            return Double.NaN;
        }
        int px = size * size * 3;
        int kept = 0;
        for (int start = 0; start < circles.size(); start += 32) {
            int n = Math.min(32, circles.size() - start);
            float[] images = new float[n * px];
            for (int i = 0; i < n; i++) {
                TileCircle tc = circles.get(start + i);
                Circle c = tc.circle();
                FloatImage patch = new Warp(c.centerX(), c.centerY(), 2 * c.radius() * 1.25 / size, 0, false)
                        .sample(tc.image(), size);
                System.arraycopy(patch.data(), 0, images, i * px, px);
            }
            float[] p = inference.run(images, n, size, size).get(PROBABILITIES);
            for (int i = 0; i < n; i++) {
                int o = i * CLASSES.size();
                if (p[o + OTHER] < Math.max(p[o + NORMAL], p[o + SCLEROSED])) {
                    kept++;
                }
            }
        }
        return kept / (double) circles.size();
    }

    @Override
    public Batch exampleInput() {
        GlomerulusCrop c = validation.isEmpty() ? trainNormal.first() : validation.get(0);
        return new Batch(1, CropPatches.sample(c, size, augmenter, null)[0].data(), Map.of());
    }
}
