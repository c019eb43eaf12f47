package org.gloinone.fiji;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.measure.ResultsTable;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.integer.UnsignedShortType;

import org.scijava.ItemIO;
import org.scijava.ItemVisibility;
import org.scijava.app.StatusService;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;

import org.gloinone.io.OutputFormat;
import org.gloinone.progress.CancellationToken;
import org.gloinone.progress.ProgressListener;
import org.gloinone.pipeline.SlideResult;

/**
 * The shared parameters and outputs of the SciJava commands that run a stage from scripts
 * ({@code CommandService}) and headless Fiji ({@code --headless --run}). The commands have no menu path: the
 * ImageJ 1 plugins own the menu entries. The image is a slide file, else an ImgLib2 image with its pixel size,
 * else an ImagePlus. They touch no window; they return the result, both tables, the ROIs (in level-0 pixels)
 * and an instance label image (glomerulus id per pixel) and, given an output folder, write the files. Inputs are not persisted: a script
 * gets the same defaults every time, whatever an earlier run used.
 */
public abstract class StageCommand extends ContextCommand {

    @Parameter(persist = false, label = "Slide file", description = "empty = the image parameter", required = false)
    protected File slide;

    @Parameter(persist = false, label = "Image", description = "an open image, used when no slide file is given", required = false)
    protected ImagePlus image;

    // Never filled from the active image: only a script or plugin hands pixels in, with their pixel size.
    @Parameter(persist = false, autoFill = false, label = "ImgLib2 image", description = "RGB as ARGBType (X, Y) or UnsignedByteType "
            + "(X, Y, C with 3 channels); used when no slide file is given", required = false)
    protected RandomAccessibleInterval<?> pixels;

    @Parameter(persist = false, label = "Pixel size (um)", description = "of the ImgLib2 image; 0 = unknown",
            min = "0", required = false)
    protected double pixelSize = 0;

    @Parameter(persist = false, label = "Label image downsample", description = "level-0 pixels per label pixel; "
            + "0 = automatic (1 for images, a longer side of at most 4096 for slide files)", min = "0", required = false)
    protected double labelDownsample = 0;

    @Parameter(persist = false, label = "Output folder", description = "empty = no files", required = false,
            style = "directory")
    protected File output;

    // Text, not a number: SciJava fills an empty number input with 0, which would hide the model's default.
    @Parameter(persist = false, label = "Score threshold", description = "0 to 1; empty = the detector's default",
            required = false)
    protected String score = "";

    @Parameter(persist = false, label = "NMS IoU", description = "0 to 1; empty = the detector's default",
            required = false)
    protected String nmsIou = "";

    @Parameter(persist = false, label = "Threads", min = "1", max = "256", required = false)
    protected int threads = Math.min(256, Runtime.getRuntime().availableProcessors());

    @Parameter(persist = false, label = "Device", choices = {"auto", "cpu", "gpu"}, required = false)
    protected String device = "auto";

    @Parameter(persist = false, label = "Tissue mask", required = false)
    protected boolean tissueMask = true;

    @Parameter(persist = false, label = "Minimum tissue fraction", min = "0", max = "1", required = false)
    protected double minTissue = 0.01;

    @Parameter(persist = false, label = "Formats", description = "xml, geojson, csv, rois, overlay", required = false)
    protected String formats = "xml,geojson,csv,rois,overlay";

    @Parameter(persist = false, label = "Write tables", description = "also save both tables as CSV", required = false)
    protected boolean tables = true;

    @Parameter(persist = false, label = "Mask outlines as ROIs", required = false)
    protected boolean outlines = false;

    /** The facade; empty = the installed one ({@link GloInOneServices#load()}). Scripts and tests may pass one. */
    @Parameter(required = false, persist = false, visibility = ItemVisibility.INVISIBLE)
    protected GloInOneService service;

    @Parameter(required = false)
    private StatusService status;

    @Parameter(type = ItemIO.OUTPUT, label = "Result")
    protected SlideResult result;

    @Parameter(type = ItemIO.OUTPUT, label = ImageJTables.GLOMERULI)
    protected ResultsTable glomeruli;

    @Parameter(type = ItemIO.OUTPUT, label = ImageJTables.SUMMARY)
    protected ResultsTable summary;

    @Parameter(type = ItemIO.OUTPUT, label = "ROIs")
    protected Roi[] rois;

    @Parameter(type = ItemIO.OUTPUT, label = "Glomeruli")
    protected int count;

    @Parameter(type = ItemIO.OUTPUT, label = "Instance labels")
    protected Img<UnsignedShortType> labels;

    private final CancellationToken token = new CancellationToken();

    /** The stage this command runs. */
    protected abstract Stage stage();

    /** An annotation file with the circles (Classify, Segment); empty otherwise. */
    protected Optional<Path> annotations() {
        return Optional.empty();
    }

    /** ROIs whose circles are classified or segmented (Classify, Segment); empty otherwise. */
    protected List<Roi> inputRois() {
        return List.of();
    }

    @Override
    public void run() {
        try {
            runStage();
        } catch (IllegalArgumentException | ServiceUnavailableException | UncheckedIOException e) {
            throw CommandRefusal.of(e);
        }
    }

    private void runStage() {
        StageOptions options = new StageOptions(stage(), Optional.ofNullable(slide).map(File::toPath), annotations(),
                Optional.ofNullable(output).map(File::toPath), optional(StageOptions.SCORE, score),
                optional(StageOptions.NMS_IOU, nmsIou), threads,
                StageOptions.device(device), tissueMask, minTissue, OutputFormat.parseList(formats), false,
                outlines, false, tables);
        GloInOneService facade = service != null ? service : GloInOneServices.load();
        ProgressListener progress = status == null ? ProgressListener.SILENT
                : (fraction, message) -> status.showStatus((int) Math.round(fraction * 1000), 1000, message);
        try {
            StageRunner runner = new StageRunner(facade);
            List<Roi> given = inputRois();
            StageOutcome outcome = slide == null && pixels != null
                    ? runner.run(options, new SlideView(new SlideSource.Pixels(pixels, "image",
                    pixelSize > 0 ? OptionalDouble.of(pixelSize) : OptionalDouble.empty()), 1), given,
                    RoiReview.highestIssued(given, Optional.empty()), progress, token)
                    : runner.run(options, Optional.ofNullable(image), given, progress, token);
            result = outcome.result();
            glomeruli = outcome.glomeruli();
            summary = outcome.summary();
            rois = GlomerulusRois.of(result, 1, outlines).toArray(Roi[]::new);
            count = result.glomeruli().size();
            labels = InstanceLabels.of(result, labelDownsample > 0 ? labelDownsample
                    : automaticDownsample(outcome.view().source(), result));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 1 for images; for slide files the smallest whole downsample that keeps the longer side at 4096 or less. */
    static double automaticDownsample(SlideSource source, SlideResult result) {
        if (!(source instanceof SlideSource.File)) {
            return 1;
        }
        long side = Math.max(result.slide().width(), result.slide().height());
        return Math.max(1, Math.ceil(side / 4096.0));
    }

    /** Also stops a run in progress. */
    @Override
    public void cancel(String reason) {
        super.cancel(reason);
        token.cancel();
    }

    private static OptionalDouble optional(String key, String value) {
        return new StageOptions.MacroText(value == null || value.isBlank() ? "" : key + "=[" + value + "]")
                .optionalNumber(key);
    }
}
