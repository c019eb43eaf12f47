package org.gloinone.spark;

import java.io.Serializable;
import java.util.Objects;

/**
 * One slide of a cohort as the driver found it.
 *
 * @param uri  the slide file as a fully qualified Hadoop FileSystem URI ({@code file:/...}, {@code hdfs://...})
 * @param name the slide's file name, which names its result folder
 */
public record SlideSource(String uri, String name) implements Serializable {
    private static final long serialVersionUID = 1L;

    public SlideSource {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(name, "name");
    }
}
