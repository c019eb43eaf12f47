package org.gloinone.model;

import java.util.Arrays;
import java.util.Map;

/**
 * Checks a model package end to end: rdf.yaml is valid, the weights' SHA-256 matches, the SavedModel passes
 * the safety scan and loads, and running each test input reproduces each test output within the
 * tolerance of rdf.yaml ({@code |actual - expected| <= absolute + relative * |expected|} per value).
 */
public final class ModelChecker {
    private ModelChecker() {
    }

    /** Checks one package; every problem is reported in the result, never thrown. */
    public static ModelCheck check(java.nio.file.Path packagePath, PredictorOptions options) {
        String label = String.valueOf(packagePath.getFileName());
        try (ModelPackage p = ModelPackage.open(packagePath)) {
            return check(p, options);
        } catch (ModelException e) {
            return new ModelCheck(packagePath, label, null, false, false, 0, 0, 0, e.getMessage());
        }
    }

    /** Checks an open package; every problem is reported in the result, never thrown. */
    public static ModelCheck check(ModelPackage p, PredictorOptions options) {
        String name = p.spec().name();
        Task task = p.spec().task();
        try {
            p.verifyWeights();
        } catch (ModelException e) {
            return new ModelCheck(p.source(), name, task, false, false, 0, 0, 0, e.getMessage());
        }
        int compared = 0;
        int matching = 0;
        double maxDiff = 0;
        String problem = null;
        try (TensorFlowPredictor predictor = p.openPredictor(options)) {
            FloatTensor input = p.testTensor(p.description().inputs().get(0));
            Map<String, FloatTensor> actual = predictor.predict(input);
            for (TensorDescription out : p.description().outputs()) {
                FloatTensor expected = p.testTensor(out);
                FloatTensor got = actual.get(out.id());
                compared++;
                if (!Arrays.equals(expected.shape(), got.shape())) {
                    problem = problem != null ? problem : "output '" + out.id() + "' has shape "
                            + Arrays.toString(got.shape()) + ", test output " + Arrays.toString(expected.shape());
                    continue;
                }
                Comparison c = compare(expected.data(), got.data(), p.description().absoluteTolerance(),
                        p.description().relativeTolerance());
                maxDiff = Math.max(maxDiff, c.maxDifference());
                if (c.firstMismatch() < 0) {
                    matching++;
                } else if (problem == null) {
                    int i = c.firstMismatch();
                    problem = "output '" + out.id() + "' differs from " + out.testTensor() + " at index " + i
                            + ": " + got.data()[i] + " vs " + expected.data()[i] + " (tolerance "
                            + p.description().absoluteTolerance() + " + " + p.description().relativeTolerance()
                            + " relative)";
                }
            }
        } catch (ModelException e) {
            return new ModelCheck(p.source(), name, task, true, false, compared, matching, maxDiff, e.getMessage());
        }
        return new ModelCheck(p.source(), name, task, true, true, compared, matching, maxDiff, problem);
    }

    /** The largest absolute difference and the first index out of tolerance (-1 if none). */
    record Comparison(double maxDifference, int firstMismatch) {
    }

    static Comparison compare(float[] expected, float[] actual, double absolute, double relative) {
        double max = 0;
        int first = -1;
        for (int i = 0; i < expected.length; i++) {
            double d = Math.abs((double) actual[i] - expected[i]);
            if (Double.isNaN(d)) {
                d = Double.POSITIVE_INFINITY;
            }
            max = Math.max(max, d);
            if (first < 0 && d > absolute + relative * Math.abs(expected[i])) {
                first = i;
            }
        }
        return new Comparison(max, first);
    }
}
