package org.gloinone.model;

import java.util.Locale;

/** What a model package does in the pipeline. */
public enum Task {
    DETECT, CLASSIFY, SEGMENT;

    /** The lower-case word used in rdf.yaml and on the command line. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
