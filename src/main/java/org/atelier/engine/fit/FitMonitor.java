package org.atelier.engine.fit;

/**
 * Progress and cancellation hook for a running fit. {@link #onIteration} is called on the fitting thread after each
 * IRLS iteration (keep it cheap); {@link #isCancelled} is polled between iterations and, when true, the fit stops
 * with a {@link org.atelier.engine.error.CancelledError}. Interrupting the fitting thread has the same effect.
 */
public interface FitMonitor {
    FitMonitor NONE = new FitMonitor() {
    };

    default void onIteration(IterationTrace trace) {
    }

    default boolean isCancelled() {
        return false;
    }
}
