package org.gloinone.pipeline;

/**
 * Identifies a model used for a result, for reproducibility and for {@code --resume}: the same name and version
 * with other weights, or with other settings in rdf.yaml (thresholds, a stain reference, a coarse-slide
 * correction), is another model.
 *
 * @param task      detect, classify or segment
 * @param name      model name
 * @param version   model version
 * @param sha256    sha256 of the weights
 * @param rdfSha256 sha256 of the package's rdf.yaml as read ("" for a network built in memory)
 */
public record ModelInfo(String task, String name, String version, String sha256, String rdfSha256) {
    /** A network built in memory, which has no rdf.yaml. */
    public ModelInfo(String task, String name, String version, String sha256) {
        this(task, name, version, sha256, "");
    }
}
