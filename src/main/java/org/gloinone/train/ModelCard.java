package org.gloinone.train;

import java.util.Locale;
import java.util.Map;

import org.gloinone.model.ModelSpec;

/** The MODEL_CARD.md text of a trained default model. */
final class ModelCard {
    private ModelCard() {
    }

    /**
     * The card.
     *
     * @param heldOutTiles the held-out tile id range FIRST-LAST, or null when every tile trained
     */
    static String text(TrainingTask task, ModelSpec spec, TrainingResult result, String command, String heldOutTiles) {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(spec.name()).append(' ').append(spec.version()).append("\n\n");
        b.append(switch (task.task()) {
            case DETECT -> DETECT.replace(SCENE, task.inputSize() + " x " + task.inputSize() + " scenes at "
                    + ModelPackaging.plain(spec.micronsPerPixel()) + " um/px").replace(READ_AT,
                    ModelPackaging.plain(spec.micronsPerPixel()) + " um/px").replace(ENSEMBLE,
                    task instanceof DetectorTask d && d.members() > 1 ? " An ensemble of " + d.members()
                            + " such networks, each from its own initial weights, trained side by side on the same "
                            + "scenes, each by its own loss; the outputs are their mean centre probability (as a "
                            + "logit), offset and radius." : "");
            case CLASSIFY -> CLASSIFY;
            case SEGMENT -> SEGMENT;
        });
        b.append("\n## Validation\n\n");
        b.append("Measured by the trainer after the last epoch on data held out from training (").append(switch (task.task()) {
            case DETECT -> "tiles with ids in the held-out range; synthetic scenes built only from held-out crops and tiles";
            case CLASSIFY, SEGMENT -> "crops of the held-out slides; for the classifier also tissue windows of the held-out tiles";
        }).append("). The same split was used to follow training, so these numbers are slightly optimistic.\n\n");
        b.append("| metric | value |\n|---|---|\n");
        for (Map.Entry<String, Double> e : result.metrics().entrySet()) {
            b.append(String.format(Locale.ROOT, "| %s | %.4f |%n", e.getKey(), e.getValue()));
        }
        b.append(String.format(Locale.ROOT, "%nTraining: %d epochs, %d optimizer steps, final mean training loss %.4f, "
                + "%d trainable parameters.%n", result.epochs(), result.steps(), result.finalLoss(),
                result.parameterCount()));
        b.append("\n## Training data and licence\n\n").append(DATA.replace(TILE_SPLIT, heldOutTiles == null
                ? "no tile is held out (all 12 train)" : "ids " + heldOutTiles + " are held out"));
        b.append("\n## How it was trained\n\n");
        b.append("With the Java trainer of this project (TensorFlow Java, CPU), seed fixed, Adam with a cosine "
                + "learning-rate schedule, augmentation by flips, 90-degree rotations, scale and position jitter, HED "
                + "stain jitter, blur and noise; for the detector and the classifier (and a segmenter whose command names "
                + "--low-magnification or --stain-factor) also stronger stain jitter, the blur of regions exported at "
                + "low magnification (the detector's down to 5 um/px, the others' by default 2.5x coarser than their "
                + "patch) and JPEG artefacts. From the "
                + "project folder, with the data folder of the project:\n\n");
        b.append("    ").append(command).append("\n\n");
        b.append("## Input\n\n");
        b.append(String.format(Locale.ROOT, "`image`: NHWC float32 RGB, value = raw / 255 (8-bit RGB). %s%n",
                task.anyInputSize()
                        ? String.format(Locale.ROOT, "Any height and width that are multiples of %d, at %.2f um/px.",
                                CircleNetModel.DIVISOR, spec.micronsPerPixel())
                        : String.format(Locale.ROOT, "%d x %d patches: the square around a detected circle, "
                                + "padded by %.1f um on each side, resampled to %d px.", task.inputSize(),
                                task.inputSize(), ModelPackaging.PADDING_MICRONS, task.inputSize())));
        return b.toString();
    }

    private static final String TILE_SPLIT = "{tile split}";
    private static final String SCENE = "{scene}";
    private static final String READ_AT = "{read at}";
    private static final String ENSEMBLE = "{ensemble}";

    private static final String DATA = """
            - `glomerulus-crops`: 765 crops of PAS-stained kidney biopsies (Aperio ScanScope CS, 20x), each centred on one
              glomerulus, with masks and a globally-sclerotic label; from Weishaupt et al., "Unsupervised learning for
              labeling global glomerulosclerosis", Comput. Biol. Med. 196, 2025, cropped from the slides of Bueno et al.,
              "Data for glomeruli characterization in histopathological images", Data in Brief 29, 2020.
              Licence CC BY-NC-SA 4.0. Split by slide: the crops of 6 of the 25 slides (166 crops, 37 sclerosed) are
              held out.
            - `kidney-tiles`: 12 tiles of 1024 x 1024 px at about 0.5 um/px with glomerulus masks, from the Bueno et al.
              slides (tiles Apache-2.0, slides CC BY 4.0). Split by tile id: {tile split}.

            **Licence of these weights: CC BY-NC-SA 4.0**, inherited from the crops they were trained on:
            non-commercial use only, with attribution, and derived weights under the same licence.
            """;

