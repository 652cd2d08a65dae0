package org.atelier.engine.error;

import java.util.Optional;

/** New data does not fit the trained model: missing columns, unseen levels, invalid values. */
public final class PredictionError extends GlmException {
    public PredictionError(String message) {
        super(message);
    }

    @Override
    public Optional<String> suggestion() {
        return Optional.of("Prediction failed. Ensure new data has the same columns and factor levels as training data.");
    }
}
