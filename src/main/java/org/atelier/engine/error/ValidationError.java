package org.atelier.engine.error;

import java.util.Optional;

/** The model specification is invalid on its own or against the data (family/link, df, response range). */
public final class ValidationError extends GlmException {
    private final String suggestion;

    public ValidationError(String message) {
        this(message, null);
    }

    /** With advice for this very mistake; null for the general one. */
    public ValidationError(String message, String suggestion) {
        super(message);
        this.suggestion = suggestion;
    }

    @Override
    public Optional<String> suggestion() {
        return Optional.of(suggestion != null ? suggestion : "Invalid model specification. Check that family/link "
                + "combination is valid, column names match the dataset, and spline df > 0.");
    }
}