    private static final String DETECT = """
            Finds glomeruli as circles (CircleNet, Nguyen et al. 2021, as used by Glo-In-One, Yao et al. 2022).

            ## Outputs

            At stride 4: `heatmap` holds centre **logits** (apply a sigmoid), `offset` the sub-cell centre (dx, dy) and
            `radius` the radius in output cells (multiply by 4 for input pixels). A peak at column i, row j gives the
            centre ((i + dx) * 4, (j + dy) * 4) in input pixels, continuous coordinates (pixel k spans [k, k + 1)).

            ## Network

            Residual encoder to stride 32, feature-pyramid decoder back to stride 4, three heads. Trained on {scene}: windows of the training tiles (flipped, rotated, at 0.6-1.4x the pixel size, mirrored
            with their glomeruli where a window outgrows its tile) with their real glomeruli, onto whose tissue 1-4
            masked glomeruli from the training crops are pasted at diameters of 100-250 um with a feathered alpha; one
            scene in five is a plain tile window. Loss: focal loss on a Gaussian centre heatmap + L1 offset + 0.1 L1
            radius at the centres.{ensemble}

            ## Intended use

            Research use: proposing glomerulus locations on PAS whole-slide images at 20x-40x, read at {read at}, to be
            filtered by the classifier and reviewed by a person.

            ## Known limits

            - Very little real detection data: 12 kidney tiles of 0.5 x 0.5 mm with 14 glomeruli, many cut by the
              tile border (the split is below); most positives are pasted crops whose borders differ from real
              tissue. Expect misses and false positives on other stains, scanners and tissue types; check the results.
            - Held-out tiles hold a few glomeruli (the default range 10149-10165: 5, 3 of them touching the tile
              border, which `ap50_heldout_tiles_border_cut_ignored` leaves out), so their AP is very uncertain; tile
              10165 also shows a whole glomerulus that its mask lacks. Judge a recipe by its leave-tiles-out folds
              (`glo-in-one evaluate detect --fold-models`). The synthetic held-out scenes (held-out crops pasted on
              held-out tiles) are steadier but easier than real slides.
            - Radii are those of the circle with the area of the glomerulus' mask, centred on its centroid, as the
              evaluation scores them.
            """;

    private static final String CLASSIFY = """
            Classifies the patch around a detected circle as `normal`, `sclerosed` (globally sclerotic) or
            `non-glomerular` (the false-positive filter of Glo-In-One). Packages of this format may also carry the
            five Glo-In-One classes for users who train with O/S/D labels.

            ## Network

            Small residual network (stride-2 stem, four residual stages, global average pooling, dropout 0.3, dense),
            trained with the focal loss (gamma 2.5, as in the paper) and class-balanced sampling (40 % normal, 35 %
            sclerosed, 25 % non-glomerular).

            ## Intended use

            Research use: flagging globally sclerosed glomeruli and rejecting detector false positives on PAS slides,
            with review by a pathologist. Not for diagnosis.

            ## Known limits

            - Knows only the labs and stains of its training crops. On another lab's slides the ranking of sclerosed
              over normal holds better than the decision, which can move either way: judge a recipe on a lab it
              never saw with `glo-in-one train classify --folds sources` (`docs/TRAINING.md`).
            - Normal examples are the crops plus (30 %) the glomeruli of the training tiles, cut as the pipeline
              cuts detections. Non-glomerular examples are tissue windows away from glomeruli on those tiles and,
              when trained with `--detector`, the detector's false positives there (each tile on a pipeline tile of
              glass at 0.6-1.4x the detector's pixel size in steps of 0.1, plain and in two robust-augmentation
              looks; one place counted once). So few tiles make the false-positive filter the weakest part (see
              non_glomerular_recall and heldout_false_positives_rejected).
            - Only global sclerosis is modelled; segmental sclerosis and other lesions are not.
            """;

    private static final String SEGMENT = """
            Segments the glomerulus in the patch around a detected circle; `mask` is the per-pixel probability
            (threshold 0.5).

            ## Network

            U-Net with five levels (16-96 channels), batch norm, bilinear up-sampling, trained with binary
            cross-entropy + Dice on patches of the crops (size under Input) (scale jitter +-15 % unless the command below
            names --scale-jitter, centre jitter +-6 %).

            ## Intended use

            Research use: glomerular area and shape on PAS slides, with review.

            ## Known limits

            - Trained on crops where the glomerulus fills most of the patch; a badly centred or much too large
              detection circle gives a worse mask.
            - Masks of the training data are polygons drawn at 20x; fine borders (Bowman's capsule) follow them.
            """;
}
