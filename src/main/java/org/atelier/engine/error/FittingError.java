package org.atelier.engine.error;

import java.util.Optional;

/** IRLS could not produce a fit: separation, invalid offsets, no valid starting values. */
public sealed class FittingError extends GlmException permits ConvergenceError {
    private final String suggestion;

    public FittingError(String message) {
        this(message, null);
    }

    /** With advice specific to this failure (e.g. regularization for separation) instead of the generic one. */
    public FittingError(String message, String suggestion) {
        super(message);
        this.suggestion = suggestion;
    }

    @Override
    public Optional<String> suggestion() {
        if (suggestion != null) {
            return Optional.of(suggestion);
        }
        return Optional.of("The model could not be fit. Check for perfect separation (binomial), zero exposure values, "
                + "or collinear terms. Try removing recently added terms.");
    }
}
