package org.gloinone.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** rdf.yaml parsing: round trips, the preprocessing mapping, and errors that name the file and the field. */
class ModelSpecReaderTest {
    private static final String SHA = "ab".repeat(32);

    @TempDir
    Path dir;
    Path rdf;
    String detectorYaml;

    @BeforeEach
    void writeValidDetector() throws Exception {
        Files.writeString(dir.resolve("MODEL_CARD.md"), "# card\n");
        rdf = dir.resolve("rdf.yaml");
        detectorYaml = ModelSpecWriter.toYaml(TinyDetector.spec(), detectorDescription(),
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** The tiny detector's description with the fields a written package always has. */
    private static ModelDescription detectorDescription() {
        ModelDescription d = TinyDetector.description();
        return new ModelDescription(d.description(), d.authors(), d.license(), d.documentation(), d.citations(),
                d.inputs().stream().map(t -> t.withTestTensor("test_input_" + t.id() + ".npy")).toList(),
                d.outputs().stream().map(t -> t.withTestTensor("test_output_" + t.id() + ".npy")).toList(),
                d.weightsSource(), SHA, "2.18.0", d.absoluteTolerance(),
                d.relativeTolerance());
    }

    private ModelException failure(String yaml) throws Exception {
        Files.writeString(rdf, yaml);
        return assertThrows(ModelException.class, () -> ModelSpecReader.read(rdf));
    }

    @Test
    void detectorRoundTrips() throws Exception {
        Files.writeString(rdf, detectorYaml);
        ModelRdf back = ModelSpecReader.read(rdf);
        assertEquals(TinyDetector.spec().detect(), back.spec().detect());
        assertEquals(detectorDescription(), back.description());
        assertEquals("0.1.0", back.spec().version());
        assertEquals(0.5, back.spec().micronsPerPixel());
    }

    @Test
    void classifierRoundTrips() throws Exception {
        ClassifyConfig c = new ClassifyConfig("probabilities", List.of("normal", "sclerosed", "non_glomerular"),
                "non_glomerular", Set.of("sclerosed"), 12.5, 256, 0.65);
        Files.writeString(rdf, classifierYaml(c));
        ModelRdf back = ModelSpecReader.read(rdf);
        assertEquals(c, back.spec().classify());
        assertEquals(0.65, back.spec().classify().rejectThreshold());
        assertTrue(Files.readString(rdf).contains("reject_threshold: 0.65"), Files.readString(rdf));
        assertNull(back.spec().detect());
        assertEquals(List.of("batch", "channel"), back.description().outputs().get(0).axes());
        assertArrayEquals(new long[] {-1, 3}, back.description().outputs().get(0).shape());
    }

    @Test
    void displayColoursRoundTripAndAreChecked() throws Exception {
        ClassifyConfig c = new ClassifyConfig("probabilities", List.of("normal", "sclerosed", "non_glomerular"),
                "non_glomerular", Set.of("sclerosed"), 12.5, 256, Double.NaN,
                java.util.Map.of("sclerosed", 0x8000FF, "normal", 0x00FFFF));
        String yaml = classifierYaml(c);
        assertTrue(yaml.contains("display_colors:\n        normal: \"#00FFFF\"\n        sclerosed: \"#8000FF\""),
                yaml);
        Files.writeString(rdf, yaml);
        assertEquals(c, ModelSpecReader.read(rdf).spec().classify());
        assertEquals(rdf + ": config.glo-in-one.classify.display_colors.normal must be a colour #RRGGBB, got 'teal'",
                failure(yaml.replace("\"#00FFFF\"", "teal")).getMessage());
        assertEquals(rdf + ": config.glo-in-one.classify.display_colors names 'GS', which is not one of "
                + "[normal, sclerosed, non_glomerular]", failure(yaml.replace("normal: \"#00FFFF\"", "GS: \"#00FFFF\""))
                .getMessage());
    }

    @Test
    void theCoarseSlideCorrectionRoundTripsAndIsChecked() throws Exception {
        ClassifyConfig c = new ClassifyConfig("probabilities", List.of("normal", "sclerosed", "non_glomerular"),
                "non_glomerular", Set.of("sclerosed"), 12.5, 256, 0.45, java.util.Map.of(),
                new CoarseSlideCorrection(2.5, 0.3));
        String yaml = classifierYaml(c);
        assertTrue(yaml.contains("coarse_slide_correction:\n        from_um_per_px: 2.5\n"
                + "        sclerosed_logit_per_um_per_px: 0.3"), yaml);
        Files.writeString(rdf, yaml);
        assertEquals(c, ModelSpecReader.read(rdf).spec().classify());
        assertTrue(failure(yaml.replace("sclerosed_logit_per_um_per_px: 0.3", "sclerosed_logit_per_um_per_px: -1"))
                .getMessage().contains("sclerosed_logit_per_um_per_px must be a finite number >= 0, got -1"));
        // a package without one corrects nothing, and writes none
        ClassifyConfig plain = new ClassifyConfig("probabilities", List.of("normal", "sclerosed"), null,
                Set.of("sclerosed"), 12.5, 256);
        assertEquals(CoarseSlideCorrection.NONE, plain.coarseSlideCorrection());
        assertFalse(classifierYaml(plain).contains("coarse_slide_correction"));
    }

    @Test
    void testTimeViewsRoundTripAndAreChecked() throws Exception {
        ClassifyConfig plain = new ClassifyConfig("probabilities", List.of("normal", "sclerosed", "non_glomerular"),
                "non_glomerular", Set.of("sclerosed"), 12.5, 256, 0.45);
        assertEquals(1, plain.testTimeViews());
        assertFalse(classifierYaml(plain).contains("test_time_views"));
        ClassifyConfig c = plain.withTestTimeViews(8);
        String yaml = classifierYaml(c);
        assertTrue(yaml.contains("      test_time_views: 8\n"), yaml);
        Files.writeString(rdf, yaml);
        assertEquals(c, ModelSpecReader.read(rdf).spec().classify());
        assertEquals(rdf + ": config.glo-in-one.classify.test_time_views must be 1, 2, 4 or 8, got 3",
                failure(yaml.replace("test_time_views: 8", "test_time_views: 3")).getMessage());
    }

    @Test
    void aDetectorsTestTimeViewsRoundTripAndKeepTheTileShape() throws Exception {
        Files.writeString(rdf, detectorYaml);
        DetectConfig plain = ModelSpecReader.read(rdf).spec().detect();
        assertEquals(1, plain.testTimeViews());
        String yaml = detectorYaml.replace("      top_k: 100\n", "      top_k: 100\n      test_time_views: 4\n");
        Files.writeString(rdf, yaml);
        assertEquals(plain.withTestTimeViews(4), ModelSpecReader.read(rdf).spec().detect());
        assertTrue(ModelSpecWriter.toYaml(ModelSpecReader.read(rdf).spec(), detectorDescription(), Instant.now())
                .contains("      test_time_views: 4\n"));
        // Transposes and quarter turns would not keep a tile that is not square.
        assertEquals(rdf + ": config.glo-in-one.detect.test_time_views must be 1, 2 or 4, got 8",
                failure(yaml.replace("test_time_views: 4", "test_time_views: 8")).getMessage());
    }

    @Test
    void aDetectorsRadiusScaleRoundTripsAndMustBePositive() throws Exception {
        Files.writeString(rdf, detectorYaml);
        DetectConfig plain = ModelSpecReader.read(rdf).spec().detect();
        assertEquals(1, plain.radiusScale());
        assertFalse(ModelSpecWriter.toYaml(ModelSpecReader.read(rdf).spec(), detectorDescription(), Instant.now())
                .contains("radius_scale"), "a scale of 1 is not written");
        String yaml = detectorYaml.replace("      top_k: 100\n", "      top_k: 100\n      radius_scale: 0.82\n");
        Files.writeString(rdf, yaml);
        assertEquals(plain.withRadiusScale(0.82), ModelSpecReader.read(rdf).spec().detect());
        assertTrue(ModelSpecWriter.toYaml(ModelSpecReader.read(rdf).spec(), detectorDescription(), Instant.now())
                .contains("      radius_scale: 0.82\n"));
        assertTrue(failure(yaml.replace("radius_scale: 0.82", "radius_scale: -1")).getMessage()
                .contains("detect.radius_scale must be a finite number above 0, got -1.0"));
    }

    /** The rdf.yaml of a classifier package with settings {@code c}. */
    private static String classifierYaml(ClassifyConfig c) {
        ModelSpec spec = new ModelSpec("cls", "1.0", Task.CLASSIFY, 0.25, "image", Preprocessing.unitRange(),
                null, c, null);
        ModelDescription d = new ModelDescription("classifier", List.of("A"), "CC-BY-4.0", "MODEL_CARD.md",
                List.of(), List.of(TensorDescription.image("image", List.of("r", "g", "b"), 0.25, 0, null)
                        .withTestTensor("in.npy")),
                List.of(TensorDescription.vector("probabilities", c.classNames(), "out.npy")),
                "saved_model", SHA, "2.18.0", 1e-4, 1e-3);
        return ModelSpecWriter.toYaml(spec, d, Instant.now());
    }

    @Test
    void errorNamesFileAndField() throws Exception {
        ModelException e = failure(detectorYaml.replace("nms_iou: 0.35", "nms_iou: 1.7"));
        assertEquals(rdf + ": config.glo-in-one.detect.nms_iou must be in [0, 1], got 1.7", e.getMessage());
    }

    @Test
    void sizePriorIsOptionalReadAndChecked() throws Exception {
        Files.writeString(rdf, detectorYaml);
        DetectConfig none = ModelSpecReader.read(rdf).spec().detect();
        assertEquals(0, none.minRadiusMicrons());
        assertEquals(Double.POSITIVE_INFINITY, none.maxRadiusMicrons());
        assertTrue(!none.hasSizePrior() && none.keepsRadius(0.01) && none.keepsRadius(1e6));

        String withPrior = detectorYaml.replace("      top_k: 100\n",
                "      top_k: 100\n      min_radius_um: 30.0\n      max_radius_um: 150.0\n");
        Files.writeString(rdf, withPrior);
        DetectConfig prior = ModelSpecReader.read(rdf).spec().detect();
        assertEquals(30.0, prior.minRadiusMicrons());
        assertEquals(150.0, prior.maxRadiusMicrons());
        assertTrue(prior.hasSizePrior());
        assertTrue(prior.keepsRadius(30.0) && prior.keepsRadius(150.0) && prior.keepsRadius(80));
        assertTrue(!prior.keepsRadius(29.9) && !prior.keepsRadius(150.1));
        // written back as read
        ModelSpec spec = ModelSpecReader.read(rdf).spec();
        String again = ModelSpecWriter.toYaml(spec, detectorDescription(), Instant.parse("2026-01-01T00:00:00Z"));
        assertTrue(again.contains("min_radius_um: 30.0\n      max_radius_um: 150.0\n"), again);
        assertTrue(!detectorYaml.contains("radius_um"), detectorYaml);

        assertEquals(rdf + ": config.glo-in-one.detect.min_radius_um must be a finite number >= 0, got -5.0",
                failure(withPrior.replace("min_radius_um: 30.0", "min_radius_um: -5")).getMessage());
        assertEquals(rdf + ": config.glo-in-one.detect.max_radius_um must be above min_radius_um (30.0), got 20.0",
                failure(withPrior.replace("max_radius_um: 150.0", "max_radius_um: 20")).getMessage());
        assertEquals(rdf + ": config.glo-in-one.detect.max_radius_um must be a number, got 'big'",
                failure(withPrior.replace("max_radius_um: 150.0", "max_radius_um: big")).getMessage());
    }

    @Test
    void stainReferenceIsOptionalReadWrittenBackAndChecked() throws Exception {
        Files.writeString(rdf, detectorYaml);
        assertTrue(ModelSpecReader.read(rdf).spec().detect().stainReference().isEmpty());
        String withStain = detectorYaml.replace("      top_k: 100\n",
                "      top_k: 100\n      stain_reference:\n        haematoxylin: 0.058\n        eosin: 0.03\n");
        Files.writeString(rdf, withStain);
        ModelSpec spec = ModelSpecReader.read(rdf).spec();
        assertEquals(new org.gloinone.stain.StainDensities(0.058, 0.03), spec.detect().stainReference().orElseThrow());
        String again = ModelSpecWriter.toYaml(spec, detectorDescription(), Instant.parse("2026-01-01T00:00:00Z"));
        assertTrue(again.contains("stain_reference:\n        haematoxylin: 0.058\n        eosin: 0.03\n"), again);
        assertEquals(rdf + ": config.glo-in-one.detect.stain_reference must hold haematoxylin and eosin densities "
                + "above 0, got 0.058 and -0.03", failure(withStain.replace("eosin: 0.03", "eosin: -0.03")).getMessage());
        assertEquals(rdf + ": config.glo-in-one.detect.stain_reference.eosin is missing",
                failure(withStain.replace("        eosin: 0.03\n", "")).getMessage());
    }

    @Test
    void missingFieldIsNamed() throws Exception {
        ModelException e = failure(detectorYaml.replace("      top_k: 100\n", ""));
        assertEquals(rdf + ": config.glo-in-one.detect.top_k is missing", e.getMessage());
    }

    @Test
    void wrongTypeIsNamed() throws Exception {
        ModelException e = failure(detectorYaml.replace("output_stride: 4", "output_stride: four"));
        assertEquals(rdf + ": config.glo-in-one.detect.output_stride must be an integer, got 'four'", e.getMessage());
    }

    @Test
    void pixelSizeMustBeInMicrometres() throws Exception {
        ModelException e = failure(detectorYaml.replaceFirst("unit: micrometer", "unit: millimeter"));
        assertEquals(rdf + ": inputs[0].axes[1].unit must be micrometer, got 'millimeter'", e.getMessage());
    }

    @Test
    void configMustNameExistingOutputs() throws Exception {
        ModelException e = failure(detectorYaml.replace("radius_output: radius", "radius_output: size"));
        assertTrue(e.getMessage().startsWith(rdf + ": config.glo-in-one.detect names output 'size'"), e.getMessage());
    }

    @Test
    void unknownTaskAndOldFormatAreRefused() throws Exception {
        assertEquals(rdf + ": config.glo-in-one.task must be detect, classify or segment, got 'count'",
                failure(detectorYaml.replace("task: detect", "task: count")).getMessage());
        assertEquals(rdf + ": format_version must be 0.5.x (bioimage.io model format 0.5), got '0.4.10'",
                failure(detectorYaml.replace("format_version: 0.5.4", "format_version: 0.4.10")).getMessage());
    }

    @Test
    void testTensorPathsMustStayInsideThePackage() throws Exception {
        ModelException e = failure(detectorYaml.replace("source: test_output_offset.npy", "source: ../x.npy"));
        assertEquals(rdf + ": outputs[1].test_tensor.source must not leave the package ('..'), got '../x.npy'",
                e.getMessage());
    }

    @Test
    void missingModelCardIsNamed() throws Exception {
        Files.delete(dir.resolve("MODEL_CARD.md"));
        ModelException e = failure(detectorYaml);
        assertEquals(rdf + ": documentation 'MODEL_CARD.md' does not exist in the package", e.getMessage());
    }

    @Test
    void invalidYamlNamesTheFileAndLine() throws Exception {
        ModelException e = failure("type: model\nname: [unclosed\n");
        assertTrue(e.getMessage().startsWith(rdf + ": not valid YAML"), e.getMessage());
    }

    @Test
    void scaleLinearThenFixedZeroMeanUnitVarianceCompose() throws Exception {
        String pre = """
                    preprocessing:
                      - id: scale_linear
                        kwargs: {axis: channel, gain: 0.00392156862745098, offset: 0}
                      - id: fixed_zero_mean_unit_variance
                        kwargs: {axis: channel, mean: [0.5, 0.4, 0.3], std: [0.25, 0.2, 0.1]}
                outputs:""";
        int start = detectorYaml.indexOf("    preprocessing:");
        int end = detectorYaml.indexOf("outputs:");
        Files.writeString(rdf, detectorYaml.substring(0, start) + pre + detectorYaml.substring(end + "outputs:".length()));
        Preprocessing p = ModelSpecReader.read(rdf).spec().preprocessing();
        // (v / 255 - mean) / std for v = 255: R (1 - 0.5) / 0.25 = 2, B (1 - 0.3) / 0.1 = 7.
        float[] out = new float[3];
        p.apply(new int[] {0xffffffff}, out, 0);
        assertEquals(2f, out[0], 1e-5f);
        assertEquals(3f, out[1], 1e-5f);
        assertEquals(7f, out[2], 1e-5f);
        p.apply(new int[] {0xff000000}, out, 0);
        assertEquals(-2f, out[0], 1e-5f);
    }

    @Test
    void perImageNormalisationIsRefused() throws Exception {
        int start = detectorYaml.indexOf("      - id: scale_linear");
        int end = detectorYaml.indexOf("outputs:");
        String yaml = detectorYaml.substring(0, start) + "      - id: zero_mean_unit_variance\n"
                + detectorYaml.substring(end);
        ModelException e = failure(yaml);
        assertTrue(e.getMessage().startsWith(rdf + ": inputs[0].preprocessing[0].id 'zero_mean_unit_variance' "
                + "needs fixed kwargs mean and std"), e.getMessage());
    }
}
