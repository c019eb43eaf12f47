package org.gloinone.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.gloinone.pipeline.PipelineFixtures;
import org.gloinone.slide.Slide;
import org.gloinone.slide.SlideBackend;
import org.gloinone.slide.SlideOpener;

/**
 * Small files of any name that open as the pipeline tests' generated slide (six glomeruli and a blob), so the
 * slide job's naming, resume and summary can be tested with the small real networks in seconds. A file whose
 * text is "broken" fails to open.
 */
final class GeneratedSlideFiles implements SlideBackend {
    private GeneratedSlideFiles() {
    }

    /** An opener that reads every file as the generated slide. */
    static SlideOpener opener() {
        return new SlideOpener(List.of(new GeneratedSlideFiles()));
    }

    /** Writes a slide file whose content (and so fingerprint) is its own name. */
    static Path create(Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        return Files.writeString(folder.resolve(name), "generated slide " + name);
    }

    @Override
    public String name() {
        return "generated";
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public boolean recognises(Path file, byte[] header) {
        return true;
    }

    @Override
    public Set<String> extensions() {
        return Set.of();
    }

    @Override
    public Slide open(Path file) throws IOException {
        if (Files.readString(file).equals("broken")) {
            throw new IOException(file.getFileName() + ": not a slide");
        }
        return PipelineFixtures.slide();
    }
}
