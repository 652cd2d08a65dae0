package org.atelier.engine.fit;

import java.util.ArrayList;
import java.util.List;
import org.atelier.engine.design.Aliasing;
import org.atelier.engine.design.DesignMatrix;
import org.atelier.engine.error.DesignMatrixError;
import org.atelier.engine.error.FittingError;
import org.atelier.engine.family.Family;
import org.atelier.engine.family.Link;
import org.atelier.engine.design.NormalEquations;
import org.atelier.engine.linalg.LinearAlgebra;

/**
 * Iteratively reweighted least squares as R's {@code glm.fit}: starting values from the family's {@code mustart},
 * convergence when |dev - dev_old| / (|dev| + 0.1) < tol, step-halving when μ or η leaves the domain. Unlike glm.fit
 * it also halves a step that raises the deviance, and never keeps one; and where glm.fit gives up because the very
 * first step leaves the domain (e.g. binomial with a log link), it halves from the intercept-only fit instead.
 *
 * <p>After the first iteration each step is solved in increment form, Δβ = (X'WX)⁻¹ X'W(z - Xβ), with
 * W(z - Xβ) = w·μ'(η)·(y - μ)/V(μ) computed directly: the right-hand side is then an exact gradient, so rounding in
 * the solve does not accumulate (a free iterative refinement, which keeps 1e-10 tolerances reachable).
 */
final class Irls {
    private static final int MAX_HALVINGS = 60;

    private final DesignMatrix x;
    private final double[] y;
    private final double[] prior;
    private final double[] offset;
    private final Family family;
    private final Link link;
    private final LinearAlgebra kernel;
    private final List<String> features;

    Irls(DesignMatrix x, double[] y, double[] prior, double[] offset, Family family, Link link, LinearAlgebra kernel) {
        this.x = x;
        this.y = y;
        this.prior = prior;
        this.offset = offset;
        this.family = family;
        this.link = link;
        this.kernel = kernel;
        this.features = x.featureNames();
    }

    IrlsResult run(int maxIter, double tol, double[] etaStart, FitMonitor monitor) {
        monitor.onStage(FitMonitor.Stage.ITERATING, maxIter);
        int n = y.length;
        int p = x.columns();
        final double[] eta0 = new double[n];
        final double[] mu0 = new double[n];
        if (etaStart == null) {
            DesignMatrix.forChunks(n, (c, from, to) -> {
                for (int i = from; i < to; i++) {
                    mu0[i] = family.startMu(y[i], prior[i]);
                    eta0[i] = link.link(mu0[i]);
                }
            });
        } else {
            System.arraycopy(etaStart, 0, eta0, 0, n);
            DesignMatrix.forChunks(n, (c, from, to) -> {
                for (int i = from; i < to; i++) {
                    mu0[i] = link.inverse(eta0[i]);
                }
            });
        }
        double[] eta = eta0;
        double[] mu = mu0;
        double devOld = deviance(eta, mu);
        if (Double.isNaN(devOld)) {
            throw new FittingError("Cannot find valid starting values for the " + family.displayName() + " family with the "
                    + link.id() + " link: the response is outside what the link can reach (e.g. y <= 0 with a log link)");
        }
        double[] w = new double[n];
        double[] u = new double[n];
        double[] beta = null;
        NormalEquations equations = null;
        // Candidate η and μ live in a second pair of buffers, swapped in when a step is kept (no per-step garbage).
        double[] newEta = new double[n];
        double[] newMu = new double[n];
        double[] v = new double[n];
        List<IterationTrace> trace = new ArrayList<>();
        boolean converged = false;
        int iter = 0;
        double dev = devOld;
        while (iter < maxIter) {
            monitor.stopIfCancelled("after " + iter + " iterations");
            iter++;
            workingWeights(eta, mu, w, u);
            equations = x.normalEquations(w, kernel);
            NormalEquations chol = equations;
            if (!chol.isFullRank()) {
                throw aliased(chol.aliased(), chol.gram());
            }
            double[] candidate;
            if (beta == null) {
                // First step: full solve of X'WX β = X'Wz with z = η - offset + (y - μ)/μ'(η)
                final double[] etaNow = eta;
                DesignMatrix.forChunks(n, (c, from, to) -> {
                    for (int i = from; i < to; i++) {
                        v[i] = w[i] * (etaNow[i] - (offset == null ? 0 : offset[i])) + u[i];
                    }
                });
                candidate = chol.solve(x.transposeTimes(v, kernel));
            } else {
                double[] step = chol.solve(x.transposeTimes(u, kernel));
                candidate = new double[p];
                for (int j = 0; j < p; j++) {
                    candidate[j] = beta[j] + step[j];
                }
            }
            dev = evaluate(candidate, newEta, newMu);
            int halvings = 0;
            boolean keepOld = false;
            if (beta == null && Double.isNaN(dev)) {
                // R stops here ("no valid set of coefficients"). The intercept-only fit is a valid point for any
                // family and link that can reach the mean, so halve from there instead (as glm2 does).
                beta = interceptOnlyStart(p);
                if (beta == null || Double.isNaN(devOld = evaluate(beta, newEta, newMu))) {
                    throw new FittingError("No valid set of coefficients found from the starting values: μ leaves the "
                            + family.displayName() + " domain with the " + link.id() + " link",
                            "Try the family's default link.");
                }
                System.arraycopy(newEta, 0, eta, 0, n);
                System.arraycopy(newMu, 0, mu, 0, n);
            }
            while (Double.isNaN(dev) || (beta != null && dev > devOld)) {
                if (!Double.isNaN(dev) && Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < tol) {
                    // A rise below the tolerance is rounding: converged, and the old coefficients stand.
                    keepOld = true;
                    break;
                }
                if (++halvings > MAX_HALVINGS) {
                    if (Double.isNaN(dev)) {
                        throw new FittingError("IRLS step-halving could not bring μ back into the " + family.displayName()
                                + " domain (iteration " + iter + ")");
                    }
                    keepOld = true;
                    break;
                }
                for (int j = 0; j < p; j++) {
                    candidate[j] = 0.5 * (candidate[j] + beta[j]);
                }
                dev = evaluate(candidate, newEta, newMu);
            }
            if (keepOld) {
                dev = devOld;
            } else {
                beta = candidate;
                double[] swap = eta;
                eta = newEta;
                newEta = swap;
                swap = mu;
                mu = newMu;
                newMu = swap;
            }
            double change = Math.abs(dev - devOld) / (Math.abs(dev) + 0.1);
            IterationTrace step = new IterationTrace(iter, dev, halvings, change);
            trace.add(step);
            monitor.onIteration(step);
            devOld = dev;
            if (change < tol) {
                converged = true;
                break;
            }
        }
        // As glm.fit, the result keeps the last iteration's working weights and X'WX (computed before its step):
        // summary.glm's dispersion and covariance are built from those, and matching R means doing the same.
        return new IrlsResult(beta, eta, mu, dev, iter, converged, List.copyOf(trace), equations, w);
    }

