package org.gloinone.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.gloinone.eval.SlideFolds;
import org.gloinone.model.CoarseSlideCorrection;
import org.gloinone.model.ModelSpecReader;
import org.gloinone.slide.Slide;
import org.gloinone.slide.tiff.PyramidTiffWriter;
import org.gloinone.slide.tiff.TiffSlideBackend;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

class TrainCommandTest {
    private static final Path DATA = Path.of("../shared/data");

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = GloInOne.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void unknownTaskIsAUsageError(@TempDir Path dir) {
        Assumptions.assumeTrue(Files.isDirectory(DATA.resolve("glomerulus-crops")), "../shared/data is absent");
        StringWriter err = new StringWriter();
        int code = run(new StringWriter(), err, "train", "dance", "--data", DATA.toString(),
                "--out", dir.resolve("m").toString(), "--tiny", "--epochs", "1");
        assertEquals(2, code);
        assertTrue(err.toString().contains("TASK must be detect, classify, segment or pretrain"), err.toString());
    }

    @Test
    void missingDataFolderNamesIt(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        int code = run(new StringWriter(), err, "train", "segment", "--data", dir.resolve("nowhere").toString(),
                "--out", dir.resolve("m").toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("nowhere") && err.toString().contains("does not exist"), err.toString());
    }

