package org.atelier.engine.error;

import java.util.Optional;

/** The model specification is invalid on its own or against the data (family/link, df, response range). */
public final class ValidationError extends GlmException {
    public ValidationError(String message) {
        super(message);
    }

    @Override
    public Optional<String> suggestion() {
        return Optional.of("Invalid model specification. Check that family/link combination is valid, column names "
                + "match the dataset, and spline df > 0.");
    }
}
