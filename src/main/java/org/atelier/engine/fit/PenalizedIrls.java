package org.atelier.engine.fit;

import org.atelier.engine.design.DesignMatrix;
import org.atelier.engine.error.CancelledError;
import org.atelier.engine.family.Family;
import org.atelier.engine.family.Link;
import org.atelier.engine.linalg.LinearAlgebra;

/**
 * glmnet's penalized GLM: minimises dev(β)/(2Σw) + λ Σ_j s_j(α|β_j| + (1-α)/2 s_j β_j²) — the elastic net on the
 * standardised coefficients s_jβ_j (s_j the weighted population sd of column j), intercept unpenalised — by IRLS
 * whose weighted least-squares step is solved by coordinate descent ("covariance updates"): each outer iteration
 * forms X'WX and X'Wz once (O(n p²), block-wise, categoricals never expanded), after which a coordinate update
 * costs O(p). Working on the original scale with per-column penalty factors s_j gives the same minimiser as
 * standardising the columns, without copying X.
 */
final class PenalizedIrls {
    private static final int MAX_HALVINGS = 30;
    private static final int MAX_SWEEPS = 100_000;

    private final DesignMatrix x;
    private final double[] y;
    private final double[] prior;
    private final double[] offset;
    private final Family family;
    private final Link link;
    private final Deviance deviance;
    private final LinearAlgebra kernel;
    private final boolean intercept;
    private final double[] scale;
    private final double weightSum;
    private final FitMonitor monitor;

    /** {@code scale[j]}: s_j for a penalised column (0 for a constant column, kept at 0), ignored for the intercept. */
    PenalizedIrls(DesignMatrix x, double[] y, double[] prior, double[] offset, Family family, Link link,
                  LinearAlgebra kernel, boolean intercept, double[] scale, FitMonitor monitor) {
        this.x = x;
        this.y = y;
        this.prior = prior;
        this.offset = offset;
        this.family = family;
        this.link = link;
        this.deviance = new Deviance(x, y, prior, offset, family, link);
        this.kernel = kernel;
        this.intercept = intercept;
        this.scale = scale;
        this.monitor = monitor;
        double sw = 0;
        for (double w : prior) {
            sw += w;
        }
        this.weightSum = sw;
    }

    record Solution(double[] beta, double[] mu, double deviance, double objective, int iterations, boolean converged) {
        int nonZero(boolean intercept) {
            int count = 0;
            for (int j = intercept ? 1 : 0; j < beta.length; j++) {
                if (beta[j] != 0) count++;
            }
            return count;
        }
    }

    double weightSum() {
        return weightSum;
    }

    /** The penalty λ P(β) with mixing {@code l1}; λ = ∞ stands for "every penalised coefficient at zero". */
    double penalty(double[] beta, double lambda, double l1) {
        if (Double.isInfinite(lambda)) {
            return 0;
        }
        double p = 0;
        for (int j = intercept ? 1 : 0; j < beta.length; j++) {
            p += scale[j] * (l1 * Math.abs(beta[j]) + (1 - l1) / 2 * scale[j] * beta[j] * beta[j]);
        }
        return lambda * p;
    }

    /** Fits at λ from {@code start} (a neighbouring λ's solution on a path: warm start), or from the null model. */
    Solution fit(double lambda, double l1, double[] start, int maxIter, double tol) {
        int n = y.length;
        int p = x.columns();
        double[] beta = start == null ? nullStart(p) : start.clone();
        double[] eta = new double[n];
        double[] mu = new double[n];
        double dev = evaluate(beta, eta, mu);
        double objective = dev / (2 * weightSum) + penalty(beta, lambda, l1);
        double[] w = new double[n];
        double[] v = new double[n];
        boolean converged = false;
        int iter = 0;
        while (iter < maxIter) {
            if (monitor.isCancelled() || Thread.currentThread().isInterrupted()) {
                throw new CancelledError("Fit cancelled after " + iter + " iterations");
            }
            iter++;
            final double[] etaNow = eta;
            final double[] muNow = mu;
            DesignMatrix.forChunks(n, (chunk, from, to) -> {
                for (int i = from; i < to; i++) {
                    double pw = prior[i];
                    if (pw > 0) {
                        double me = link.muEta(etaNow[i]);
                        double var = family.variance(muNow[i]);
                        w[i] = pw * me * me / var;
                        // W z with z = η - offset + (y - μ)/μ'
                        v[i] = w[i] * (etaNow[i] - (offset == null ? 0 : offset[i])) + pw * me * (y[i] - muNow[i]) / var;
                    } else {
                        w[i] = 0;
                        v[i] = 0;
                    }
                }
            });
            double[] gram = x.gram(w, kernel);
            double[] c = x.transposeTimes(v, kernel);
            double[] candidate = coordinateDescent(gram, c, beta.clone(), lambda, l1, p);
            double[] newEta = new double[n];
            double[] newMu = new double[n];
            double newDev = evaluate(candidate, newEta, newMu);
            double newObjective = newDev / (2 * weightSum) + penalty(candidate, lambda, l1);
            int halvings = 0;
            while ((Double.isNaN(newObjective) || newObjective > objective * (1 + 1e-14)) && halvings < MAX_HALVINGS) {
                for (int j = 0; j < p; j++) {
                    candidate[j] = (candidate[j] + beta[j]) / 2;
                }
                newDev = evaluate(candidate, newEta, newMu);
                newObjective = newDev / (2 * weightSum) + penalty(candidate, lambda, l1);
                halvings++;
            }
            if (Double.isNaN(newObjective) || newObjective > objective * (1 + 1e-14)) {
                converged = true; // no descent left at this precision: the current β is the optimum
                break;
            }
            double change = Math.abs(newObjective - objective) / (Math.abs(newObjective) + 0.1);
            beta = candidate;
            eta = newEta;
            mu = newMu;
            dev = newDev;
            objective = newObjective;
            if (change < tol) {
                converged = true;
                break;
            }
        }
        return new Solution(beta, mu, dev, objective, iter, converged);
    }

