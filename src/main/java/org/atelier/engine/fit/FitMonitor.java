package org.atelier.engine.fit;

import org.atelier.engine.error.CancelledError;

/**
 * Progress and cancellation hook for a running fit, called on the fitting thread (keep it cheap). Every kind of fit
 * says which {@link Stage} it is in and reports its progress in its own terms: IRLS iterations (plain, smoothed,
 * sign-constrained, or a penalized fit's Newton steps at a fixed α) through {@link #onIteration}, a cross-validated
 * path's α steps and fold fits through {@link #onPathStep}. {@link #isCancelled} is polled at least once per
 * iteration or α step and, when true, the fit stops with a {@link CancelledError}. Interrupting the fitting thread
 * has the same effect.
 */
public interface FitMonitor {
    FitMonitor NONE = new FitMonitor() {
    };

    /** What a fit is doing: the stages of its run, in the order they can come. */
    enum Stage {
        /** Encodings learned, design columns built (and, on a CV path, every fold's re-learned columns). */
        BUILDING_DESIGN,
        /** IRLS iterations (or a penalized fit's Newton steps at a fixed α). */
        ITERATING,
        /** A penalized smooth's λ chosen by GCV within an iteration. */
        LAMBDA_SEARCH,
        /** The α path on the full data and every fold, with the folds' held-out deviances. */
        CV_PATH,
        /** The chosen α's model re-solved to the returned accuracy. */
        FINAL_REFIT
    }

    /**
     * The fit enters {@code stage}; {@code limit} is the iteration limit when iterating or searching λ, the number of
     * α values on a CV path, and 0 otherwise.
     */
    default void onStage(Stage stage, int limit) {
    }

    default void onIteration(IterationTrace trace) {
    }

    /**
     * On a CV path: α step {@code alpha} of {@code alphas} (from 1), where {@code fold} of the {@code folds} fold fits
     * are done (0: the full data's fit at this α is done, the folds' are running).
     */
    default void onPathStep(int alpha, int alphas, int fold, int folds) {
    }

    default boolean isCancelled() {
        return false;
    }

    /** Stops the fit with a {@link CancelledError} ("Fit cancelled " + {@code where}) if it was cancelled or interrupted. */
    default void stopIfCancelled(String where) {
        if (isCancelled() || Thread.currentThread().isInterrupted()) {
            throw new CancelledError("Fit cancelled " + where);
        }
    }
}
