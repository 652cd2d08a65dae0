package org.atelier.engine.error;

import java.util.Optional;

/**
 * Root of the engine's errors (convergence, design matrix, fitting, encoding and validation errors, as rustystats
 * names them). The message is one line naming the culprit
 * (a column, a feature, a level); the suggestion is the advice shown under it.
 */
public abstract sealed class GlmException extends RuntimeException
        permits DesignMatrixError, FittingError, PredictionError, ValidationError, SerializationError, CancelledError {

    protected GlmException(String message) {
        super(message);
    }

    protected GlmException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The error type as the UI and the headless command print it, e.g. {@code DesignMatrixError}. */
    public String type() {
        return getClass().getSimpleName();
    }

    /** Advice for the user, per kind of error; empty when there is nothing useful to add. */
    public Optional<String> suggestion() {
        return Optional.empty();
    }

    /** {@code Type: message} on one line, the form the headless command writes to stderr. */
    public String oneLine() {
        return type() + ": " + getMessage().replace('\n', ' ');
    }
}
