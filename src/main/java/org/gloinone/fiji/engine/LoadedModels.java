package org.gloinone.fiji.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.gloinone.pipeline.PipelineModels;

/**
 * Networks loaded for one run, and what must be closed after it (predictors, unpacked packages).
 *
 * @param models  the networks per stage
 * @param closers closed in reverse order by {@link #close()}
 */
public record LoadedModels(PipelineModels models, List<AutoCloseable> closers) implements AutoCloseable {
    public LoadedModels {
        Objects.requireNonNull(models, "models");
        closers = List.copyOf(closers);
    }

    /** Closes everything, the last opened first; the first failure is thrown with the others suppressed. */
    @Override
    public void close() throws IOException {
        Exception first = null;
        List<AutoCloseable> reversed = new ArrayList<>(closers);
        Collections.reverse(reversed);
        for (AutoCloseable c : reversed) {
            try {
                c.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first instanceof IOException io) {
            throw io;
        }
        if (first != null) {
            throw new IOException("closing the models failed: " + first.getMessage(), first);
        }
    }
}
