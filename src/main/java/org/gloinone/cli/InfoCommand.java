package org.gloinone.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import org.gloinone.slide.Slide;
import org.gloinone.slide.SlideLevel;
import org.gloinone.slide.SlideOpener;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code glo-in-one info SLIDE}: the slide's backend, format, pyramid and pixel size as one JSON object. */
@Command(name = "info",
        description = "Print what a slide file contains (backend, format, levels, um/px, magnification, "
                + "associated images) as one JSON object.",
        mixinStandardHelpOptions = true,
        showDefaultValues = true)
public final class InfoCommand implements Callable<Integer> {
    /** Exit status for a file that cannot be opened. */
    static final int BAD_INPUT = 2;

    @Parameters(index = "0", paramLabel = "SLIDE", description = "The slide file (SVS, TIFF, NDPI, MRXS, PNG, JPEG, ...).")
    private Path slide;

    @Option(names = "--explain", defaultValue = "false",
            description = "Also print on stderr which backends were considered and why.")
    private boolean explain;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private final SlideOpener opener;

    /** The command over the default backends. */
    public InfoCommand() {
        this(SlideOpener.withDefaultBackends());
    }

    /** The command over the given opener. */
    InfoCommand(SlideOpener opener) {
        this.opener = opener;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (explain) {
                err.println("backend choice for " + slide.getFileName() + ": " + opener.choose(slide).describe());
            }
            try (Slide s = opener.open(slide)) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(describe(s)));
                out.flush();
                return 0;
            }
        } catch (IOException e) {
            err.println("glo-in-one info: " + e.getMessage());
            err.flush();
            return BAD_INPUT;
        }
    }

    /** The JSON object describing an open slide. */
    static ObjectNode describe(Slide slide) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode json = mapper.createObjectNode();
        json.put("path", slide.path().toString());
        json.put("backend", slide.backendName());
        json.put("format", slide.formatName());
        ArrayNode levels = json.putArray("levels");
        for (SlideLevel level : slide.levels()) {
            ObjectNode l = levels.addObject();
            l.put("width", level.width());
            l.put("height", level.height());
            l.put("downsample", level.downsample());
        }
        putOptional(json, "mppX", slide.micronsPerPixelX());
        putOptional(json, "mppY", slide.micronsPerPixelY());
        putOptional(json, "magnification", slide.objectiveMagnification());
        ArrayNode associated = json.putArray("associated");
        new TreeSet<>(slide.associatedImageNames()).forEach(associated::add);
        return json;
    }

    private static void putOptional(ObjectNode json, String name, OptionalDouble value) {
        if (value.isPresent()) {
            json.put(name, value.getAsDouble());
        } else {
            json.putNull(name);
        }
    }
}
