package org.gloinone.fiji.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.gloinone.fiji.EngineLocation;
import org.gloinone.job.ModelCache;
import org.gloinone.model.FoundModels;
import org.gloinone.model.ModelException;
import org.gloinone.model.ModelFinder;
import org.gloinone.model.ModelPackage;
import org.gloinone.model.PredictorOptions;
import org.gloinone.model.Task;
import org.gloinone.progress.CancellationToken;
import org.gloinone.pipeline.ModelInfo;
import org.gloinone.pipeline.PipelineModels;
import org.gloinone.pipeline.PipelineOptions;

/**
 * The model packages {@link ModelFinder} finds: first the update site's {@code lib/glo-in-one/models/} when
 * running in Fiji, then the finder's usual places ({@code GLO_IN_ONE_MODELS}, beside the program, Fiji's
 * {@code models/glo-in-one/}).
 */
public final class InstalledModels implements ModelSource {
    /** One set of loaded networks per engine (Fiji loads the engine once), reloaded when the packages change. */
    private static final ModelCache CACHE = new ModelCache();

    private final ModelFinder finder;

    /** The installed models of this Fiji or program. */
    public InstalledModels() {
        this(ModelFinder.forThisProgram(EngineLocation.modelsFolder().orElse(null)));
    }

    /** The models {@code finder} finds. */
    public InstalledModels(ModelFinder finder) {
        this.finder = finder;
    }

    @Override
    public PipelineModels models(Set<Task> tasks, PipelineOptions options, CancellationToken cancel)
            throws IOException {
        FoundModels found = find();
        for (Task task : tasks) {
            if (found.get(task).isEmpty()) {
                throw new IOException(EngineLocation.missingModel(task.word(), found.searched()));
            }
        }
        cancel.throwIfCancelled();
        try {
            return CACHE.get(found, tasks, new PredictorOptions(options.device(), options.threads(), 0, false))
                    .models();
        } catch (ModelException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public List<ModelInfo> describe() throws IOException {
        FoundModels found = find();
        List<ModelInfo> infos = new ArrayList<>();
        for (Task task : Task.values()) {
            Optional<Path> path = found.get(task);
            if (path.isPresent()) {
                try (ModelPackage p = ModelPackage.open(path.get())) {
                    infos.add(info(task, p));
                } catch (ModelException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }
        }
        return infos;
    }

    private FoundModels find() throws IOException {
        try {
            return finder.find();
        } catch (ModelException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static ModelInfo info(Task task, ModelPackage p) throws ModelException {
        return new ModelInfo(task.word(), p.spec().name(), p.spec().version(), p.weightsSha256(), p.rdfSha256());
    }
}
