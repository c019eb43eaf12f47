package org.gloinone.fiji.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Stream;

import ij.ImagePlus;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.ARGBType;
import ij.measure.Calibration;
import ij.process.ColorProcessor;

import org.gloinone.detect.Circle;
import org.gloinone.detect.Detection;
import org.gloinone.fiji.GloInOneService;
import org.gloinone.fiji.ResultFormat;
import org.gloinone.fiji.RoiCircles;
import org.gloinone.fiji.SlideGeometry;
import org.gloinone.fiji.SlideImages;
import org.gloinone.fiji.SlideSource;
import org.gloinone.fiji.SlideView;
import org.gloinone.imagej.RoiSetZip;
import org.gloinone.io.GeoJson;
import org.gloinone.io.ImageScopeReader;
import org.gloinone.io.OutputFormat;
import org.gloinone.io.OutputOptions;
import org.gloinone.io.ResultWriter;
import org.gloinone.io.SlideFileWriter;
import org.gloinone.model.ModelException;
import org.gloinone.model.Task;
import org.gloinone.pipeline.CancellationToken;
import org.gloinone.pipeline.ModelInfo;
import org.gloinone.pipeline.Pipeline;
import org.gloinone.pipeline.PipelineOptions;
import org.gloinone.pipeline.ProgressListener;
import org.gloinone.pipeline.SlideResult;
import org.gloinone.slide.ImgSlide;
import org.gloinone.slide.LevelView;
import org.gloinone.slide.Slide;
import org.gloinone.slide.SlideLevel;
import org.gloinone.slide.SlideOpener;
import org.gloinone.slide.imagej.ImageJSlideBackend;

/**
 * The Fiji facade over the real engine: slides open through {@link SlideOpener} (a file, read tile by tile)
 * or wrap the open image; networks come from a {@link ModelSource} and are closed after each run; results are
 * written by {@link ResultWriter} into {@code <output>/<slide>/}.
 */
public final class PipelineService implements GloInOneService {
    private final ModelSource models;
    private final SlideOpener opener;

    /** The installed models and the default slide backends (what Fiji's plugins use). */
    public PipelineService() {
        this(new InstalledModels(), SlideOpener.withDefaultBackends());
    }

