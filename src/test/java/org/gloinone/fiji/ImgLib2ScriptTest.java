package org.gloinone.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import ij.ImagePlus;
import ij.process.ColorProcessor;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandService;
import org.scijava.module.Module;

import org.gloinone.fiji.engine.PipelineService;
import org.gloinone.model.ModelFinder;
import org.gloinone.pipeline.SlideResult;

/**
 * What the README's Groovy script does, in a headless SciJava context with the real engine and the bundled
 * models: open the sample's levels as lazy ImgLib2 images, hand level 0 (as ARGB, then as three 8-bit channels)
 * with its pixel size to All-in-One, and read back the instance label image.
 */
class ImgLib2ScriptTest {
    private static Context context;
    private static CommandService command;
    private static String oldHome;

    @BeforeAll
    static void start() {
        oldHome = System.getProperty(ModelFinder.HOME_PROPERTY);
        System.setProperty(ModelFinder.HOME_PROPERTY, ".");
        context = new Context(CommandService.class);
        command = context.service(CommandService.class);
    }

    @AfterAll
    static void stop() {
        context.dispose();
        if (oldHome == null) {
            System.clearProperty(ModelFinder.HOME_PROPERTY);
        } else {
            System.setProperty(ModelFinder.HOME_PROPERTY, oldHome);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void allInOneOnALazySlideLevelGivesTheSlidesGlomeruliAndALabelImage() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("models", "detector")), "the bundled models are absent");
        GloInOneService glo = new PipelineService();
        Path sample = Path.of("samples", "kidney-pas-mosaic.tif");
        try (SlideImages slide = glo.images(sample)) {
            Img<ARGBType> level0 = slide.levels().get(0);
            assertEquals(4096, level0.dimension(0));
            assertEquals(3072, level0.dimension(1));
            assertEquals(4.0, slide.downsamples().get(2), 1e-9);
            double mpp = slide.micronsPerPixel().getAsDouble();

            Module argb = command.run(AllInOneCommand.class, true, "pixels", level0, "pixelSize", mpp,
                    "labelDownsample", 4.0, "threads", 2, "device", "cpu", "service", glo).get();
            SlideResult result = (SlideResult) argb.getOutput("result");
            // The same level-0 pixels as an ImageJ image with the same calibration: one level, no pyramid.
            ImagePlus copy = new ImagePlus("level 0", new ColorProcessor(4096, 3072,
                    pixels(level0)));
            copy.getCalibration().pixelWidth = mpp;
            copy.getCalibration().pixelHeight = mpp;
            copy.getCalibration().setUnit("micron");
            Module imagej = command.run(AllInOneCommand.class, true, "image", copy, "threads", 2, "device", "cpu",
                    "service", glo).get();
            assertEquals(circles((SlideResult) imagej.getOutput("result")), circles(result),
                    "an ImgLib2 image gives what the same pixels give as an ImageJ image");
            assertEquals(result.glomeruli().size(), argb.getOutput("count"));
            Img<UnsignedShortType> labels = (Img<UnsignedShortType>) argb.getOutput("labels");
            assertEquals(1024, labels.dimension(0));
            assertEquals(768, labels.dimension(1));
            Set<Integer> ids = new TreeSet<>();
            result.glomeruli().forEach(g -> ids.add(g.id()));
            Set<Integer> labelled = new TreeSet<>();
            for (UnsignedShortType v : labels) {
                if (v.get() > 0) {
                    labelled.add(v.get());
                }
            }
            assertEquals(ids, labelled, "every glomerulus, and nothing else, is labelled by its id");

            // X, Y, C with C = R, G, B
            RandomAccessibleInterval<UnsignedByteType> channels = Converters.argbChannels(level0, 1, 2, 3);
            Module rgb = command.run(AllInOneCommand.class, true, "pixels", channels, "pixelSize", mpp,
                    "threads", 2, "device", "cpu", "service", glo).get();
            assertEquals(circles(result), circles((SlideResult) rgb.getOutput("result")),
                    "the same pixels as three 8-bit channels give the same glomeruli");
        }
    }

    private static java.util.List<String> circles(SlideResult r) {
        return r.glomeruli().stream().map(g -> g.id() + ":" + g.detection().circle() + ":" + g.className()).toList();
    }

    private static int[] pixels(Img<ARGBType> level) {
        int[] argb = new int[(int) (level.dimension(0) * level.dimension(1))];
        net.imglib2.Cursor<ARGBType> c = Views.flatIterable(level).cursor();
        for (int i = 0; c.hasNext(); i++) {
            argb[i] = c.next().get();
        }
        return argb;
    }
}
