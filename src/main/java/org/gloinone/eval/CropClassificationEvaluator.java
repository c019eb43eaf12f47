package org.gloinone.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.gloinone.model.ClassifyConfig;
import org.gloinone.model.FloatTensor;
import org.gloinone.model.ModelException;
import org.gloinone.model.ModelSpec;
import org.gloinone.model.Predictor;
import org.gloinone.model.Task;

/**
 * Scores a classifier on a crops dataset in the paper's binary setting: globally sclerosed versus not, with
 * {@code is_globally_sclerotic} as the truth.
 * <p>
 * Each crop is resampled to the model's patch size. The model's sclerosed classes (e.g. obsolescent, solidified
 * and disappearing, or a single "sclerosed") merge into the positive class: the sclerosed score is the sum of
 * their probabilities and ranks crops for the AUC. Every crop is a true glomerulus, so the binary decision is
 * the pipeline's glomerular class ({@link org.gloinone.classify.ClassDecision#glomerularClass}, the non-glomerular
 * class left out): a crop rendered at a pixel size is decided as a slide of that pixel size would be. Separately,
 * a crop that the pipeline would reject ({@link org.gloinone.classify.ClassDecision#decide}) is counted.
 */
public final class CropClassificationEvaluator {
    private final PatchNetwork network;
    private final ClassifyConfig config;
    private final CropDecider decider;
    private final int batchSize;

    /**
     * Uses a classifier model.
     *
     * @param batchSize crops per network call, at least 1
     * @throws IllegalArgumentException if the model is not a classifier, names no sclerosed class, or the batch
     *                                  size is not positive
     */
    public CropClassificationEvaluator(ModelSpec spec, Predictor predictor, int batchSize) {
        if (spec.task() != Task.CLASSIFY) {
            throw new IllegalArgumentException("model '" + spec.name() + "' is a " + spec.task().word()
                    + " model, not a classifier");
        }
        if (spec.classify().sclerosedClasses().isEmpty()) {
            throw new IllegalArgumentException("classifier '" + spec.name()
                    + "' names no sclerosed class (classify.sclerosed), so the binary task cannot be scored");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        this.network = new PatchNetwork(spec, predictor);
        this.config = spec.classify();
        this.decider = new CropDecider(config);
        this.batchSize = batchSize;
    }

    /**
     * Classifies every crop and scores the binary task.
     *
     * @throws DatasetException if a crop is missing or unreadable
     * @throws ModelException   if the network fails or its output has the wrong shape
     * @throws IOException      if resampling fails
     */
    public ClassificationReport evaluate(List<LabelledCrop> crops) throws DatasetException, ModelException, IOException {
        return evaluate(crops, crop -> RgbImage.read(crop.image()), Double.NaN);
    }

    /**
     * Classifies every crop as seen at {@code renderMicronsPerPixel} (see {@link CropRendering}) and scores the
     * binary task.
     *
     * @throws DatasetException if a crop or its mask is missing or unreadable, or the mask is empty
     * @throws ModelException   if the network fails or its output has the wrong shape
     * @throws IOException      if resampling fails
     */
    public ClassificationReport evaluate(List<LabelledCrop> crops, CropRendering rendering,
                                         double renderMicronsPerPixel)
            throws DatasetException, ModelException, IOException {
        return evaluate(crops, crop -> {
            ImageAndMask im = ImageAndMask.read(crop.image(), crop.mask());
            try {
                return rendering.render(im, renderMicronsPerPixel);
            } catch (IllegalArgumentException e) {
                throw new DatasetException(crop.mask(), e.getMessage(), e);
            }
        }, renderMicronsPerPixel);
    }

    /**
     * Classifies every crop as a section stained otherwise would show it (see {@link StainShift}) and scores the
     * binary task.
     *
     * @throws DatasetException if a crop is missing or unreadable
     * @throws ModelException   if the network fails or its output has the wrong shape
     * @throws IOException      if resampling fails
     */
    public ClassificationReport evaluate(List<LabelledCrop> crops, StainShift stain)
            throws DatasetException, ModelException, IOException {
        return evaluate(crops, crop -> stain.apply(RgbImage.read(crop.image())), Double.NaN);
    }

    /** How a crop's pixels are obtained before they are resized to the patch. */
    private interface CropView {
        RgbImage of(LabelledCrop crop) throws DatasetException, IOException;
    }

    private ClassificationReport evaluate(List<LabelledCrop> crops, CropView view, double slideMicronsPerPixel)
            throws DatasetException, ModelException, IOException {
        List<String> classes = config.classNames();
        int c = classes.size();
        int s = config.patchSize();
        List<ClassifiedCrop> items = new ArrayList<>();
        for (int start = 0; start < crops.size(); start += batchSize) {
            List<LabelledCrop> batch = crops.subList(start, Math.min(crops.size(), start + batchSize));
            List<RgbImage> patches = new ArrayList<>();
            for (LabelledCrop crop : batch) {
                patches.add(new ImageSlide(crop.image(), view.of(crop), OptionalDouble.empty()).resized(s, s));
            }
            FloatTensor out = network.predict(patches, config.probabilitiesOutput());
            if (out.rank() != 2 || out.dim(1) != c) {
                throw new ModelException("model '" + network.spec().name() + "' output '"
                        + config.probabilitiesOutput() + "' has shape " + java.util.Arrays.toString(out.shape())
                        + ", expected [N, " + c + "] for classes " + classes);
            }
            for (int i = 0; i < batch.size(); i++) {
                List<Double> p = new ArrayList<>(c);
                for (int k = 0; k < c; k++) {
                    p.add((double) out.data()[i * c + k]);
                }
                LabelledCrop crop = batch.get(i);
                items.add(decider.classified(crop.name(), crop.slideId(), crop.globallySclerotic(), p,
                        slideMicronsPerPixel));
            }
        }
        return decider.report(items);
    }
}
