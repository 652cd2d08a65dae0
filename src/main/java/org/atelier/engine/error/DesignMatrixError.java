package org.atelier.engine.error;

import java.util.Optional;

/** The data cannot be turned into a usable design matrix: unknown, missing, constant or aliased columns. */
public final class DesignMatrixError extends GlmException {
    public DesignMatrixError(String message) {
        super(message);
    }

    @Override
    public Optional<String> suggestion() {
        return Optional.of("Check that all factor columns exist in the dataset, categorical levels are consistent, "
                + "and there are no all-missing columns. Remove factors with zero variance.");
    }
}