    /**
     * @param models where the networks come from
     * @param opener how slide files are opened
     */
    public PipelineService(ModelSource models, SlideOpener opener) {
        this.models = Objects.requireNonNull(models, "models");
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    @Override
    public SlideResult detect(SlideSource slide, PipelineOptions options, ProgressListener progress,
                              CancellationToken cancel) throws IOException {
        return run(slide, options.toBuilder().stages(EnumSet.of(Task.DETECT)).build(), null, progress, cancel);
    }

    @Override
    public SlideResult classify(SlideSource slide, List<Circle> circles, PipelineOptions options,
                                ProgressListener progress, CancellationToken cancel) throws IOException {
        return run(slide, options.toBuilder().stages(EnumSet.of(Task.CLASSIFY)).build(), circles, progress, cancel);
    }

    @Override
    public SlideResult segment(SlideSource slide, List<Circle> circles, PipelineOptions options,
                               ProgressListener progress, CancellationToken cancel) throws IOException {
        return run(slide, options.toBuilder().stages(EnumSet.of(Task.SEGMENT)).build(), circles, progress, cancel);
    }

    @Override
    public SlideResult allInOne(SlideSource slide, PipelineOptions options, ProgressListener progress,
                                CancellationToken cancel) throws IOException {
        PipelineOptions withDetection = options.stages().contains(Task.DETECT) ? options
                : options.toBuilder().stages(union(options.stages(), Task.DETECT)).build();
        return run(slide, withDetection, null, progress, cancel);
    }

    private SlideResult run(SlideSource source, PipelineOptions options, List<Circle> circles,
                            ProgressListener progress, CancellationToken cancel) throws IOException {
        Set<Task> needed = EnumSet.copyOf(options.stages());
        if (circles != null) {
            needed.remove(Task.DETECT);
        }
        try (Slide slide = open(source); LoadedModels loaded = models.load(needed, options, cancel)) {
            Pipeline pipeline = new Pipeline(loaded.models());
            if (circles == null) {
                return pipeline.run(slide, options, progress, cancel);
            }
            // Given circles carry no detector score: 1, as for a pathologist's annotation.
            List<Detection> given = circles.stream().map(c -> new Detection(c, 1.0)).toList();
            return pipeline.runOn(slide, options, given, progress, cancel);
        } catch (ModelException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static Set<Task> union(Set<Task> stages, Task task) {
        Set<Task> all = EnumSet.copyOf(stages);
        all.add(task);
        return all;
    }

    private Slide open(SlideSource source) throws IOException {
        if (source instanceof SlideSource.File f) {
            return opener.open(f.path());
        }
        if (source instanceof SlideSource.Pixels p) {
            return ImgSlide.of(p.image(), p.name(), p.micronsPerPixel());
        }
        return new ImageJSlideBackend().wrap(((SlideSource.Image) source).image());
    }

    /**
     * Writes into {@code <folder>/<slide stem>/}: XML gives the ImageScope circles and mask outlines, CSV the
     * glomeruli table, ROISET the ImageJ ROI set.
     */
    @Override
    public List<Path> write(SlideResult result, Path folder, Set<ResultFormat> formats) throws IOException {
        Set<OutputFormat> out = EnumSet.noneOf(OutputFormat.class);
        if (formats.contains(ResultFormat.XML)) {
            out.add(OutputFormat.IMAGESCOPE_XML);
            out.add(OutputFormat.IMAGESCOPE_MASKS_XML);
        }
        if (formats.contains(ResultFormat.GEOJSON)) {
            out.add(OutputFormat.GEOJSON);
        }
        if (formats.contains(ResultFormat.CSV)) {
            out.add(OutputFormat.GLOMERULI_CSV);
        }
        List<SlideFileWriter> extra = formats.contains(ResultFormat.ROISET) ? List.of(new RoiSetZip()) : List.of();
        if (out.isEmpty() && extra.isEmpty()) {
            return List.of();
        }
        Path slideFolder = new ResultWriter(new OutputOptions(out, false, false), extra)
                .write(result, ResultWriter.SlideExtras.none(), folder, new CancellationToken());
        try (Stream<Path> files = Files.list(slideFolder)) {
            return files.sorted().toList();
        }
    }

    /** ImageScope XML ({@code .xml}), GeoJSON ({@code .geojson}, {@code .json}) or an ImageJ ROI set ({@code .zip}). */
    @Override
    public List<Circle> readAnnotations(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xml")) {
            return new ImageScopeReader().read(file).circles();
        }
        if (name.endsWith(".geojson") || name.endsWith(".json")) {
            return new GeoJson().read(file).stream().map(f -> f.region().toCircle()).flatMap(Optional::stream)
                    .toList();
        }
        if (name.endsWith(".zip")) {
            // A Glo-In-One ROI set holds each glomerulus' circle and its mask ("... mask"): circles only.
            return new RoiSetZip().read(file).stream().filter(e -> !RoiCircles.isMaskOutline(e.roi()))
                    .map(RoiSetZip.Entry::toCircle).flatMap(Optional::stream).toList();
        }
        throw new IOException(file.getFileName() + ": annotations must be ImageScope XML (.xml), GeoJSON "
                + "(.geojson, .json) or an ImageJ ROI set (.zip)");
    }

    @Override
    public List<ModelInfo> installedModels() throws IOException {
        return models.describe();
    }

    /** The whole slide resampled (area average) so that its longer side is at most {@code maxSide} pixels. */
    @Override
    public ImagePlus thumbnail(Path file, int maxSide) throws IOException {
        try (Slide slide = opener.open(file)) {
            SlideLevel level0 = slide.levels().get(0);
            double downsample = Math.max(1, (double) Math.max(level0.width(), level0.height()) / maxSide);
            int w = (int) Math.max(1, Math.round(level0.width() / downsample));
            int h = (int) Math.max(1, Math.round(level0.height() / downsample));
            int[] argb = slide.readScaled(0, 0, level0.width(), level0.height(), w, h).update(null)
                    .getCurrentStorageArray();
            ImagePlus image = new ImagePlus(file.getFileName() + String.format(Locale.ROOT, " (1/%.1f)", downsample),
                    new ColorProcessor(w, h, argb));
            OptionalDouble mpp = slide.micronsPerPixelX();
            if (mpp.isPresent()) {
                Calibration cal = image.getCalibration();
                cal.pixelWidth = mpp.getAsDouble() * downsample;
                cal.pixelHeight = slide.micronsPerPixelY().orElse(mpp.getAsDouble()) * downsample;
                cal.setUnit("micron");
            }
            SlideView.mark(image, file, downsample);
            return image;
        }
    }

    @Override
    public SlideImages images(Path file) throws IOException {
        Slide slide = opener.open(file);
        List<Img<ARGBType>> levels = new ArrayList<>();
        List<Double> downsamples = new ArrayList<>();
        for (int i = 0; i < slide.levels().size(); i++) {
            levels.add(LevelView.of(slide, i));
            downsamples.add(slide.levels().get(i).downsample());
        }
        OptionalDouble mpp = slide.micronsPerPixelX().isPresent() && slide.micronsPerPixelY().isPresent()
                ? OptionalDouble.of(slide.requireMicronsPerPixel()) : OptionalDouble.empty();
        return new SlideImages(String.valueOf(file.getFileName()), levels, downsamples, mpp, slide::close);
    }

    @Override
    public SlideGeometry geometry(SlideSource source) throws IOException {
        try (Slide slide = open(source)) {
            SlideLevel level0 = slide.levels().get(0);
            return new SlideGeometry(level0.width(), level0.height(), slide.micronsPerPixelX());
        }
    }
}
