package org.gloinone.fiji.engine;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.gloinone.model.Task;
import org.gloinone.progress.CancellationToken;
import org.gloinone.pipeline.ModelInfo;
import org.gloinone.pipeline.PipelineFixtures;
import org.gloinone.pipeline.PipelineModels;
import org.gloinone.pipeline.PipelineOptions;
import org.gloinone.slide.SlideOpener;

/**
 * The real engine ({@link PipelineService}) with the pipeline tests' small networks and generated slide
 * ("*.fixture" files), for ImageJ sessions that run the menu commands end to end. Selected with
 * {@code -Dgloinone.service=org.gloinone.fiji.engine.FixtureEngineService}; the networks live as long as the JVM.
 */
public final class FixtureEngineService extends ForwardingService {
    /** Loads the networks once. */
    public FixtureEngineService() {
        super(new PipelineService(new Networks(PipelineFixtures.models()),
                new SlideOpener(List.of(new FixtureSlideBackend()))));
    }

    /** The same networks for every run. */
    private record Networks(PipelineModels models) implements ModelSource {
        @Override
        public PipelineModels models(Set<Task> tasks, PipelineOptions options, CancellationToken cancel) {
            return models;
        }

        @Override
        public List<ModelInfo> describe() {
            return models.infos(EnumSet.allOf(Task.class));
        }
    }
}