    /**
     * Minimises (β'Gβ - 2c'β)/(2Σw) + λP(β) coordinate-wise, keeping q = c - Gβ up to date (O(p) per changed
     * coordinate). Sweeps alternate between all coordinates and the active (non-zero) ones, as glmnet does, until
     * a full sweep moves nothing by more than the threshold.
     */
    private double[] coordinateDescent(double[] g, double[] c, double[] beta, double lambda, double l1, int p) {
        double n = weightSum;
        double[] q = new double[p];
        for (int k = 0; k < p; k++) {
            double s = c[k];
            for (int j = 0; j < p; j++) {
                s -= g[k * p + j] * beta[j];
            }
            q[k] = s;
        }
        boolean allCoordinates = true;
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double maxChange = 0;
            for (int j = 0; j < p; j++) {
                boolean penalised = !(intercept && j == 0);
                double gjj = g[j * p + j];
                if (gjj <= 0 || (penalised && (scale[j] == 0 || Double.isInfinite(lambda)))) {
                    continue;
                }
                if (!allCoordinates && penalised && beta[j] == 0) {
                    continue;
                }
                double a = gjj / n;
                double updated;
                if (!penalised) {
                    updated = beta[j] + q[j] / gjj;
                } else {
                    double r = q[j] / n + a * beta[j];
                    double threshold = lambda * l1 * scale[j];
                    double shrunk = Math.abs(r) <= threshold ? 0 : r - Math.signum(r) * threshold;
                    updated = shrunk / (a + lambda * (1 - l1) * scale[j] * scale[j]);
                }
                double delta = updated - beta[j];
                if (delta != 0) {
                    beta[j] = updated;
                    for (int k = 0; k < p; k++) {
                        q[k] -= delta * g[k * p + j];
                    }
                    maxChange = Math.max(maxChange, a * delta * delta);
                }
            }
            if (maxChange < 1e-24) {
                if (allCoordinates) {
                    break;
                }
                allCoordinates = true;
            } else {
                allCoordinates = false;
            }
        }
        return beta;
    }

    /** Intercept at the link of the weighted mean response (less the mean offset); every other coefficient 0. */
    private double[] nullStart(int p) {
        double[] start = new double[p];
        if (!intercept) {
            return start;
        }
        double swy = 0;
        double swo = 0;
        for (int i = 0; i < y.length; i++) {
            swy += prior[i] * y[i];
            swo += offset == null ? 0 : prior[i] * offset[i];
        }
        double mean = swy / weightSum;
        start[0] = link.link(family.validMu(mean) ? mean : family.startMu(mean, 1)) - swo / weightSum;
        return start;
    }

    /** η, μ and the deviance at β; NaN outside the family's domain. */
    double evaluate(double[] beta, double[] eta, double[] mu) {
        return deviance.at(beta, eta, mu);
    }

    /** The score X'u at μ with u = w μ'(y - μ)/V: λ_max is its largest standardised entry over Σw·max(α, 1e-3). */
    double[] score(double[] mu) {
        int n = y.length;
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            if (prior[i] > 0) {
                double eta = link.link(mu[i]);
                u[i] = prior[i] * link.muEta(eta) * (y[i] - mu[i]) / family.variance(mu[i]);
            }
        }
        return x.transposeTimes(u, kernel);
    }
}