    @Test
    void trainsATinySegmenterAndWritesItsPackage(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(DATA.resolve("glomerulus-crops")), "../shared/data is absent");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path pkg = dir.resolve("segmenter");
        int code = run(out, err, "train", "segment", "--data", DATA.toString(), "--out", pkg.toString(),
                "--tiny", "--epochs", "1", "--batch", "4");
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("loss") && out.toString().contains("ETA"), out.toString());
        assertTrue(out.toString().contains("dice_mean"), out.toString());
        for (String f : new String[] {"rdf.yaml", "MODEL_CARD.md", "saved_model/saved_model.pb",
            "test_input_image.npy", "test_output_mask.npy"}) {
            assertTrue(Files.isRegularFile(pkg.resolve(f)), f);
        }
        assertTrue(Files.isRegularFile(dir.resolve("segmenter.checkpoints/checkpoint.bin")));
        // The held-out crops were scored by the evaluate command, with the new package.
        assertTrue(out.toString().contains("held-out evaluation: glo-in-one evaluate segment"), out.toString());
        String evaluation = Files.readString(pkg.resolve("evaluation.json"));
        assertTrue(evaluation.contains("\"dice\"") && evaluation.contains("\"n\""), evaluation);
    }

    @Test
    void crossValidatesATinySegmenterOverSlideFolds(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(DATA.resolve("glomerulus-crops")), "../shared/data is absent");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path pkg = dir.resolve("segmenter");
        int code = run(out, err, "train", "segment", "--data", DATA.toString(), "--out", pkg.toString(),
                "--tiny", "--epochs", "1", "--batch", "4", "--folds", "2");
        assertEquals(0, code, err.toString());
        JsonNode cv = new ObjectMapper()
                .readTree(Files.readString(pkg.resolve("cross-validation.json")));
        JsonNode folds = cv.get("folds");
        assertEquals(2, folds.get("k").asInt());
        double sum = 0;
        Set<String> slides = new HashSet<>();
        for (int f = 0; f < 2; f++) {
            JsonNode fold = folds.get("per_fold").get(f);
            JsonNode evaluation = new ObjectMapper()
                    .readTree(Files.readString(pkg.resolve("fold-" + (f + 1) + "/evaluation.json")));
            assertEquals(evaluation.get("dice").get("mean").asDouble(), fold.get("dice").asDouble(), 1e-12);
            sum += fold.get("dice").asDouble();
            fold.get("held_out_slides").forEach(s -> assertTrue(slides.add(s.asText()), "a slide in two folds"));
        }
        assertEquals(sum / 2, folds.get("dice").get("mean").asDouble(), 1e-12);
        assertTrue(cv.get("command").asText().contains("--folds 2"), cv.toString());
        assertEquals(2, run(new StringWriter(), err, "train", "detect", "--data", DATA.toString(), "--out",
                dir.resolve("d").toString(), "--tiny", "--folds", "2"));
        assertTrue(err.toString().contains("--folds needs slide ids"), err.toString());
    }

    @Test
    void crossValidatesBySourceHoldingOutOneLabAtATime(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(DATA.resolve("glomerulus-crops")), "../shared/data is absent");
        StringWriter err = new StringWriter();
        Path pkg = dir.resolve("segmenter");
        // --tiny keeps the first crops of each class, which come from two sources, SAS and SESCAM
        int code = run(new StringWriter(), err, "train", "segment", "--data", DATA.toString(), "--out",
                pkg.toString(), "--tiny", "--epochs", "1", "--batch", "4", "--folds", "sources");
        assertEquals(0, code, err.toString());
        JsonNode cv = new ObjectMapper().readTree(Files.readString(pkg.resolve("cross-validation.json")));
        assertEquals(2, cv.get("folds").get("k").asInt());
        for (int f = 0; f < 2; f++) {
            String source = f == 0 ? "SAS" : "SESCAM";
            JsonNode heldOut = cv.get("folds").get("per_fold").get(f).get("held_out_slides");
            assertTrue(heldOut.size() > 0);
            heldOut.forEach(s -> assertEquals(source, SlideFolds.sourceOf(s.asText()), heldOut.toString()));
            assertTrue(Files.isRegularFile(pkg.resolve("fold-" + (f + 1) + "/evaluation.json")));
        }
        assertTrue(cv.get("command").asText().contains("--folds sources"), cv.toString());
    }

    @Test
    void trainsATinyDetectorWithAnAnnotatedSlide(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(DATA.resolve("glomerulus-crops")), "../shared/data is absent");
        // A piece of the sample slide with its one annotated glomerulus (tile 10064) as a QuPath-style polygon.
        Path slide = dir.resolve("piece.tif");
        try (Slide sample = new TiffSlideBackend().open(Path.of(DemoCommand.SAMPLE))) {
            PyramidTiffWriter.write((x, y, w, h) -> sample.readRegion(0, x, 1024 + y, w, h).update(null)
                    .getCurrentStorageArray(), 1024, 1024, PyramidTiffWriter.Options.defaults().withTileSize(256)
                    .withMicronsPerPixel(0.5), slide);
        }
        StringBuilder ring = new StringBuilder();
        for (int i = 0; i <= 24; i++) {
            double a = 2 * Math.PI * (i % 24) / 24;
            ring.append(i == 0 ? "" : ",").append("[").append(521 + 200 * Math.cos(a)).append(",")
                    .append(139 + 200 * Math.sin(a)).append("]");
        }
        Path annotations = Files.writeString(dir.resolve("piece.geojson"), "{\"type\": \"FeatureCollection\", "
                + "\"features\": [{\"type\": \"Feature\", \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [["
                + ring + "]]}, \"properties\": {\"classification\": {\"name\": \"normal\"}}}]}");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path pkg = dir.resolve("detector");
        int code = run(out, err, "train", "detect", "--data", DATA.toString(), "--out", pkg.toString(), "--tiny",
                "--epochs", "1", "--batch", "2", "--annotations", slide + "=" + annotations);
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("annotated slides: 1, glomeruli: 1"), out.toString());
        assertTrue(Files.readString(pkg.resolve("MODEL_CARD.md")).contains("--annotations " + slide + "="),
                "the card records the command");
    }

    @Test
    void aDetectorCanTrainOnEveryTileAndAnEmptyRangeIsRefused(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(DATA.resolve("kidney-tiles")), "../shared/data is absent");
        StringWriter err = new StringWriter();
        assertEquals(2, run(new StringWriter(), err, "train", "detect", "--data", DATA.toString(), "--out",
                dir.resolve("m").toString(), "--tiny", "--epochs", "1", "--validation-tiles", "1-2"));
        assertEquals("--validation-tiles: no tile of " + DATA.resolve("kidney-tiles") + " has an id in 1-2 (say "
                + "none to hold out no tile)", err.toString().strip());
        assertTrue(Files.notExists(dir.resolve("m")), "nothing written");

        StringWriter out = new StringWriter();
        Path pkg = dir.resolve("detector");
        int code = run(out, err, "train", "detect", "--data", DATA.toString(), "--out", pkg.toString(), "--tiny",
                "--epochs", "1", "--batch", "2", "--validation-tiles", "none");
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("held-out evaluation: none (--validation-tiles none)"), out.toString());
        assertTrue(Files.notExists(pkg.resolve("evaluation.json")), "no held-out tiles, no held-out evaluation");
        String card = Files.readString(pkg.resolve("MODEL_CARD.md"));
        assertTrue(card.contains("--validation-tiles none"), "the card records the command");
        assertTrue(card.contains("Split by tile id: no tile is held out (all 12 train)."), card);
    }

    @Test
    void pretrainsATinyEncoderAndFineTunesTheClassifierFromIt(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(DATA.resolve("glomerulus-crops")), "../shared/data is absent");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path encoder = dir.resolve("encoder");
        int code = run(out, err, "train", "pretrain", "--data", DATA.toString(), "--out", encoder.toString(),
                "--tiny", "--epochs", "2", "--batch", "8", "--seed", "3");
        assertEquals(0, code, err.toString());
        // the collapse check is logged after every epoch
        assertTrue(out.toString().contains("epoch 1 mean loss") && out.toString().contains("epoch 2 mean loss"),
                out.toString());
        assertTrue(out.toString().split("z_std_healthy", -1).length == 3, out.toString());
        String description = Files.readString(encoder.resolve("encoder.properties"));
        assertTrue(description.contains("backbone_widths=4,8") && description.contains("view_size=32"), description);

        StringWriter fineOut = new StringWriter();
        StringWriter fineErr = new StringWriter();
        Path classifier = dir.resolve("classifier");
        code = run(fineOut, fineErr, "train", "classify", "--data", DATA.toString(), "--out", classifier.toString(),
                "--tiny", "--epochs", "1", "--batch", "8", "--init", encoder.toString());
        assertEquals(0, code, fineErr.toString());
        assertTrue(fineOut.toString().contains("starting from the pretrained encoder " + encoder), fineOut.toString());
        assertTrue(Files.readString(classifier.resolve("MODEL_CARD.md")).contains("--init " + encoder),
                "the card records the command");

        // its coarse-slide correction is chosen on its held-out crops and written into its rdf.yaml
        JsonNode evaluation = new ObjectMapper().readTree(Files.readString(classifier.resolve("evaluation.json")));
        assertEquals(9, evaluation.get("resolutions").size());
        // --tiny holds out 2 slides: one fold each
        assertEquals(2, evaluation.get("coarse_slide_correction").get("cross_validated").get("per_fold_choices").size());
        JsonNode chosen = evaluation.get("coarse_slide_correction").get("chosen");
        CoarseSlideCorrection expected = new CoarseSlideCorrection(chosen.get("from_um_per_px").asDouble(),
                chosen.get("sclerosed_logit_per_um_per_px").asDouble());
        CoarseSlideCorrection written = ModelSpecReader.read(classifier.resolve("rdf.yaml")).spec().classify()
                .coarseSlideCorrection();
        assertEquals(expected.isActive() ? expected : CoarseSlideCorrection.NONE, written);
        assertTrue(fineOut.toString().contains("coarse-slide correction chosen on the held-out crops: "),
                fineOut.toString());
        assertTrue(Files.readString(classifier.resolve("MODEL_CARD.md")).contains("The coarse-slide correction "
                + "chosen there"), "the card says where the correction came from");
        try (org.gloinone.model.ModelPackage p = org.gloinone.model.ModelPackage.open(classifier)) {
            assertEquals(expected.isActive() ? expected : CoarseSlideCorrection.NONE,
                    p.spec().classify().coarseSlideCorrection(), "the package still opens, weights verified");
        }
    }

    @Test
    void initThatIsNotAnEncoderPackageIsNamed(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(DATA.resolve("glomerulus-crops")), "../shared/data is absent");
        StringWriter err = new StringWriter();
        Path notAPackage = Files.createDirectories(dir.resolve("empty"));
        int code = run(new StringWriter(), err, "train", "classify", "--data", DATA.toString(), "--out",
                dir.resolve("m").toString(), "--tiny", "--epochs", "1", "--init", notAPackage.toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains(notAPackage + ": not a pretrained-encoder package"), err.toString());
        assertTrue(Files.notExists(dir.resolve("m")), "nothing written");
        code = run(new StringWriter(), err, "train", "segment", "--data", DATA.toString(), "--out",
                dir.resolve("m").toString(), "--tiny", "--init", notAPackage.toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("--init applies to classify only"), err.toString());
    }

    @Test
    void aDetectorForAnotherTaskIsRefusedRatherThanIgnored(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(DATA.resolve("glomerulus-crops")), "../shared/data is absent");
        StringWriter err = new StringWriter();
        int code = run(new StringWriter(), err, "train", "pretrain", "--data", DATA.toString(), "--out",
                dir.resolve("m").toString(), "--tiny", "--detector", dir.toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("--detector applies to classify only"), err.toString());
        code = run(new StringWriter(), err, "train", "detect", "--data", DATA.toString(), "--out",
                dir.resolve("m").toString(), "--tiny", "--low-magnification", "6.5");
        assertEquals(2, code);
        assertTrue(err.toString().contains("--low-magnification applies to classify and segment only"),
                err.toString());
        code = run(new StringWriter(), err, "train", "detect", "--data", DATA.toString(), "--out",
                dir.resolve("m").toString(), "--tiny", "--balance-sources");
        assertEquals(2, code);
        assertTrue(err.toString().contains("--balance-sources applies to classify only"), err.toString());
        code = run(new StringWriter(), err, "train", "classify", "--data", DATA.toString(), "--out",
                dir.resolve("m").toString(), "--tiny", "--low-magnification", "0.5");
        assertEquals(2, code);
        assertTrue(err.toString().contains("--low-magnification must be from 1 to 20, got 0.5"), err.toString());
        code = run(new StringWriter(), err, "train", "classify", "--data", DATA.toString(), "--out",
                dir.resolve("m").toString(), "--tiny", "--crop-mosaics", "0.3");
        assertEquals(2, code);
        assertTrue(err.toString().contains("--crop-mosaics applies to detect only"), err.toString());
        code = run(new StringWriter(), err, "train", "detect", "--data", DATA.toString(), "--out",
                dir.resolve("m").toString(), "--tiny", "--crop-mosaics", "1.5");
        assertEquals(2, code);
        assertTrue(err.toString().contains("--crop-mosaics must be from 0 to 1, got 1.5"), err.toString());
        code = run(new StringWriter(), err, "train", "classify", "--data", DATA.toString(), "--out",
                dir.resolve("m").toString(), "--tiny", "--um-per-px", "4");
        assertEquals(2, code);
        assertTrue(err.toString().contains("--um-per-px applies to detect only"), err.toString());
        code = run(new StringWriter(), err, "train", "detect", "--data", DATA.toString(), "--out",
                dir.resolve("m").toString(), "--tiny", "--um-per-px", "3.3");
        assertEquals(2, code);
        assertTrue(err.toString().contains("--um-per-px: a detector's pixel size must be a whole multiple of the "
                + "tiles' 0.5 um/px, at most 8 um/px, got 3.3"), err.toString());
        code = run(new StringWriter(), err, "train", "segment", "--data", DATA.toString(), "--out",
                dir.resolve("m").toString(), "--tiny", "--width-factor", "2");
        assertEquals(2, code);
        assertTrue(err.toString().contains("--width-factor applies to detect only"), err.toString());
        code = run(new StringWriter(), err, "train", "detect", "--data", DATA.toString(), "--out",
                dir.resolve("m").toString(), "--tiny", "--width-factor", "5");
        assertEquals(2, code);
        assertTrue(err.toString().contains("--width-factor must be from 1 to 4, got 5"), err.toString());
        code = run(new StringWriter(), err, "train", "classify", "--data", DATA.toString(), "--out",
                dir.resolve("m").toString(), "--tiny", "--ensemble", "2");
        assertEquals(2, code);
        assertTrue(err.toString().contains("--ensemble applies to detect only"), err.toString());
        code = run(new StringWriter(), err, "train", "detect", "--data", DATA.toString(), "--out",
                dir.resolve("m").toString(), "--tiny", "--ensemble", "0");
        assertEquals(2, code);
        assertTrue(err.toString().contains("--ensemble must be from 1 to 8, got 0"), err.toString());
        code = run(new StringWriter(), err, "train", "pretrain", "--data", DATA.toString(), "--out",
                dir.resolve("m").toString(), "--tiny", "--stain-factor", "1.5");
        assertEquals(2, code);
        assertTrue(err.toString().contains("--stain-factor applies to detect, classify and segment only"),
                err.toString());
        code = run(new StringWriter(), err, "train", "detect", "--data", DATA.toString(), "--out",
                dir.resolve("m").toString(), "--tiny", "--stain-factor", "0.5");
        assertEquals(2, code);
        assertTrue(err.toString().contains("--stain-factor must be from 1 to 3, got 0.5"), err.toString());
        assertTrue(Files.notExists(dir.resolve("m")), "nothing written");
    }

    @Test
    void trainsATinyDetectorOnCropMosaicsAndWiderStainsAndSaysSoInItsCard(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(DATA.resolve("glomerulus-crops")), "../shared/data is absent");
        StringWriter err = new StringWriter();
        Path pkg = dir.resolve("detector");
        int code = run(new StringWriter(), err, "train", "detect", "--data", DATA.toString(), "--out",
                pkg.toString(), "--tiny", "--epochs", "1", "--batch", "4", "--crop-mosaics", "1", "--stain-factor", "1.6");
        assertEquals(0, code, err.toString());
        assertTrue(Files.readString(pkg.resolve("MODEL_CARD.md")).contains("--crop-mosaics 1.0 --stain-factor 1.6"),
                "the card's command is the one that trained it");
    }

    @Test
    void trainsATinySegmenterWithTheLookOfOtherLabsExportsAndSaysSoInItsCard(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(DATA.resolve("glomerulus-crops")), "../shared/data is absent");
        StringWriter err = new StringWriter();
        Path pkg = dir.resolve("segmenter");
        int code = run(new StringWriter(), err, "train", "segment", "--data", DATA.toString(), "--out",
                pkg.toString(), "--tiny", "--epochs", "1", "--batch", "4", "--low-magnification", "6.5",
                "--stain-factor", "1.6", "--scale-jitter", "0.4");
        assertEquals(0, code, err.toString());
        assertTrue(Files.readString(pkg.resolve("MODEL_CARD.md"))
                        .contains("--low-magnification 6.5 --stain-factor 1.6 --scale-jitter 0.4"),
                "the card's command is the one that trained it");
        code = run(new StringWriter(), err, "train", "classify", "--data", DATA.toString(), "--out",
                dir.resolve("m").toString(), "--tiny", "--scale-jitter", "0.4");
        assertEquals(2, code);
        assertTrue(err.toString().contains("--scale-jitter applies to segment only"), err.toString());
        code = run(new StringWriter(), err, "train", "segment", "--data", DATA.toString(), "--out",
                dir.resolve("m").toString(), "--tiny", "--scale-jitter", "1.5");
        assertEquals(2, code);
        assertTrue(err.toString().contains("--scale-jitter must be from 0 to 1, got 1.5"), err.toString());
        assertTrue(Files.notExists(dir.resolve("m")), "nothing written");
    }

    @Test
    void trainsATinyDetectorAtFourMicronsPerPixelAndMinesItsFalsePositivesThere(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(DATA.resolve("glomerulus-crops")), "../shared/data is absent");
        StringWriter err = new StringWriter();
        Path detector = dir.resolve("detector");
        int code = run(new StringWriter(), err, "train", "detect", "--data", DATA.toString(), "--out",
                detector.toString(), "--tiny", "--epochs", "1", "--batch", "4", "--um-per-px", "4", "--width-factor", "2",
                "--ensemble", "2");
        assertEquals(0, code, err.toString());
        try (org.gloinone.model.ModelPackage p = org.gloinone.model.ModelPackage.open(detector)) {
            assertEquals(4.0, p.spec().micronsPerPixel(), "the package states the pixel size it was trained at");
        }
        String card = Files.readString(detector.resolve("MODEL_CARD.md"));
        assertTrue(card.contains("--um-per-px 4.0 --width-factor 2 --ensemble 2") && card.contains("read at 4 um/px")
                && card.contains("An ensemble of 2 such networks"), card);
        StringWriter out = new StringWriter();
        code = run(out, err, "train", "classify", "--data", DATA.toString(), "--out", dir.resolve("c").toString(),
                "--tiny", "--epochs", "1", "--batch", "4", "--detector", detector.toString(), "--stain-factor", "2",
                "--balance-sources");
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("detector false positives used as non-glomerular examples: "), out.toString());
        assertTrue(Files.readString(dir.resolve("c/MODEL_CARD.md")).contains("--stain-factor 2.0 --balance-sources"));
    }
}
