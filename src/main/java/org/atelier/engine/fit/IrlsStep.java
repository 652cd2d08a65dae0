package org.atelier.engine.fit;

/**
 * The part of an IRLS iteration that differs between kinds of fit: how the next coefficients come from the working
 * model (the working weights and residuals at the current η and μ, in {@link IrlsState}). Everything else (starting
 * values, step-halving, the convergence rule, cancellation, progress and the trace) is {@link Irls}'s, once.
 */
interface IrlsStep {

    /** The next β from the working model at {@code state}'s η and μ; a fresh array the driver may halve in place. */
    double[] propose(IrlsProblem problem, IrlsState state);

    /**
     * The penalty this step adds to the deviance at β (0 for maximum likelihood): IRLS halves and converges on
     * their sum. Read after {@link #propose}, so a penalty the step re-chose in this iteration applies to both the
     * old and the new β.
     */
    default double penalty(double[] beta) {
        return 0;
    }

    /**
     * The stage the monitor hears while {@link #propose} runs when that is work of its own (a λ search), or
     * {@link FitMonitor.Stage#ITERATING} when the step is just a solve.
     */
    default FitMonitor.Stage stage() {
        return FitMonitor.Stage.ITERATING;
    }

    /** The step's own work as a cancellation message says it ("the smoothing parameter search"). */
    default String work() {
        return "the step";
    }
}
