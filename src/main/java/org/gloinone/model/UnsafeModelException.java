package org.gloinone.model;

/**
 * A SavedModel's graph holds an operation that can touch files, processes or the network. The message
 * names the operation and the node; the user may still load it with {@code --trust-model}.
 */
public class UnsafeModelException extends ModelException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception naming the refused operation. */
    public UnsafeModelException(String message) {
        super(message);
    }
}
