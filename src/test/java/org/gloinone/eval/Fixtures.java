package org.gloinone.eval;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The fixture datasets under src/test/resources/org/gloinone/eval (see the README there). */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path crops() {
        return resource("crops");
    }

    public static Path tiles() {
        return resource("tiles");
    }

    private static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource(name + "/").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
