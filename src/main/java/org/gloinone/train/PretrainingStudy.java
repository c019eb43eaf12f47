package org.gloinone.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.gloinone.eval.MeanAndSpread;
import org.gloinone.eval.RocAuc;
import org.gloinone.eval.SlideFolds;

/**
 * Does SimSiam pretraining help the classifier? On leave-slides-out folds of the crops, each fold pretrains an
 * encoder on its training side only, then scores sclerosed versus normal on its held-out slides four ways:
 * a linear probe (frozen encoder, logistic regression on its features) on the pretrained and on a randomly
 * initialised encoder, and the full classifier fine-tuned from the pretrained encoder and trained from scratch
 * with the same data, seed and schedule.
 */
public final class PretrainingStudy {
    /** Arms of the study, in report order. */
    public static final List<String> ARMS = List.of("probe_pretrained", "probe_random", "finetuned", "scratch");
    private static final double PROBE_LAMBDA = 0.01;

    private final TrainingData data;
    private final Settings settings;

    /**
     * How to run the study.
     *
     * @param folds          number of leave-slides-out folds
     * @param size           image edge in pixels for pretraining, probe and classifier
     * @param pretrainEpochs SimSiam epochs per fold
     * @param finetuneEpochs classifier epochs per fold and arm
     * @param batch          samples per step (SimSiam: pairs)
     * @param pretrainLr     SimSiam peak learning rate
     * @param finetuneLr     classifier peak learning rate (both arms)
     * @param seed           seed of the folds, weights and batches
     * @param tiny           tiny networks (tests)
     */
    public record Settings(int folds, int size, int pretrainEpochs, int finetuneEpochs, int batch, double pretrainLr,
                           double finetuneLr, long seed, boolean tiny) {
    }

    /**
     * The scores of one fold.
     *
     * @param fold              fold index
     * @param heldOutSlides     its held-out slides
     * @param pretrainLoss      last SimSiam epoch's mean loss
     * @param spread            last collapse check
     * @param balancedAccuracy  sclerosed-vs-normal balanced accuracy by arm
     * @param auc               sclerosed-vs-normal AUC by arm
     */
    public record FoldResult(int fold, Set<String> heldOutSlides, double pretrainLoss, double spread,
                             Map<String, Double> balancedAccuracy, Map<String, Double> auc) {
    }

    /** The study on {@code data} (its crops; its tiles join every fold's training side). */
    public PretrainingStudy(TrainingData data, Settings settings) {
        this.data = data;
        this.settings = settings;
    }

    /**
     * Runs every fold, reporting each when done.
     *
     * @param progress receives SimSiam's epochs
     * @param done     receives each finished fold
     */
    public List<FoldResult> run(TrainingListener progress, Consumer<FoldResult> done) throws IOException {
        List<String> itemSlides = data.crops().crops().stream().map(GlomerulusCrop::slideId).toList();
        SlideFolds folds = SlideFolds.of(itemSlides, settings.folds(), settings.seed());
        List<FoldResult> out = new ArrayList<>();
        for (int f = 0; f < folds.count(); f++) {
            FoldResult r = fold(f, folds.heldOut(f), progress);
            done.accept(r);
            out.add(r);
        }
        return out;
    }

