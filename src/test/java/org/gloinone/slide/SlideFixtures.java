package org.gloinone.slide;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Paths of the real slide files copied into the test resources ({@code slides/README.md} gives their sources). */
public final class SlideFixtures {
    private SlideFixtures() {
    }

    /** The fixture {@code slides/<name>}. */
    public static Path slide(String name) {
        URL url = SlideFixtures.class.getResource("/slides/" + name);
        if (url == null) {
            throw new IllegalStateException("test resource slides/" + name + " is missing");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
