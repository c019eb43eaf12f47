package org.gloinone.model;

/** A model package is invalid, unsafe, or cannot run. The message names the file or tensor. */
public class ModelException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message for the user. */
    public ModelException(String message) {
        super(message);
    }

    /** Creates an exception with a message for the user and its cause. */
    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
