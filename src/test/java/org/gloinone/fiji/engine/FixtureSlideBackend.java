package org.gloinone.fiji.engine;

import java.nio.file.Path;
import java.util.Set;

import org.gloinone.pipeline.PipelineFixtures;
import org.gloinone.slide.Slide;
import org.gloinone.slide.SlideBackend;

/** Reads any "*.fixture" file as the generated slide of the pipeline tests. */
public final class FixtureSlideBackend implements SlideBackend {
    @Override
    public String name() {
        return "fixture";
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public boolean recognises(Path file, byte[] header) {
        return file.toString().endsWith(".fixture");
    }

    @Override
    public Set<String> extensions() {
        return Set.of("fixture");
    }

    @Override
    public Slide open(Path file) {
        return PipelineFixtures.slide();
    }
}
