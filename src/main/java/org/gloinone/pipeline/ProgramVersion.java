package org.gloinone.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The program's own version, as stamped by the build. */
public final class ProgramVersion {
    private ProgramVersion() {
    }

    /** The version of Glo-In-One for Fiji, e.g. {@code 0.1.0}. */
    public static String get() {
        try (InputStream in = ProgramVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the build");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
