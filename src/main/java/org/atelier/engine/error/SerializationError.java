package org.atelier.engine.error;

import java.util.Optional;

/** A fitted model could not be written or read back. */
public final class SerializationError extends GlmException {
    public SerializationError(String message, Throwable cause) {
        super(message, cause);
    }

    public SerializationError(String message) {
        super(message);
    }

    @Override
    public Optional<String> suggestion() {
        return Optional.of("Model serialization failed. This is an internal error — try re-fitting the model.");
    }
}
