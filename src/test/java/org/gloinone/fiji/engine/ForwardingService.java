package org.gloinone.fiji.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import ij.ImagePlus;

import org.gloinone.detect.Circle;
import org.gloinone.fiji.GloInOneService;
import org.gloinone.io.OutputFormat;
import org.gloinone.fiji.SlideGeometry;
import org.gloinone.fiji.SlideSource;
import org.gloinone.progress.CancellationToken;
import org.gloinone.pipeline.ModelInfo;
import org.gloinone.pipeline.PipelineOptions;
import org.gloinone.progress.ProgressListener;
import org.gloinone.pipeline.SlideResult;

/** Hands every call to another service. */
class ForwardingService implements GloInOneService {
    private final GloInOneService to;

    ForwardingService(GloInOneService to) {
        this.to = to;
    }

    @Override
    public SlideResult detect(SlideSource s, PipelineOptions o, ProgressListener p, CancellationToken c)
            throws IOException {
        return to.detect(s, o, p, c);
    }

    @Override
    public SlideResult classify(SlideSource s, List<Circle> circles, PipelineOptions o, ProgressListener p,
                                CancellationToken c) throws IOException {
        return to.classify(s, circles, o, p, c);
    }

    @Override
    public SlideResult segment(SlideSource s, List<Circle> circles, PipelineOptions o, ProgressListener p,
                               CancellationToken c) throws IOException {
        return to.segment(s, circles, o, p, c);
    }

    @Override
    public SlideResult allInOne(SlideSource s, PipelineOptions o, ProgressListener p, CancellationToken c)
            throws IOException {
        return to.allInOne(s, o, p, c);
    }

    @Override
    public List<Path> write(SlideSource slide, SlideResult r, Path folder, Set<OutputFormat> formats)
            throws IOException {
        return to.write(slide, r, folder, formats);
    }

    @Override
    public List<Circle> readAnnotations(Path file) throws IOException {
        return to.readAnnotations(file);
    }

    @Override
    public List<ModelInfo> installedModels() throws IOException {
        return to.installedModels();
    }

    @Override
    public ImagePlus thumbnail(Path slide, int maxSide) throws IOException {
        return to.thumbnail(slide, maxSide);
    }

    @Override
    public SlideGeometry geometry(SlideSource slide) throws IOException {
        return to.geometry(slide);
    }

    @Override
    public org.gloinone.fiji.SlideImages images(Path slide) throws IOException {
        return to.images(slide);
    }
}
