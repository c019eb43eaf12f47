package org.gloinone.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.gloinone.model.FloatTensor;
import org.gloinone.model.ModelException;
import org.gloinone.model.ModelSpec;
import org.gloinone.model.Predictor;
import org.gloinone.model.SegmentConfig;
import org.gloinone.model.Task;

/**
 * Scores a segmenter on a crops dataset: each crop is resampled to the model's patch size, predicted, the
 * probability map resampled back to the crop's size and thresholded at the model's mask threshold, then
 * compared with the crop's mask (Dice, IoU and the relative error of the area). A crop may first be rendered as a
 * slide of a coarser pixel size shows it ({@link CropRendering}); its mask is still judged against the crop's
 * own annotation, at the crop's size, as a pathologist's outline at full resolution would be; or restained as
 * another lab's section would show it.
 */
public final class CropSegmentationEvaluator {
    private final PatchNetwork network;
    private final SegmentConfig config;
    private final int batchSize;

    /**
     * Uses a segmenter model.
     *
     * @param batchSize crops per network call, at least 1
     * @throws IllegalArgumentException if the model is not a segmenter or the batch size is not positive
     */
    public CropSegmentationEvaluator(ModelSpec spec, Predictor predictor, int batchSize) {
        if (spec.task() != Task.SEGMENT) {
            throw new IllegalArgumentException("model '" + spec.name() + "' is a " + spec.task().word()
                    + " model, not a segmenter");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        this.network = new PatchNetwork(spec, predictor);
        this.config = spec.segment();
        this.batchSize = batchSize;
    }

    /**
     * Scores every crop.
     *
     * @throws DatasetException if a crop or mask is missing, unreadable, or of different sizes
     * @throws ModelException   if the network fails or its output has the wrong shape
     * @throws IOException      if resampling fails
     */
    public SegmentationReport evaluate(List<LabelledCrop> crops) throws DatasetException, ModelException, IOException {
        return evaluate(crops, ImageAndMask::image);
    }

    /**
     * Scores every crop rendered at {@code renderMicronsPerPixel} (see {@link CropRendering}).
     *
     * @throws DatasetException if a crop or mask is missing, unreadable, of different sizes, or the mask is empty
     * @throws ModelException   if the network fails or its output has the wrong shape
     * @throws IOException      if resampling fails
     */
    public SegmentationReport evaluate(List<LabelledCrop> crops, CropRendering rendering,
                                       double renderMicronsPerPixel)
            throws DatasetException, ModelException, IOException {
        return evaluate(crops, im -> rendering.render(im, renderMicronsPerPixel));
    }

    /**
     * Scores every crop as a section stained otherwise would show it (see {@link StainShift}), against the crop's
     * own annotation.
     *
     * @throws DatasetException if a crop or mask is missing, unreadable, or of different sizes
     * @throws ModelException   if the network fails or its output has the wrong shape
     * @throws IOException      if resampling fails
     */
    public SegmentationReport evaluate(List<LabelledCrop> crops, StainShift stain)
            throws DatasetException, ModelException, IOException {
        return evaluate(crops, im -> stain.apply(im.image()));
    }

    /** How a crop's pixels are obtained before they are resized to the patch. */
    private interface CropView {
        RgbImage of(ImageAndMask crop) throws IOException;
    }

    private SegmentationReport evaluate(List<LabelledCrop> crops, CropView view)
            throws DatasetException, ModelException, IOException {
        List<SegmentedItem> items = new ArrayList<>();
        int s = config.patchSize();
        for (int start = 0; start < crops.size(); start += batchSize) {
            List<LabelledCrop> batch = crops.subList(start, Math.min(crops.size(), start + batchSize));
            List<ImageAndMask> truths = new ArrayList<>();
            List<RgbImage> patches = new ArrayList<>();
            for (LabelledCrop c : batch) {
                ImageAndMask im = ImageAndMask.read(c.image(), c.mask());
                truths.add(im);
                RgbImage seen;
                try {
                    seen = view.of(im);
                } catch (IllegalArgumentException e) {
                    throw new DatasetException(c.mask(), e.getMessage(), e);
                }
                patches.add(new ImageSlide(c.image(), seen, OptionalDouble.empty()).resized(s, s));
            }
            FloatTensor out = network.predict(patches, config.maskOutput());
            for (int i = 0; i < batch.size(); i++) {
                BinaryMask truth = truths.get(i).mask();
                BinaryMask predicted = maskOf(out, i, s, network.spec())
                        .resized(truth.width(), truth.height()).threshold(config.maskThreshold());
                MaskOverlap o = MaskOverlap.of(truth, predicted);
                items.add(SegmentedItem.of(batch.get(i).name(), o));
            }
        }
        return SegmentationReport.of(items);
    }

    /** The probability map of batch item {@code i} of a mask output shaped [N, S, S, 1]. */
    static ProbabilityMap maskOf(FloatTensor out, int i, int s, ModelSpec spec) throws ModelException {
        if (out.rank() != 4 || out.dim(1) != s || out.dim(2) != s || out.dim(3) != 1) {
            throw new ModelException("model '" + spec.name() + "' mask output has shape "
                    + java.util.Arrays.toString(out.shape()) + ", expected [N, " + s + ", " + s + ", 1]");
        }
        float[] v = new float[s * s];
        System.arraycopy(out.data(), i * s * s, v, 0, s * s);
        return new ProbabilityMap(s, s, v);
    }
}
