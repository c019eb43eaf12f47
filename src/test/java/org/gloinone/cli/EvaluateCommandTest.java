package org.gloinone.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gloinone.eval.Fixtures;
import org.gloinone.eval.FoldScores;
import org.gloinone.eval.ReportJson;
import org.gloinone.eval.TinyModels;
import org.gloinone.model.FloatTensor;
import org.gloinone.model.ModelException;
import org.gloinone.model.ModelSpec;
import org.gloinone.model.ModelSpecReader;
import org.gloinone.model.Predictor;
import org.gloinone.model.Task;
import org.gloinone.pipeline.LoadedModels;
import org.gloinone.pipeline.PipelineModels;
import org.gloinone.pipeline.StageModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/** {@code glo-in-one evaluate} on the fixture datasets with tiny fixed-weight models (see EvaluatorsTest). */
class EvaluateCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** The --models folders the command opened, in order (null for the default search). */
    private final List<Path> opened = new ArrayList<>();
    /** The classifier's rejection threshold, or null for none (its likeliest class decides). */
    private Double rejectThreshold;

    /** Patches each --models folder's classifier was given (the key null for the default search). */
    private final Map<Path, Integer> classified = new HashMap<>();

    private int run(String... args) {
        ModelProvider models = (modelsDir, tasks, options) -> {
            opened.add(modelsDir);
            return LoadedModels.of(new PipelineModels(
                tasks.contains(Task.DETECT) ? Optional.of(TinyModels.fixedDetector()) : Optional.empty(),
                !tasks.contains(Task.CLASSIFY) ? Optional.empty() : Optional.of(counted(modelsDir,
                        rejectThreshold == null ? TinyModels.greenClassifier()
                                : TinyModels.greenClassifier(rejectThreshold))),
                tasks.contains(Task.SEGMENT) ? Optional.of(TinyModels.halfMaskSegmenter()) : Optional.empty()));
        };
        CommandLine cl = new CommandLine(new EvaluateCommand(models));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    /** The classifier, counting in {@link #classified} the patches it is given. */
    private StageModel counted(Path modelsDir, StageModel classifier) {
        Predictor inner = classifier.predictor();
        Predictor counting = new Predictor() {
            @Override
            public Map<String, FloatTensor> predict(FloatTensor input) throws ModelException {
                classified.merge(modelsDir, input.dim(0), Integer::sum);
                return inner.predict(input);
            }

            @Override
            public void close() {
                inner.close();
            }
        };
        return new StageModel(classifier.spec(), counting, classifier.info());
    }

    private JsonNode json() throws Exception {
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void classifyPrintsTheBinaryScoresAndWritesTheTables() throws Exception {
        Path summary = dir.resolve("out/summary.json");
        Path table = dir.resolve("predictions.csv");
        int code = run("classify", "--data", Fixtures.crops().toString(), "--out", summary.toString(),
                "--predictions", table.toString());
        assertEquals(0, code, err.toString());
        JsonNode j = json();
        assertEquals("classify", j.get("task").asText());
        assertEquals(5, j.get("n").asInt());
        assertEquals(7.0 / 12, j.get("balanced_accuracy").asDouble(), 1e-12);
        assertEquals(0.5, j.get("f1").asDouble(), 1e-12);
        assertEquals(5.0 / 6, j.get("auc").asDouble(), 1e-12);
        assertEquals(1, j.get("confusion_matrix").get("true_positives").asInt());
        assertEquals(1, j.get("confusion_matrix").get("false_positives").asInt());
        assertEquals(2, j.get("confusion_matrix").get("true_negatives").asInt());
        assertEquals(1, j.get("confusion_matrix").get("false_negatives").asInt());
        assertEquals(1, j.get("rejected_as_non_glomerular").asInt());
        assertEquals(out.toString(), Files.readString(summary));
        List<String> rows = Files.readAllLines(table);
        assertEquals("image,slide,truth,predicted_class,sclerosed_score,predicted_sclerosed,p_normal,p_sclerosed,"
                + "p_non_glomerular", rows.get(0));
        assertEquals(6, rows.size());
        assertTrue(rows.get(5).startsWith("images/nonGS/SESCAM_102-0.png,SESCAM_102,0,non_glomerular,0.12"), rows.get(5));
    }

    @Test
    void classifyAndSegmentSplitTheirScoresIntoSlideFolds() throws Exception {
        // The fixture's 5 crops come from 2 slides: 4 of SAS_21883_001, 1 of SESCAM_102.
        assertEquals(0, run("classify", "--data", Fixtures.crops().toString(), "--folds", "2"), err.toString());
        JsonNode folds = json().get("folds");
        assertEquals(2, folds.get("k").asInt());
        assertEquals("SAS_21883_001", folds.get("per_fold").get(0).get("held_out_slides").get(0).asText());
        assertEquals(4, folds.get("per_fold").get(0).get("n").asInt());
        assertEquals(1, folds.get("per_fold").get(1).get("n").asInt());
        assertEquals(1.0, folds.get("per_fold").get(1).get("rejected_share").asDouble(), 1e-12); // the crop above
        out.getBuffer().setLength(0);
        assertEquals(0, run("segment", "--data", Fixtures.crops().toString(), "--folds", "2"), err.toString());
        assertEquals(36204.0 / 63592, json().get("folds").get("per_fold").get(1).get("dice").asDouble(), 1e-12);
        assertEquals(2, run("classify", "--data", Fixtures.crops().toString(), "--folds", "3"));
        assertTrue(err.toString().contains("--folds: folds must be from 2 to the number of slides (2), got 3"),
                err.toString());
    }

    @Test
    void classifyFoldsBySourceScoreEachLabOnItsOwn() throws Exception {
        // The fixture's 2 slides come from 2 sources, SAS and SESCAM: one fold each.
        assertEquals(0, run("classify", "--data", Fixtures.crops().toString(), "--folds", "sources"), err.toString());
        JsonNode folds = json().get("folds");
        assertEquals(2, folds.get("k").asInt());
        assertEquals("SAS_21883_001", folds.get("per_fold").get(0).get("held_out_slides").get(0).asText());
        assertEquals(4, folds.get("per_fold").get(0).get("n").asInt());
        assertEquals("SESCAM_102", folds.get("per_fold").get(1).get("held_out_slides").get(0).asText());
        assertEquals(1.0, folds.get("per_fold").get(1).get("rejected_share").asDouble(), 1e-12);
        assertEquals(2, run("classify", "--data", Fixtures.crops().toString(), "--folds", "labs"));
        assertTrue(err.toString().contains("--folds: expected a number of folds or 'sources', got 'labs'"),
                err.toString());
    }

    @Test
    void classifyScoresTheCropsRenderedAtCoarserPixelSizes() throws Exception {
        assertEquals(0, run("classify", "--data", Fixtures.crops().toString(), "--folds", "2",
                "--resolutions", "2,8"), err.toString());
        JsonNode j = json();
        assertEquals(90.0, j.get("assumed_glomerulus_radius_um").asDouble(), 0);
        JsonNode rows = j.get("resolutions");
        assertEquals(2, rows.size());
        assertEquals(8.0, rows.get(1).get("microns_per_pixel").asDouble(), 0);
        for (JsonNode r : rows) {
            // the fixed classifier reads the mean colour, which area averaging keeps: the native answers
            assertEquals(5, r.get("n").asInt());
            assertEquals(7.0 / 12, r.get("balanced_accuracy").asDouble(), 1e-12);
            assertEquals(1, r.get("normal_called_sclerosed").asInt());
            assertEquals(1, r.get("sclerosed_called_normal").asInt());
            assertEquals(1, r.get("rejected_as_non_glomerular").asInt());
            assertEquals(2, r.get("folds").get("k").asInt());
            assertEquals(1.0, r.get("folds").get("per_fold").get(1).get("rejected_share").asDouble(), 1e-12);
        }
        assertEquals(2, run("classify", "--data", Fixtures.crops().toString(), "--resolutions", "0"));
        assertTrue(err.toString().contains("--resolutions"), err.toString());
    }

    @Test
    void classifyScoresTheCropsUnderStainShifts() throws Exception {
        assertEquals(0, run("classify", "--data", Fixtures.crops().toString(), "--folds", "2",
                "--stains", "faded,dark"), err.toString());
        JsonNode j = json();
        JsonNode rows = j.get("stains");
        assertEquals(2, rows.size());
        assertEquals("faded", rows.get(0).get("stain").asText());
        assertEquals(0.6, rows.get(0).get("eosin_factor").asDouble(), 0);
        assertEquals(1.5, rows.get(1).get("haematoxylin_factor").asDouble(), 0);
        // the fixed classifier calls a crop sclerosed when its mean green is below 0.6 (1 of each error unshifted):
        // a faded stain lets more green through, a dark one less
        assertEquals(5, rows.get(0).get("n").asInt());
        assertEquals(1, rows.get(0).get("normal_called_sclerosed").asInt());
        assertEquals(2, rows.get(0).get("sclerosed_called_normal").asInt());
        assertEquals(-20.0, rows.get(0).get("percent_sclerosed_error").asDouble(), 1e-9);
        assertEquals(2, rows.get(1).get("normal_called_sclerosed").asInt());
        assertEquals(0, rows.get(1).get("sclerosed_called_normal").asInt());
        assertEquals(40.0, rows.get(1).get("percent_sclerosed_error").asDouble(), 1e-9);
        assertEquals(2, rows.get(1).get("folds").get("k").asInt());
        assertEquals(4, rows.get(1).get("folds").get("per_fold").get(0).get("n").asInt());
        assertEquals(2, run("classify", "--data", Fixtures.crops().toString(), "--stains", "dark,green"));
        assertTrue(err.toString().contains("--stains: unknown stain shift 'green'; known: faded, dark, blue, magenta"),
                err.toString());
    }

    @Test
    void classifyChoosesACoarseSlideCorrectionFoldByFold() throws Exception {
        assertEquals(0, run("classify", "--data", Fixtures.crops().toString(), "--folds", "2",
                "--resolutions", "2,8", "--choose-coarse-correction"), err.toString());
        JsonNode j = json();
        for (JsonNode r : j.get("resolutions")) {
            assertEquals(0.0, r.get("percent_sclerosed_error").asDouble(), 1e-12, "1 called sclerosed, 1 missed");
        }
        JsonNode chosen = j.get("coarse_slide_correction").get("chosen");
        assertTrue(chosen.get("from_um_per_px").asDouble() >= 1.5, chosen.toString());
        assertEquals("slide-sclerosed-error", j.get("coarse_slide_correction").get("objective").asText());
        // each fold is one slide here, so the uncorrected error of each slide's % sclerosed is in the fold rows
        double uncorrected = 0;
        for (JsonNode r : j.get("resolutions")) {
            for (JsonNode fold : r.get("folds").get("per_fold")) {
                uncorrected += Math.abs(fold.get("percent_sclerosed_error").asDouble()) / 2 / 2;
            }
        }
        assertTrue(chosen.get("mean_slide_sclerosed_error").asDouble() < uncorrected - 1, chosen + " " + uncorrected);
        JsonNode cv = j.get("coarse_slide_correction").get("cross_validated");
        assertEquals(2, cv.get("per_fold_choices").size());
        assertEquals(2, cv.get("resolutions").size());
        assertEquals(5, cv.get("resolutions").get(1).get("n").asInt());
        assertEquals(2, cv.get("resolutions").get(1).get("folds").get("k").asInt());
        out.getBuffer().setLength(0);
        assertEquals(2, run("classify", "--data", Fixtures.crops().toString(), "--choose-coarse-correction"));
        assertTrue(err.toString().contains("--choose-coarse-correction needs --resolutions"), err.toString());
        assertEquals(2, run("classify", "--data", Fixtures.crops().toString(), "--resolutions", "2",
                "--choose-coarse-correction", "--coarse-objective", "f1"));
        assertTrue(err.toString().contains("--coarse-objective: unknown objective 'f1'"), err.toString());
    }

    @Test
    void classifyPoolsTheFoldModelsOfACrossValidation() throws Exception {
        // As train --folds writes it: fold 1 held out the 4 crops of SAS_21883_001, fold 2 the 1 of SESCAM_102.
        Path cv = dir.resolve("cv");
        Files.createDirectories(cv.resolve("fold-1"));
        Files.createDirectories(cv.resolve("fold-2"));
        Files.writeString(cv.resolve("cross-validation.json"), ReportJson.crossValidation("classify",
                "glo-in-one train classify --folds 2",
                new FoldScores(List.of(Set.of("SAS_21883_001"), Set.of("SESCAM_102")),
                        List.of(Map.of("n", 4.0), Map.of("n", 1.0)))));
        assertEquals(0, run("classify", "--data", Fixtures.crops().toString(), "--cross-validation", cv.toString(),
                "--resolutions", "2", "--stains", "dark", "--choose-coarse-correction", "--coarse-objective",
                "balanced-accuracy"), err.toString());
        assertEquals(List.of(cv.resolve("fold-1"), cv.resolve("fold-2")), opened);
        // each fold's model saw only its own held-out crops: as scanned, at 2 um/px and dark
        assertEquals(Map.of(cv.resolve("fold-1"), 12, cv.resolve("fold-2"), 3), classified);
        JsonNode j = json();
        assertEquals("glo-in-one train classify --folds 2", j.get("recipe_command").asText());
        assertEquals(5, j.get("n").asInt());
        assertEquals(7.0 / 12, j.get("balanced_accuracy").asDouble(), 1e-12); // the fixed classifier's answers
        JsonNode folds = j.get("folds");
        assertEquals("SAS_21883_001", folds.get("per_fold").get(0).get("held_out_slides").get(0).asText());
        assertEquals(4, folds.get("per_fold").get(0).get("n").asInt());
        assertEquals(1.0, folds.get("per_fold").get(1).get("rejected_share").asDouble(), 1e-12);
        assertEquals(5, j.get("resolutions").get(0).get("n").asInt());
        assertEquals(40.0, j.get("stains").get(0).get("percent_sclerosed_error").asDouble(), 1e-9);
        assertEquals("balanced-accuracy", j.get("coarse_slide_correction").get("objective").asText());
        assertEquals(2, j.get("coarse_slide_correction").get("cross_validated").get("per_fold_choices").size());

        // Decided by the bundled classifier's rdf.yaml with the fixture's class names, a rejection at 0.01 and a
        // correction of 2 log-odds per um/px from 1 um/px: 8 log-odds against "sclerosed" at 5 um/px.
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("MODEL_CARD.md"), "# card\n");
        Files.writeString(rules.resolve("rdf.yaml"), Files.readString(Path.of("models/classifier/rdf.yaml"))
                .replace("non-glomerular", "non_glomerular")
                .replaceAll("reject_threshold: [0-9.]+", "reject_threshold: 0.01")
                .replaceAll("from_um_per_px: [0-9.]+", "from_um_per_px: 1.0")
                .replaceAll("sclerosed_logit_per_um_per_px: [0-9.]+", "sclerosed_logit_per_um_per_px: 2.0"));
        String[] atFive = {"classify", "--data", Fixtures.crops().toString(), "--cross-validation", cv.toString(),
            "--resolutions", "5"};
        out.getBuffer().setLength(0);
        assertEquals(0, run(atFive), err.toString());
        JsonNode own = json();
        assertEquals(1, own.get("rejected_as_non_glomerular").asInt());              // the likeliest class
        assertEquals(List.of(1, 1), errorsAt(own.get("resolutions").get(0)));
        out.getBuffer().setLength(0);
        assertEquals(0, run(concat(atFive, new String[] {"--decide-as", rules.toString()})), err.toString());
        JsonNode decided = json();
        assertEquals(2, decided.get("rejected_as_non_glomerular").asInt());          // one more at 0.01
        assertEquals(List.of(0, 2), errorsAt(decided.get("resolutions").get(0)));     // no sclerosed call left
        assertEquals(0.01, decided.get("decided_as").get("reject_threshold").asDouble());
        assertEquals(List.of(1.0, 2.0), List.of(
                decided.get("decided_as").get("coarse_slide_correction").get("from_um_per_px").asDouble(),
                decided.get("decided_as").get("coarse_slide_correction").get("sclerosed_logit_per_um_per_px")
                        .asDouble()));
        assertEquals(2, run("classify", "--data", Fixtures.crops().toString(), "--cross-validation", cv.toString(),
                "--decide-as", "models"));
        assertTrue(err.toString().contains("--decide-as: its classes [normal, sclerosed, non-glomerular] are not "
                + "those of"), err.toString());
        assertEquals(2, run("classify", "--data", Fixtures.crops().toString(), "--decide-as", rules.toString()));
        assertTrue(err.toString().contains("--decide-as needs --cross-validation"), err.toString());
        assertEquals(2, run("classify", "--data", Fixtures.crops().toString(), "--cross-validation", cv.toString(),
                "--decide-as", dir.resolve("none").toString()));
        assertTrue(err.toString().contains("--decide-as " + dir.resolve("none") + ": no such folder"), err.toString());
        assertEquals(2, run("classify", "--data", Fixtures.crops().toString(), "--cross-validation", cv.toString(),
                "--decide-as", cv.toString()));
        assertTrue(err.toString().contains("--decide-as " + cv + ": holds no classifier package folder"),
                err.toString());

        err.getBuffer().setLength(0);
        assertEquals(2, run("classify", "--data", Fixtures.crops().toString(), "--cross-validation", cv.toString(),
                "--folds", "2"));
        assertTrue(err.toString().contains("--cross-validation replaces --models, --slides and --folds"),
                err.toString());
        err.getBuffer().setLength(0);
        Files.delete(cv.resolve("fold-2"));
        assertEquals(2, run("classify", "--data", Fixtures.crops().toString(), "--cross-validation", cv.toString()));
        assertTrue(err.toString().contains("fold-2 not found"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, run("classify", "--data", Fixtures.crops().toString(), "--cross-validation",
                dir.resolve("none").toString()));
        assertTrue(err.toString().contains("cross-validation.json not found (train --folds writes it)"),
                err.toString());
    }

    /** Normal glomeruli called sclerosed and sclerosed ones called normal in a resolutions row. */
    private static List<Integer> errorsAt(JsonNode row) {
        return List.of(row.get("normal_called_sclerosed").asInt(), row.get("sclerosed_called_normal").asInt());
    }

    @Test
    void detectReportsApOverCircleIou() throws Exception {
        Path table = dir.resolve("detections.csv");
        int code = run("detect", "--data", Fixtures.tiles().toString(), "--mpp", "2", "--min-area-um2", "2000",
                "--predictions", table.toString());
        assertEquals(0, code, err.toString());
        JsonNode j = json();
        assertEquals(1043.0 / 3333, j.get("ap").asDouble(), 1e-12);
        assertEquals(1043.0 / 3333, j.get("ap50").asDouble(), 1e-12);
        assertEquals(1043.0 / 3333, j.get("ap_per_iou").get("0.95").asDouble(), 1e-12);
        assertEquals(0.75, j.get("score_threshold").asDouble()); // the model's default
        assertEquals(2.0 / 3, j.get("recall").asDouble(), 1e-12);
        assertEquals(1.0 / 3, j.get("precision").asDouble(), 1e-12);
        assertEquals(3, j.get("images").asInt());
        assertEquals(3, j.get("ground_truths").asInt());
        assertEquals(1, j.get("ignore_regions").asInt());
        assertEquals(12, j.get("detections").asInt());
        List<String> rows = Files.readAllLines(table);
        assertEquals("image,x,y,radius,score,matched,iou,truth_radius", rows.get(0));
        assertEquals(13, rows.size());
        // the glomerulus it matches has 6964 pixels in the fixture mask: sqrt(6964 / pi) = 47.081950 px
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("10164.png,92.500000,137.500000,47.000000,0.800000,gt1,0.99")
                && r.endsWith(",47.081950")), String.join("\n", rows));
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("10165.png,12.000000,249.000000,11.000000,0.700000,ignore,")
                && r.endsWith(",")), "no truth radius without a match");
    }

    @Test
    void detectReportsCountsPerTileAndAResolutionSweep() throws Exception {
        int code = run("detect", "--data", Fixtures.tiles().toString(), "--mpp", "2", "--min-area-um2", "2000",
                "--resolutions", "2,4");
        assertEquals(0, code, err.toString());
        JsonNode j = json();
        // At 0.75: 2 true and 4 false positives counted (recall 2/3, precision 1/3) against 3 glomeruli.
        assertEquals(3, j.get("count").get("truth").asInt());
        assertEquals(6, j.get("count").get("found").asInt());
        int signed = 0;
        for (JsonNode image : j.get("per_image")) {
            signed += image.get("signed_error").asInt();
            assertEquals(image.get("found").asInt() - image.get("truth").asInt(), image.get("signed_error").asInt());
        }
        assertEquals(3, signed);
        assertEquals(1.0, j.get("count").get("mean_signed_error").asDouble(), 1e-12);
        JsonNode sweep = j.get("resolutions");
        assertEquals(2, sweep.size());
        assertEquals(2.0, sweep.get(0).get("microns_per_pixel").asDouble());
        assertEquals(j.get("ap50").asDouble(), sweep.get(0).get("ap50").asDouble(), 1e-12); // the tiles' own size
        assertEquals(4.0, sweep.get(1).get("microns_per_pixel").asDouble());
        assertTrue(sweep.get(1).get("count").has("mean_absolute_error"), sweep.toString());

        assertEquals(2, run("detect", "--data", Fixtures.tiles().toString(), "--mpp", "2", "--resolutions", "0"));
        assertTrue(err.toString().contains("--resolutions must be a microscope pixel size within 0.05-20 um/px, got 0.0"),
                err.toString());
    }

    @Test
    void detectScoresTheTilesRestained() throws Exception {
        // the fixed detector finds the same circles whatever the colours; the fixed classifier rejects a patch as
        // non-glomerular by its mean green (logit 30 - 60 G against 0 for normal), which a darker stain lowers
        int[] kept = new int[3];
        String[] stains = {null, "faded", "dark"};
        for (int k = 0; k < stains.length; k++) {
            out.getBuffer().setLength(0);
            List<String> args = new ArrayList<>(List.of("detect", "--data", Fixtures.tiles().toString(), "--mpp", "2",
                    "--score-threshold", "0.5", "--classify"));
            if (stains[k] != null) {
                args.addAll(List.of("--stain", stains[k]));
            }
            assertEquals(0, run(args.toArray(String[]::new)), err.toString());
            JsonNode j = json();
            for (JsonNode image : j.get("per_image")) {
                kept[k] += image.get("found").asInt();
            }
            assertEquals(stains[k] == null, !j.has("stain"), j.toString());
        }
        assertEquals(List.of(12, 12, 10), java.util.Arrays.stream(kept).boxed().toList());
        assertEquals("dark", json().get("stain").asText());
        assertEquals(1.5, json().get("eosin_factor").asDouble(), 0);
        assertEquals(2, json().get("per_image").get(0).get("found").asInt());
        assertEquals(2, run("detect", "--data", Fixtures.tiles().toString(), "--mpp", "2", "--stain", "pale"));
        assertTrue(err.toString().contains("--stain: unknown stain shift 'pale'; known: faded, dark, blue, magenta"),
                err.toString());
    }

    @Test
    void detectWithTheClassifierScoresThePercentSclerosedWhereTilesCarryClasses() throws Exception {
        Path tiles = dir.resolve("tiles");
        for (String sub : List.of("images", "masks")) {
            Files.createDirectories(tiles.resolve(sub));
            for (String name : List.of("10150.png", "10164.png", "10165.png")) {
                Files.copy(Fixtures.tiles().resolve(sub).resolve(name), tiles.resolve(sub).resolve(name));
            }
        }
        Files.writeString(tiles.resolve("labels.csv"), "image,x,y,is_globally_sclerotic\n"
                + "10150.png,111,111,1\n10164.png,92,137,0\n10164.png,233,246,0\n");
        assertEquals(0, run("detect", "--data", tiles.toString(), "--mpp", "2", "--min-area-um2", "2000",
                "--score-threshold", "0.5", "--classify"), err.toString());
        JsonNode images = json().get("per_image");
        assertEquals(100.0, images.get(0).get("true_percent_sclerosed").asDouble(), 1e-12);
        assertEquals(0.0, images.get(1).get("true_percent_sclerosed").asDouble(), 1e-12);
        assertTrue(!images.get(2).has("true_percent_sclerosed"), images.toString()); // no glomeruli, no row
        for (int i = 0; i < 2; i++) {
            JsonNode image = images.get(i);
            assertTrue(image.get("found_sclerosed").asInt() <= image.get("found").asInt(), image.toString());
        }
        assertTrue(json().get("count").has("mean_absolute_percent_sclerosed_error"));

        out.getBuffer().setLength(0);
        assertEquals(0, run("detect", "--data", tiles.toString(), "--mpp", "2", "--min-area-um2", "2000",
                "--classify", "--choose-thresholds", "--resolutions", "4"), err.toString());
        JsonNode chosen = json().get("chosen_thresholds");
        assertEquals(6, chosen.get("images").asInt()); // 3 tiles at 2 and at 4 um/px
        assertEquals(3 * 2, chosen.get("true_positives").asInt() + chosen.get("false_negatives").asInt());
        assertTrue(chosen.get("f1").asDouble() > 0, chosen.toString());
        assertEquals(2, run("detect", "--data", tiles.toString(), "--mpp", "2", "--choose-thresholds"));
        assertTrue(err.toString().contains("--choose-thresholds needs --classify"), err.toString());

        Files.writeString(tiles.resolve("labels.csv"), "image,x,y,is_globally_sclerotic\n10150.png,5,5,1\n");
        assertEquals(2, run("detect", "--data", tiles.toString(), "--mpp", "2", "--min-area-um2", "2000",
                "--classify"));
        assertTrue(err.toString().contains("labels.csv: line 2: (5.0, 5.0) lies on no glomerulus of masks/10150.png"),
                err.toString());
    }

    @Test
    void detectCrossValidatesARecipeWithOneDetectorPerFoldOfTiles() throws Exception {
        String[] common = {"detect", "--data", Fixtures.tiles().toString(), "--mpp", "2", "--min-area-um2", "2000",
            "--classify", "--choose-thresholds", "--resolutions", "4"};
        rejectThreshold = 0.6;
        assertEquals(0, run(common), err.toString());
        JsonNode single = json();
        JsonNode packaged = single.get("model_thresholds");
        assertEquals(0.75, packaged.get("score_threshold").asDouble());  // the fixed detector's
        assertEquals(0.6, packaged.get("reject_threshold").asDouble());
        assertEquals(3 * 2, packaged.get("true_positives").asInt() + packaged.get("false_negatives").asInt());
        assertTrue(packaged.get("f1").asDouble() <= single.get("chosen_thresholds").get("f1").asDouble(),
                single.toString());
        out.getBuffer().setLength(0);
        opened.clear();
        String[] folds = {"--fold-models", "10150-10150=" + dir.resolve("A"),
            "--fold-models", "10164-10165=" + dir.resolve("B")};
        assertEquals(0, run(concat(common, folds)), err.toString());
        assertEquals(List.of(dir.resolve("A"), dir.resolve("B")), opened);
        JsonNode j = json();
        // One fixed detector in both folds: pooled, the folds give what one run over all tiles gives.
        for (String key : List.of("ap", "ap50", "recall", "precision", "ground_truths")) {
            assertEquals(single.get(key).asDouble(), j.get(key).asDouble(), 1e-12, key);
        }
        assertEquals(single.get("count"), j.get("count"));
        assertEquals(single.get("resolutions"), j.get("resolutions"));
        assertEquals(single.get("chosen_thresholds").get("f1"), j.get("chosen_thresholds").get("f1"));
        assertEquals(single.get("model_thresholds"), j.get("model_thresholds"));
        JsonNode f = j.get("folds");
        assertEquals(2, f.get("k").asInt());
        assertEquals("10150.png", f.get("per_fold").get(0).get("held_out_tiles").get(0).asText());
        assertEquals(2, f.get("per_fold").get(1).get("held_out_tiles").size());
        assertEquals(3, f.get("per_fold").get(0).get("n").asInt() + f.get("per_fold").get(1).get("n").asInt());
        assertTrue(f.get("per_fold").get(0).has("ap50_at_4"), f.toString());
        assertTrue(f.has("ap50") && f.get("ap50").has("sd"), f.toString());
        JsonNode cv = j.get("chosen_thresholds").get("cross_validated");
        assertEquals(2, cv.get("per_fold").size());
        long truths = 0;
        for (JsonNode fold : cv.get("per_fold")) {
            truths += fold.get("true_positives").asLong() + fold.get("false_negatives").asLong();
        }
        assertEquals(3 * 2, truths); // each fold's tiles at 2 and 4 um/px
        assertTrue(cv.get("f1").has("mean"), cv.toString());

        assertEquals(2, run(concat(common, new String[] {"--fold-models", "10150-10164=A", "--fold-models",
            "10164-10165=B"})));
        assertTrue(err.toString().contains("--fold-models: tile 10164.png lies in two folds"), err.toString());
        assertEquals(2, run(concat(common, new String[] {"--fold-models", "1-2=A"})));
        assertTrue(err.toString().contains("--fold-models: no tile of " + Fixtures.tiles() + " has an id in 1-2"),
                err.toString());
        assertEquals(2, run(concat(common, new String[] {"--fold-models", "10150-10165=A", "--tiles", "10150-10150"})));
        assertTrue(err.toString().contains("--fold-models replaces --models and --tiles"), err.toString());
    }

    @Test
    void detectChoosesOnlyTheRejectionWhenTheScoreThresholdIsGiven() throws Exception {
        String[] common = {"detect", "--data", Fixtures.tiles().toString(), "--mpp", "2", "--min-area-um2", "2000",
            "--classify", "--choose-thresholds", "--resolutions", "4"};
        rejectThreshold = 0.6;
        assertEquals(0, run(common), err.toString());
        JsonNode free = json().get("chosen_thresholds");
        assertEquals(0.8, free.get("score_threshold").asDouble(), 1e-12, free.toString()); // the fixture's choice
        out.getBuffer().setLength(0);
        String[] folds = {"--fold-models", "10150-10150=" + dir.resolve("A"),
            "--fold-models", "10164-10165=" + dir.resolve("B")};
        for (String[] args : List.of(common, concat(common, folds))) {
            assertEquals(0, run(concat(args, new String[] {"--score-threshold", "0.5"})), err.toString());
            JsonNode j = json();
            JsonNode chosen = j.get("chosen_thresholds");
            assertEquals(0.5, chosen.get("score_threshold").asDouble(), 1e-12, chosen.toString());
            assertEquals(0.5, j.get("model_thresholds").get("score_threshold").asDouble(), 1e-12);
            assertTrue(chosen.get("f1").asDouble() <= free.get("f1").asDouble(), chosen.toString());
            if (chosen.has("cross_validated")) {
                for (JsonNode fold : chosen.get("cross_validated").get("per_fold")) {
                    assertEquals(0.5, fold.get("score_threshold").asDouble(), 1e-12, fold.toString());
                }
            }
            out.getBuffer().setLength(0);
        }
    }

    @Test
    void detectRecordsTheChosenThresholdsInThePackagesItNames() throws Exception {
        Path packages = dir.resolve("trained-on-every-tile");
        for (String p : List.of("detector", "classifier")) {
            Files.createDirectories(packages.resolve(p));
            Files.copy(Path.of("models", p, "MODEL_CARD.md"), packages.resolve(p).resolve("MODEL_CARD.md"));
            // Thresholds that no choice can give, so that a recorded one shows.
            Files.writeString(packages.resolve(p).resolve("rdf.yaml"), Files.readString(Path.of("models", p,
                    "rdf.yaml")).replace("score_threshold: 0.45", "score_threshold: 0.123")
                    .replace("reject_threshold: 0.45", "reject_threshold: 0.987"));
        }
        ModelSpec detectorBefore = ModelSpecReader.read(packages.resolve("detector/rdf.yaml")).spec();
        ModelSpec classifierBefore = ModelSpecReader.read(packages.resolve("classifier/rdf.yaml")).spec();
        String[] choice = {"detect", "--data", Fixtures.tiles().toString(), "--mpp", "2", "--min-area-um2", "2000",
            "--classify", "--choose-thresholds", "--resolutions", "4"};
        String[] common = concat(choice, new String[] {"--record-thresholds", packages.toString()});
        assertEquals(0, run(common), err.toString());
        JsonNode chosen = json().get("chosen_thresholds");
        double score = chosen.get("score_threshold").asDouble();
        double reject = chosen.get("reject_threshold").asDouble();
        assertEquals(List.of(packages.resolve("detector/rdf.yaml").toString(),
                packages.resolve("classifier/rdf.yaml").toString()),
                List.of(chosen.get("recorded_in").get(0).asText(), chosen.get("recorded_in").get(1).asText()));
        // The two thresholds change, and nothing else of either package's settings.
        ModelSpec detector = ModelSpecReader.read(packages.resolve("detector/rdf.yaml")).spec();
        ModelSpec classifier = ModelSpecReader.read(packages.resolve("classifier/rdf.yaml")).spec();
        assertEquals(detectorBefore.detect().withScoreThreshold(score), detector.detect());
        assertEquals(classifierBefore.classify().withRejectThreshold(reject), classifier.classify());
        assertEquals(List.of(detectorBefore.version(), classifierBefore.version()),
                List.of(detector.version(), classifier.version()));
        String card = Files.readString(packages.resolve("classifier/MODEL_CARD.md"));
        assertTrue(card.startsWith(Files.readString(Path.of("models/classifier/MODEL_CARD.md")).stripTrailing()));
        assertTrue(card.contains(String.format(java.util.Locale.ROOT, "`detect.score_threshold` %.2f", score))
                && card.contains("glo-in-one detect --data " + Fixtures.tiles()), card);
        assertEquals(Files.readString(packages.resolve("detector/MODEL_CARD.md")).substring(
                Files.readString(Path.of("models/detector/MODEL_CARD.md")).stripTrailing().length()),
                card.substring(Files.readString(Path.of("models/classifier/MODEL_CARD.md")).stripTrailing().length()));

        // Chosen again, by folds: the card's section is replaced, not repeated.
        out.getBuffer().setLength(0);
        assertEquals(0, run(concat(common, new String[] {"--fold-models", "10150-10150=" + dir.resolve("A"),
            "--fold-models", "10164-10165=" + dir.resolve("B")})), err.toString());
        String again = Files.readString(packages.resolve("classifier/MODEL_CARD.md"));
        assertEquals(1, again.split("## " + RecordedThresholds.CARD_SECTION, -1).length - 1, again);
        assertTrue(again.contains("--fold-models"), again);

        assertEquals(2, run("detect", "--data", Fixtures.tiles().toString(), "--mpp", "2", "--classify",
                "--record-thresholds", packages.toString()));
        assertTrue(err.toString().contains("--record-thresholds needs --choose-thresholds"), err.toString());
        Path detectorOnly = Files.createDirectories(dir.resolve("detector-only"));
        Files.move(packages.resolve("detector"), detectorOnly.resolve("detector"));
        assertEquals(2, run(concat(choice, new String[] {"--record-thresholds", detectorOnly.toString()})));
        assertTrue(err.toString().contains("--record-thresholds " + detectorOnly + ": holds no classify package"),
                err.toString());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void detectWithAnotherScoreThreshold() throws Exception {
        assertEquals(0, run("detect", "--data", Fixtures.tiles().toString(), "--mpp", "2", "--min-area-um2", "2000",
                "--score-threshold", "0.5"), err.toString());
        assertEquals(1.0, json().get("recall").asDouble(), 1e-12);
        assertEquals(3.0 / 11, json().get("precision").asDouble(), 1e-12); // 3 of the 11 counted (1 ignored)
    }

    @Test
    void segmentOnCrops() throws Exception {
        assertEquals(0, run("segment", "--data", Fixtures.crops().toString()), err.toString());
        JsonNode j = json();
        assertEquals("crops", j.get("layout").asText());
        assertEquals(5, j.get("n").asInt());
        double mean = (34382.0 / 63749 + 39478.0 / 64261 + 40242.0 / 65151 + 37946.0 / 61791 + 36204.0 / 63592) / 5;
        assertEquals(mean, j.get("dice").get("mean").asDouble(), 1e-12);
    }

    @Test
    void segmentScoresCropsRenderedAtCoarserPixelSizesAgainstTheirOwnMasks() throws Exception {
        assertEquals(0, run("segment", "--data", Fixtures.crops().toString(), "--folds", "2",
                "--resolutions", "2,8"), err.toString());
        JsonNode j = json();
        JsonNode rows = j.get("resolutions");
        assertEquals(2, rows.size());
        for (JsonNode r : rows) {
            // the fixed half mask does not depend on the pixels, and every mask is judged at the crop's own size
            // against the crop's own annotation: the native scores at every pixel size
            assertEquals(5, r.get("n").asInt());
            assertEquals(j.get("dice").get("mean").asDouble(), r.get("dice").get("mean").asDouble(), 1e-12);
            assertEquals(j.get("relative_area_error").get("mean").asDouble(),
                    r.get("relative_area_error").get("mean").asDouble(), 1e-12);
            assertEquals(36204.0 / 63592, r.get("folds").get("per_fold").get(1).get("dice").asDouble(), 1e-12);
        }
        assertEquals(2, run("segment", "--data", Fixtures.tiles().toString(), "--mpp", "2", "--resolutions", "4"));
        assertTrue(err.toString().contains("--resolutions needs a crops dataset"), err.toString());
    }

    @Test
    void segmentScoresRestainedCropsAgainstTheirOwnMasks() throws Exception {
        assertEquals(0, run("segment", "--data", Fixtures.crops().toString(), "--folds", "2",
                "--stains", "faded,magenta"), err.toString());
        JsonNode j = json();
        JsonNode rows = j.get("stains");
        assertEquals(2, rows.size());
        assertEquals("faded", rows.get(0).get("stain").asText());
        assertEquals(0.6, rows.get(0).get("haematoxylin_factor").asDouble());
        assertEquals("magenta", rows.get(1).get("stain").asText());
        assertEquals(1.5, rows.get(1).get("eosin_factor").asDouble());
        for (JsonNode r : rows) {
            // the fixed half mask does not depend on the pixels: the crops' own scores under every stain
            assertEquals(5, r.get("n").asInt());
            assertEquals(j.get("dice").get("mean").asDouble(), r.get("dice").get("mean").asDouble(), 1e-12);
            assertEquals(36204.0 / 63592, r.get("folds").get("per_fold").get(1).get("dice").asDouble(), 1e-12);
        }
        assertEquals(2, run("segment", "--data", Fixtures.crops().toString(), "--stains", "sepia"));
        assertTrue(err.toString().contains("--stains: unknown stain shift 'sepia'"), err.toString());
        assertEquals(2, run("segment", "--data", Fixtures.tiles().toString(), "--mpp", "2", "--stains", "dark"));
        assertTrue(err.toString().contains("--stains needs a crops dataset"), err.toString());
    }

    @Test
    void segmentOnTilesScoresAnUnmatchedGlomerulusZero() throws Exception {
        Path table = dir.resolve("dice.csv");
        assertEquals(0, run("segment", "--data", Fixtures.tiles().toString(), "--mpp", "2", "--min-area-um2", "2000",
                "--predictions", table.toString()), err.toString());
        assertEquals(3, json().get("n").asInt());
        List<String> rows = Files.readAllLines(table);
        // The small glomerulus of 10164 is found only at score 0.6, below the detector's 0.75: Dice 0.
        assertEquals("image,dice,iou,relative_area_error", rows.get(0));
        assertEquals("10164.png#2,0.000000,0.000000,-1.000000", rows.get(3), "missed: no area at all");
        assertTrue(rows.get(1).startsWith("10150.png#1,0."), rows.get(1));
        assertTrue(rows.get(2).startsWith("10164.png#1,0."), rows.get(2));
    }

    @Test
    void badDatasetExitsWithTwoAndNamesTheFile() throws Exception {
        Files.createDirectories(dir.resolve("images"));
        Files.createDirectories(dir.resolve("masks"));
        Files.copy(Fixtures.tiles().resolve("images/10150.png"), dir.resolve("images/10150.png"));
        assertEquals(2, run("detect", "--data", dir.toString(), "--mpp", "0.5"));
        assertEquals(dir.resolve("masks/10150.png") + ": file not found (the mask of images/10150.png)"
                + System.lineSeparator(), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void neitherLayoutAndMissingMpp() {
        assertEquals(2, run("segment", "--data", dir.toString()));
        assertTrue(err.toString().contains("is neither a crops dataset"), err.toString());
        assertEquals(2, run("segment", "--data", Fixtures.tiles().toString()));
        assertTrue(err.toString().contains("--mpp is needed for a tiles dataset"), err.toString());
    }

    @Test
    void badOptionValuesNameTheOption() {
        assertEquals(2, run("detect", "--data", Fixtures.tiles().toString(), "--mpp", "0"));
        assertEquals("--mpp must be a microscope pixel size within 0.05-20 um/px, got 0.0" + System.lineSeparator(),
                err.toString());
        assertEquals(2, run("detect", "--data", Fixtures.tiles().toString(), "--mpp", "2", "--score-threshold", "1.5"));
        assertTrue(err.toString().endsWith("--score-threshold must be in [0, 1], got 1.5" + System.lineSeparator()));
        assertEquals(2, run("classify", "--data", Fixtures.crops().toString(), "--device", "tpu"));
        assertTrue(err.toString().contains("device must be auto, cpu or gpu, got 'tpu'"), err.toString());
    }

    @Test
    void helpShowsDefaults() {
        assertEquals(0, run("detect", "--help"));
        assertTrue(out.toString().contains("(default: 500.0)"), out.toString());
        assertTrue(out.toString().contains("(default: 8)"), out.toString());
    }
}
