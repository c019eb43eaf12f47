package org.gloinone.slide.tiff;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Paths of the small slide files kept in the test resources. */
final class Fixtures {
    private Fixtures() {
    }

    static Path slide(String name) {
        URL url = Fixtures.class.getResource("/slides/" + name);
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