    /** β = (g(weighted mean of y) - weighted mean of the offset, 0, ..., 0) when column 0 is the intercept. */
    private double[] interceptOnlyStart(int p) {
        if (features.isEmpty() || !features.getFirst().equals("Intercept")) {
            return null;
        }
        double sw = 0, swy = 0, swo = 0;
        for (int i = 0; i < y.length; i++) {
            sw += prior[i];
            swy += prior[i] * y[i];
            swo += offset == null ? 0 : prior[i] * offset[i];
        }
        double[] start = new double[p];
        start[0] = link.link(swy / sw) - swo / sw;
        return Double.isFinite(start[0]) ? start : null;
    }

    /** W = w μ'(η)² / V(μ) and u = w μ'(η) (y - μ) / V(μ); rows with zero prior weight drop out. */
    private void workingWeights(double[] eta, double[] mu, double[] w, double[] u) {
        DesignMatrix.forChunks(y.length, (c, from, to) -> {
            for (int i = from; i < to; i++) {
                double pw = prior[i];
                if (pw > 0) {
                    double me = link.muEta(eta[i]);
                    double v = family.variance(mu[i]);
                    w[i] = pw * me * me / v;
                    u[i] = pw * me * (y[i] - mu[i]) / v;
                } else {
                    w[i] = 0;
                    u[i] = 0;
                }
            }
        });
    }

    /** η, μ and the deviance at β; NaN when η or μ leaves the domain or the deviance is not finite. */
    private double evaluate(double[] beta, double[] eta, double[] mu) {
        x.times(beta, offset, eta);
        for (double b : beta) {
            if (!Double.isFinite(b)) {
                return Double.NaN;
            }
        }
        return deviance(eta, mu, true);
    }

    private double deviance(double[] eta, double[] mu) {
        return deviance(eta, mu, false);
    }

    private double deviance(double[] eta, double[] mu, boolean computeMu) {
        double dev = DesignMatrix.sumChunks(y.length, (from, to) -> {
            double s = 0;
            for (int i = from; i < to; i++) {
                if (computeMu) {
                    mu[i] = link.inverse(eta[i]);
                }
                if (!link.validEta(eta[i]) || !family.validMu(mu[i])) {
                    return Double.NaN;
                }
                double pw = prior[i];
                if (pw > 0) {
                    s += pw * family.unitDeviance(y[i], mu[i]);
                }
            }
            return s;
        });
        return Double.isFinite(dev) ? dev : Double.NaN;
    }

    private DesignMatrixError aliased(List<Integer> columns, double[] gram) {
        return Aliasing.error("Singular design matrix", x, gram, columns);
    }
}
