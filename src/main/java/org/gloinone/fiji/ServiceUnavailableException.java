package org.gloinone.fiji;

/** No usable {@link GloInOneService} is installed; the message says what to do. */
public class ServiceUnavailableException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** @param message what is missing and how to fix it */
    public ServiceUnavailableException(String message) {
        super(message);
    }
}
