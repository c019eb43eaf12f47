package org.gloinone.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gloinone.model.DetectConfig;
import org.gloinone.model.FoundModels;
import org.gloinone.model.ModelException;
import org.gloinone.model.ModelPackage;
import org.gloinone.model.ModelSpec;
import org.gloinone.model.Predictor;
import org.gloinone.model.PredictorOptions;
import org.gloinone.model.Task;
import org.gloinone.model.TensorFlowPredictor;
import org.gloinone.model.ViewAveragingPredictor;
import org.gloinone.model.ViewAveragingPredictor.OutputKind;

/**
 * The networks of one run, loaded once and closed together: packages, their TensorFlow sessions, and the
 * {@link PipelineModels} the pipeline reads. Only the stages asked for are loaded.
 */
public final class LoadedModels implements AutoCloseable {
    private final List<ModelPackage> packages;
    private final List<Predictor> predictors;
    private final PipelineModels models;

    private LoadedModels(List<ModelPackage> packages, List<Predictor> predictors, PipelineModels models) {
        this.packages = packages;
        this.predictors = predictors;
        this.models = models;
    }

    /**
     * Loads the packages of {@code stages} from {@code found}.
     *
     * @throws ModelException if a stage has no model, or a model cannot be opened or is refused
     */
    public static LoadedModels load(FoundModels found, Set<Task> stages, PredictorOptions options)
            throws ModelException {
        List<ModelPackage> packages = new ArrayList<>();
        List<Predictor> predictors = new ArrayList<>();
        try {
            Optional<StageModel> detector = open(found, stages, Task.DETECT, options, packages, predictors);
            Optional<StageModel> classifier = open(found, stages, Task.CLASSIFY, options, packages, predictors);
            Optional<StageModel> segmenter = open(found, stages, Task.SEGMENT, options, packages, predictors);
            return new LoadedModels(packages, predictors, new PipelineModels(detector, classifier, segmenter));
        } catch (ModelException | RuntimeException e) {
            closeAll(packages, predictors, e);
            throw e;
        }
    }

    private static Optional<StageModel> open(FoundModels found, Set<Task> stages, Task task,
                                             PredictorOptions options, List<ModelPackage> packages,
                                             List<Predictor> predictors) throws ModelException {
        if (!stages.contains(task)) {
            return Optional.empty();
        }
        Path path = found.require(task);
        ModelPackage pkg = ModelPackage.open(path);
        packages.add(pkg);
        TensorFlowPredictor predictor = pkg.openPredictor(options);
        predictors.add(predictor);
        ModelInfo info = new ModelInfo(task.word(), pkg.spec().name(), pkg.spec().version(),
                pkg.weightsSha256(), pkg.rdfSha256()); // from the files: rdf.yaml may not tell of changed weights
        return Optional.of(new StageModel(pkg.spec(), withTestTimeViews(pkg.spec(), predictor), info));
    }

    /** The network as its spec asks to be run: averaged over the test-time views it names. */
    private static Predictor withTestTimeViews(ModelSpec spec, Predictor predictor) {
        return switch (spec.task()) {
            case CLASSIFY -> ViewAveragingPredictor.wrap(predictor, spec.classify().testTimeViews());
            case DETECT -> {
                DetectConfig d = spec.detect();
                yield ViewAveragingPredictor.wrap(predictor, d.testTimeViews(), Map.of(
                        d.heatmapOutput(), d.heatmapIsLogits() ? OutputKind.LOGIT_MAP : OutputKind.MAP,
                        d.offsetOutput(), OutputKind.CELL_OFFSETS,
                        d.radiusOutput(), OutputKind.MAP));
            }
            case SEGMENT -> predictor;
        };
    }

    /**
     * Networks loaded elsewhere (e.g. built in memory), owned from now on: closing closes their predictors.
     */
    public static LoadedModels of(PipelineModels models) {
        List<Predictor> predictors = new ArrayList<>();
        for (Task task : Task.values()) {
            models.forTask(task).ifPresent(m -> predictors.add(m.predictor()));
        }
        return new LoadedModels(List.of(), predictors, models);
    }

    /** The loaded model of {@code task}. */
    public StageModel stage(Task task) {
        return models.forTask(task).orElseThrow(() -> new IllegalArgumentException(
                "no " + task.word() + " model was loaded"));
    }

    /** The models as the pipeline takes them. */
    public PipelineModels models() {
        return models;
    }

    /** Identities of the loaded models, in stage order. */
    public List<ModelInfo> infos() {
        return models.infos(Set.of(Task.values()).stream().sorted().toList());
    }

    @Override
    public void close() throws ModelException {
        closeAll(packages, predictors, null);
    }

    private static void closeAll(List<ModelPackage> packages, List<Predictor> predictors,
                                 Exception pending) throws ModelException {
        predictors.forEach(Predictor::close);
        ModelException failure = null;
        for (ModelPackage p : packages) {
            try {
                p.close();
            } catch (ModelException e) {
                if (pending != null) {
                    pending.addSuppressed(e);
                } else if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
