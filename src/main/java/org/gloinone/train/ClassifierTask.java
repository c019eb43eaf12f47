package org.gloinone.train;

import java.util.ArrayList;
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
    // window sides in tile pixels at 1 um/px: about the size of a glomerulus plus context
    private static final double MIN_WINDOW = 110;
    private static final double MAX_WINDOW = 320;

    private final List<GlomerulusCrop> trainNormal;
    private final List<GlomerulusCrop> trainSclerosed;
    private final List<KidneyTile> trainTiles;
    private final List<GlomerulusCrop> validation;
    private final List<KidneyTile> validationTiles;
    private final int size;
    private final ResNetClassifier net;
    private final Augmenter augmenter;
    private final float gamma;
    private final List<FloatImage> hardNegativeSources;
    private final List<Circle> hardNegativeCircles;

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
        this.trainNormal = train.stream().filter(c -> !c.sclerosed()).toList();
        this.trainSclerosed = train.stream().filter(GlomerulusCrop::sclerosed).toList();
        if (trainNormal.isEmpty() || trainSclerosed.isEmpty() || trainTiles.isEmpty()) {
            throw new IllegalArgumentException("classifier training needs normal and sclerosed crops and tiles");
        }
        this.trainTiles = List.copyOf(trainTiles);
        this.validation = List.copyOf(validation);
        this.validationTiles = List.copyOf(validationTiles);
        this.size = size;
        this.net = net;
        this.augmenter = augmenter;
        this.gamma = gamma;
        this.hardNegativeSources = new ArrayList<>();
        this.hardNegativeCircles = new ArrayList<>();
    }

    /**
     * Adds detector false positives as non-glomerular examples: half of the non-glomerular samples are then
     * cut around them, as the pipeline cuts patches around detections.
     *
     * @param falsePositives detections matching no glomerulus, on tiles at the detector's resolution
     * @param tileFactor     how many pixels of this task's tiles one detector tile pixel spans
     * @param tiles          this task's training tiles (same ids, finer resolution)
     */
    public void addHardNegatives(List<DetectorFalsePositives.FalsePositive> falsePositives, double tileFactor,
                                 List<KidneyTile> tiles) {
        for (DetectorFalsePositives.FalsePositive fp : falsePositives) {
            tiles.stream().filter(t -> t.id() == fp.tile().id()).findFirst().ifPresent(t -> {
                hardNegativeSources.add(t.image());
                Circle c = fp.circle();
                hardNegativeCircles.add(new Circle(c.centerX() * tileFactor, c.centerY() * tileFactor,
                        c.radius() * tileFactor));
            });
        }
    }

    /** Number of detector false positives used as non-glomerular examples. */
    public int hardNegativeCount() {
        return hardNegativeCircles.size();
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
    public boolean anyInputSize() {
        return false;
    }

    @Override
    public Map<String, Operand<TFloat32>> network(Layers layers, Operand<TFloat32> image) {
        Operand<TFloat32> logits = net.logits(layers, image);
        Map<String, Operand<TFloat32>> out = new LinkedHashMap<>();
        out.put(PROBABILITIES, layers.tf().nn.softmax(logits));
        out.put("logits", logits);
        return out;
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
            if (label == OTHER && !hardNegativeCircles.isEmpty() && rnd.nextBoolean()) {
                int k = rnd.nextInt(hardNegativeCircles.size());
                Circle c = hardNegativeCircles.get(k);
                // the circle's square plus about 12 % context each side, as around a detection
                double scale = 2 * c.radius() * 1.25 / size;
                patch = augmenter.randomWarp(rnd, c.centerX(), c.centerY(), scale, size)
                        .sample(hardNegativeSources.get(k), size);
                augmenter.jitterColour(rnd, patch);
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
                List<GlomerulusCrop> pool = label == SCLEROSED ? trainSclerosed : trainNormal;
                patch = CropPatches.sample(pool.get(rnd.nextInt(pool.size())), size, augmenter, rnd)[0];
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
        return ClassifierMetrics.of(probs, truth.stream().mapToInt(Integer::intValue).toArray(), k);
    }

    @Override
    public Batch exampleInput() {
        GlomerulusCrop c = validation.isEmpty() ? trainNormal.get(0) : validation.get(0);
        return new Batch(1, CropPatches.sample(c, size, augmenter, null)[0].data(), Map.of());
    }
}
