package org.atelier.engine.error;

import java.util.Optional;

/** The data cannot be turned into a usable design matrix: unknown, missing, constant or aliased columns. */
public final class DesignMatrixError extends GlmException {
    private final String suggestion;

    public DesignMatrixError(String message) {
        this(message, null);
    }

    /** With advice specific to this failure (e.g. which of two aliased factors to drop) instead of the generic one. */
    public DesignMatrixError(String message, String suggestion) {
        super(message);
        this.suggestion = suggestion;
    }

    @Override
    public Optional<String> suggestion() {
        if (suggestion != null) {
            return Optional.of(suggestion);
        }
        return Optional.of("Check that all factor columns exist in the dataset, categorical levels are consistent, "
                + "and there are no all-missing columns. Remove factors with zero variance.");
    }
}