    private FoldResult fold(int f, Set<String> heldOut, TrainingListener progress) throws IOException {
        TrainingData fd = new TrainingData(data.crops(), heldOut, data.tileRoot(), data.validationFirstTile(),
                data.validationLastTile(), data.annotated(), data.annotatedCrops());
        int size = settings.size();
        SimSiamTask simSiam = SimSiamTask.on(fd, size, settings.tiny());
        CollapseWatch watch = new CollapseWatch(progress);
        // the collapse check runs after every epoch
        TrainingResult pre = new Trainer(simSiam, options(settings.pretrainEpochs(), settings.pretrainLr(), 1))
                .train(watch);
        Map<String, float[]> encoder = PretrainedEncoder.encoderOf(pre.weights());

        Map<String, Double> ba = new LinkedHashMap<>();
        Map<String, Double> auc = new LinkedHashMap<>();
        ResNetClassifier backbone = simSiam.net().backbone();
        for (String arm : List.of("probe_pretrained", "probe_random")) {
            double[] scores = probe(backbone, arm.equals("probe_pretrained") ? encoder : Map.of(),
                    fd.trainCrops(), fd.validationCrops());
            boolean[] truth = truth(fd.validationCrops());
            auc.put(arm, RocAuc.of(scores, truth));
            ba.put(arm, balancedAccuracy(scores, truth));
        }
        for (String arm : List.of("finetuned", "scratch")) {
            ClassifierTask task = DefaultModels.classifier(fd, size, settings.tiny());
            Trainer trainer = new Trainer(task, options(settings.finetuneEpochs(), settings.finetuneLr(),
                    settings.finetuneEpochs()));
            if (arm.equals("finetuned")) {
                trainer.startingFrom(encoder);
            }
            Map<String, Double> m = trainer.train(TrainingListener.silent()).metrics();
            auc.put(arm, m.get("auc_sclerosed_vs_normal"));
            ba.put(arm, m.get("balanced_accuracy_sclerosed_vs_normal"));
        }
        return new FoldResult(f, heldOut, pre.finalLoss(), watch.lastSpread(), ba, auc);
    }

    private TrainingOptions options(int epochs, double lr, int validateEvery) {
        return new TrainingOptions(epochs, settings.batch(), lr, 1e-4, settings.seed(), null, false,
                Math.max(1, validateEvery));
    }

    /** Probe scores of the held-out crops after fitting on the training crops' features. */
    private double[] probe(ResNetClassifier backbone, Map<String, float[]> weights, List<GlomerulusCrop> train,
                           List<GlomerulusCrop> heldOut) {
        int d = backbone.featureCount();
        float[] xTrain = EncoderFeatures.of(backbone, weights, settings.seed(), plain(train), settings.size());
        float[] xHeld = EncoderFeatures.of(backbone, weights, settings.seed(), plain(heldOut), settings.size());
        return LinearProbe.fit(xTrain, truth(train), d, PROBE_LAMBDA).probabilities(xHeld, d);
    }

    private List<FloatImage> plain(List<GlomerulusCrop> crops) {
        return crops.stream().map(c -> SimSiamViews.plain(SimSiamViews.Region.whole(c.image()), settings.size()))
                .toList();
    }

    private static boolean[] truth(List<GlomerulusCrop> crops) {
        boolean[] t = new boolean[crops.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = crops.get(i).sclerosed();
        }
        return t;
    }

    private static double balancedAccuracy(double[] scores, boolean[] truth) {
        int[] predicted = new int[scores.length];
        int[] actual = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            predicted[i] = scores[i] >= 0.5 ? 1 : 0;
            actual[i] = truth[i] ? 1 : 0;
        }
        return ValidationMetrics.balancedAccuracy(predicted, actual, 2);
    }

    /** Fold mean and sample standard deviation of one arm's scores. */
    public static MeanAndSpread summary(List<FoldResult> folds, String arm, boolean auc) {
        return MeanAndSpread.of(folds.stream().mapToDouble(r -> (auc ? r.auc() : r.balancedAccuracy()).get(arm))
                .toArray());
    }

    /**
     * The decision rule: fine-tuning becomes the default only if its fold-mean balanced accuracy beats
     * from-scratch training by more than one fold standard deviation (of the from-scratch arm).
     */
    public static boolean fineTuningWins(List<FoldResult> folds) {
        MeanAndSpread fine = summary(folds, "finetuned", false);
        MeanAndSpread scratch = summary(folds, "scratch", false);
        return fine.mean() - scratch.mean() > scratch.standardDeviation();
    }
}
