package org.atelier.engine.error;

import java.util.Optional;

/** IRLS ran out of iterations before the deviance settled. */
public final class ConvergenceError extends FittingError {
    public ConvergenceError(String message) {
        super(message);
    }

    @Override
    public Optional<String> suggestion() {
        return Optional.of("Try increasing max_iter to 50+, loosening tol (e.g., 1e-6), or simplifying the model "
                + "(remove terms with many levels or high-df splines).");
    }
}
