package org.atelier.engine.fit;

import java.util.List;
import org.atelier.engine.error.FittingError;

/**
 * The one IRLS driver every kind of fit runs, its step ({@link IrlsStep}) the only part that differs: weighted least
 * squares for maximum likelihood, a GCV-penalized solve for smooths, a sign-constrained solve for monotone effects,
 * an elastic-net solve for a penalized fit at one α (started from the intercept-only fit, {@link #runFrom}).
 * As R's {@code glm.fit}: starting values from the family's {@code mustart} (or a given η), convergence when
 * |F - F_old| / (|F| + 0.1) < tol for the objective F (the deviance plus the step's penalty), step-halving when μ
 * or η leaves the domain. Unlike glm.fit it also halves a step that raises the objective, and never keeps one; and
 * where glm.fit gives up because the very first step leaves the domain (e.g. binomial with a log link), it halves
 * from the intercept-only fit instead. Progress, cancellation and the iteration trace come from here for every step.
 */
final class Irls {
    private static final int MAX_HALVINGS = 60;

    private Irls() {
    }

    /**
     * Runs IRLS on {@code problem} with {@code step}, from {@code etaStart} (η with the offset, one value per row;
     * null for R's starting values). The result keeps the last iteration's working weights (computed before its
     * step), as glm.fit does for summary.glm.
     */
    static IrlsResult run(IrlsProblem problem, IrlsStep step, int maxIter, double tol, double[] etaStart,
                          FitMonitor monitor) {
        monitor.onStage(FitMonitor.Stage.ITERATING, maxIter);
        IrlsState s = new IrlsState(problem.rows());
        problem.start(etaStart, s.eta, s.mu);
        s.deviance = problem.deviance(s.eta, s.mu);
        if (Double.isNaN(s.deviance)) {
            throw new FittingError("Cannot find valid starting values for the " + problem.family().displayName()
                    + " family with the " + problem.link().id() + " link: the response is outside what the link can"
                    + " reach (e.g. y <= 0 with a log link)");
        }
        s.objective = s.deviance;
        return iterate(problem, step, s, maxIter, tol, monitor);
    }

    /**
     * Runs IRLS from the coefficients {@code betaStart}, a valid point (an intercept-only fit, say): unlike a start
     * from η, the first step is then one like any other, halved when it would raise the objective.
     */
    static IrlsResult runFrom(IrlsProblem problem, IrlsStep step, double[] betaStart, int maxIter, double tol,
                              FitMonitor monitor) {
        monitor.onStage(FitMonitor.Stage.ITERATING, maxIter);
        IrlsState s = new IrlsState(problem.rows());
        s.beta = betaStart.clone();
        s.deviance = problem.evaluate(s.beta, s.eta, s.mu);
        if (Double.isNaN(s.deviance)) {
            throw new FittingError("The starting coefficients put μ outside the " + problem.family().displayName()
                    + " domain with the " + problem.link().id() + " link");
        }
        s.objective = s.deviance + step.penalty(s.beta);
        return iterate(problem, step, s, maxIter, tol, monitor);
    }

    private static IrlsResult iterate(IrlsProblem problem, IrlsStep step, IrlsState s, int maxIter, double tol,
                                      FitMonitor monitor) {
        int n = problem.rows();
        // Candidate η and μ live in a second pair of buffers, swapped in when a step is kept (no per-step garbage).
        double[] newEta = new double[n];
        double[] newMu = new double[n];
        while (s.iteration < maxIter) {
            monitor.stopIfCancelled("after " + s.iteration + " iterations");
            s.iteration++;
            problem.workingWeights(s.eta, s.mu, s.w, s.u);
            double[] candidate = propose(problem, step, s, maxIter, monitor);
            double dev = problem.evaluate(candidate, newEta, newMu);
            if (s.beta == null && Double.isNaN(dev)) {
                restartFromInterceptOnly(problem, step, s, newEta, newMu);
            }
            // the old β under this iteration's penalty (a step may have re-chosen it): what a step must not exceed
            double old = s.beta == null ? Double.NaN : s.deviance + step.penalty(s.beta);
            double objective = dev + step.penalty(candidate);
            int halvings = 0;
            boolean keepOld = false;
            while (Double.isNaN(objective) || (s.beta != null && objective > old)) {
                if (!Double.isNaN(objective) && Math.abs(objective - old) / (Math.abs(objective) + 0.1) < tol) {
                    // A rise below the tolerance is rounding: converged, and the old coefficients stand.
                    keepOld = true;
                    break;
                }
                if (++halvings > MAX_HALVINGS) {
                    if (Double.isNaN(objective)) {
                        throw new FittingError("IRLS step-halving could not bring μ back into the "
                                + problem.family().displayName() + " domain (iteration " + s.iteration + ")");
                    }
                    keepOld = true;
                    break;
                }
                for (int j = 0; j < candidate.length; j++) {
                    candidate[j] = 0.5 * (candidate[j] + s.beta[j]);
                }
                dev = problem.evaluate(candidate, newEta, newMu);
                objective = dev + step.penalty(candidate);
            }
            if (keepOld) {
                objective = old;
            } else {
                s.beta = candidate;
                s.deviance = dev;
                double[] swap = s.eta;
                s.eta = newEta;
                newEta = swap;
                swap = s.mu;
                s.mu = newMu;
                newMu = swap;
            }
            double change = Math.abs(objective - s.objective) / (Math.abs(objective) + 0.1);
            s.objective = objective;
            IterationTrace trace = new IterationTrace(s.iteration, s.deviance, halvings, change);
            s.trace.add(trace);
            monitor.onIteration(trace);
            if (change < tol) {
                s.converged = true;
                break;
            }
        }
        return new IrlsResult(s.beta, s.eta, s.mu, s.deviance, s.iteration, s.converged, List.copyOf(s.trace), s.w);
    }

    /** The step's proposal, with the monitor told of the step's own stage (a λ search) while it runs. */
    private static double[] propose(IrlsProblem problem, IrlsStep step, IrlsState s, int maxIter, FitMonitor monitor) {
        FitMonitor.Stage own = step.stage();
        if (own == FitMonitor.Stage.ITERATING) {
            return step.propose(problem, s);
        }
        monitor.onStage(own, maxIter);
        double[] candidate = step.propose(problem, s);
        monitor.stopIfCancelled("in " + step.work() + " of iteration " + s.iteration);
        monitor.onStage(FitMonitor.Stage.ITERATING, maxIter);
        return candidate;
    }

    /**
     * R stops when the first step leaves the domain ("no valid set of coefficients"). The intercept-only fit is a
     * valid point for any family and link that can reach the mean, so the step is halved from there instead (as
     * glm2 does): it becomes the current β.
     */
    private static void restartFromInterceptOnly(IrlsProblem problem, IrlsStep step, IrlsState s, double[] eta,
                                                 double[] mu) {
        double[] start = problem.interceptOnly();
        double dev;
        if (start == null || Double.isNaN(dev = problem.evaluate(start, eta, mu))) {
            throw new FittingError("No valid set of coefficients found from the starting values: μ leaves the "
                    + problem.family().displayName() + " domain with the " + problem.link().id() + " link",
                    "Try the family's default link.");
        }
        s.beta = start;
        s.deviance = dev;
        s.objective = dev + step.penalty(start);
        System.arraycopy(eta, 0, s.eta, 0, eta.length);
        System.arraycopy(mu, 0, s.mu, 0, mu.length);
    }
}
