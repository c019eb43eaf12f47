package org.gloinone.model;

import java.util.Locale;

/** Where TensorFlow runs the networks. */
public enum Device {
    /** The GPU when CUDA natives and a GPU are present, else the CPU (with one log line). */
    AUTO,
    /** Always the CPU. */
    CPU,
    /** The GPU; fails when none is usable. */
    GPU;

    /** Parses {@code auto}, {@code cpu} or {@code gpu}, naming the option on error. */
    public static Device parse(String word) {
        try {
            return valueOf(word.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("device must be auto, cpu or gpu, got '" + word + "'", e);
        }
    }
}
