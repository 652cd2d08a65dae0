package org.atelier.engine.fit;

import java.util.ArrayList;
import java.util.List;
import org.atelier.engine.design.DesignMatrix;
import org.atelier.engine.family.Family;
import org.atelier.engine.family.Link;
import org.atelier.engine.linalg.Cholesky;
import org.atelier.engine.linalg.LinearAlgebra;

/**
 * IRLS for a GLM with quadratic penalties λ_m β'S_mβ on some blocks of coefficients (penalized smooths), the λ_m
 * chosen by GCV on each iteration's working model (Gu's "performance iteration", as mgcv's gam(optimizer =
 * "perf")): with G = X'WX and c = X'Wz formed once per iteration, a trial λ costs one p×p solve, so λ is searched
 * directly: GCV(λ) = n·Σ W(z - Xβ_λ)² / (n - tr A_λ)², A_λ = X(G + S_λ)⁻¹X'W.
 */
final class SmoothIrls {
    /** log λ grid for the coordinate search, relative to each penalty's scale (tr G_block / tr S). */
    private static final double LOG_MIN = -14;
    private static final double LOG_MAX = 14;
    private static final int GRID = 57;
    private static final int MAX_HALVINGS = 30;

    record Result(double[] beta, double[] eta, double[] mu, double deviance, double[] lambdas, double[] edf,
                  double[] penalizedInverse, double[] gram, double[] workingWeights, int iterations, boolean converged,
                  List<IterationTrace> trace) {
    }

    private final DesignMatrix x;
    private final double[] y;
    private final double[] prior;
    private final double[] offset;
    private final Family family;
    private final Link link;
    private final Deviance deviance;
    private final LinearAlgebra kernel;
    private final List<SmoothingPenalty> penalties;
    private final int observations;

    SmoothIrls(DesignMatrix x, double[] y, double[] prior, double[] offset, Family family, Link link,
               LinearAlgebra kernel, List<SmoothingPenalty> penalties) {
        this.x = x;
        this.y = y;
        this.prior = prior;
        this.offset = offset;
        this.family = family;
        this.link = link;
        this.deviance = new Deviance(x, y, prior, offset, family, link);
        this.kernel = kernel;
        this.penalties = List.copyOf(penalties);
        int ok = 0;
        for (double w : prior) {
            if (w > 0) ok++;
        }
        this.observations = ok;
    }

    /** {@code fixedLambdas} null: λ by GCV; otherwise those λ (brute-force checks). */
    Result run(int maxIter, double tol, double[] fixedLambdas, FitMonitor monitor) {
        monitor.onStage(FitMonitor.Stage.ITERATING, maxIter);
        int n = y.length;
        int p = x.columns();
        double[] eta = new double[n];
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            mu[i] = family.startMu(y[i], prior[i]);
            eta[i] = link.link(mu[i]);
        }
        double[] lambdas = fixedLambdas != null ? fixedLambdas.clone() : new double[penalties.size()];
        double[] w = new double[n];
        double[] v = new double[n];
        double[] beta = null;
        double dev = Double.NaN;
        double penalizedDev = Double.NaN;
        List<IterationTrace> trace = new ArrayList<>();
        boolean converged = false;
        double[] gram = null;
        int iter = 0;
        while (iter < maxIter) {
            monitor.stopIfCancelled("after " + iter + " iterations");
            iter++;
            double zwz = 0;
            for (int i = 0; i < n; i++) {
                if (prior[i] > 0) {
                    double me = link.muEta(eta[i]);
                    double var = family.variance(mu[i]);
                    w[i] = prior[i] * me * me / var;
                    double z = eta[i] - (offset == null ? 0 : offset[i]) + (y[i] - mu[i]) / me;
                    v[i] = w[i] * z;
                    zwz += w[i] * z * z;
                } else {
                    w[i] = 0;
                    v[i] = 0;
                }
            }
            gram = x.gram(w, kernel);
            double[] c = x.transposeTimes(v, kernel);
            if (fixedLambdas == null) {
                monitor.onStage(FitMonitor.Stage.LAMBDA_SEARCH, maxIter);
                chooseLambdas(gram, c, zwz, lambdas, iter == 1);
                monitor.stopIfCancelled("in the smoothing parameter search of iteration " + iter);
                monitor.onStage(FitMonitor.Stage.ITERATING, maxIter);
            }
            double[] candidate = Cholesky.factor(penalized(gram, lambdas), p).solve(c);
            double[] newEta = new double[n];
            double[] newMu = new double[n];
            double newDev = evaluate(candidate, newEta, newMu);
            double newPenalized = newDev + quadratic(candidate, lambdas);
            int halvings = 0;
            // a step that raises the penalized deviance at the current λ is halved back towards the last β
            while (beta != null && (Double.isNaN(newPenalized) || newPenalized > penalizedAt(beta, lambdas, dev) * (1 + 1e-12))
                    && halvings < MAX_HALVINGS) {
                for (int j = 0; j < p; j++) {
                    candidate[j] = (candidate[j] + beta[j]) / 2;
                }
                newDev = evaluate(candidate, newEta, newMu);
                newPenalized = newDev + quadratic(candidate, lambdas);
                halvings++;
            }
            double change = Double.isNaN(penalizedDev) ? Double.NaN : Math.abs(newPenalized - penalizedDev) / (Math.abs(newPenalized) + 0.1);
            beta = candidate;
            eta = newEta;
            mu = newMu;
            dev = newDev;
            penalizedDev = newPenalized;
            IterationTrace step = new IterationTrace(iter, dev, halvings, change);
            trace.add(step);
            monitor.onIteration(step);
            if (change < tol) {
                converged = true;
                break;
            }
        }
        // the influence matrix and edf at the final weights and λ
        for (int i = 0; i < n; i++) {
            if (prior[i] > 0) {
                double me = link.muEta(eta[i]);
                w[i] = prior[i] * me * me / family.variance(mu[i]);
            } else {
                w[i] = 0;
            }
        }
        gram = x.gram(w, kernel);
        double[] inverse = Cholesky.factor(penalized(gram, lambdas), p).inverse();
        double[] edf = new double[penalties.size()];
        for (int m = 0; m < penalties.size(); m++) {
            SmoothingPenalty pen = penalties.get(m);
            for (int a = pen.offset(); a < pen.offset() + pen.k(); a++) {
                for (int b = 0; b < p; b++) {
                    edf[m] += inverse[a * p + b] * gram[b * p + a];
                }
            }
        }
        return new Result(beta, eta, mu, dev, lambdas, edf, inverse, gram, w, iter, converged, trace);
    }

    private double penalizedAt(double[] beta, double[] lambdas, double dev) {
        return dev + quadratic(beta, lambdas);
    }

    /** Σ_m λ_m β_m'S_mβ_m. */
    double quadratic(double[] beta, double[] lambdas) {
        double total = 0;
        for (int m = 0; m < penalties.size(); m++) {
            SmoothingPenalty pen = penalties.get(m);
            double q = 0;
            for (int a = 0; a < pen.k(); a++) {
                for (int b = 0; b < pen.k(); b++) {
                    q += beta[pen.offset() + a] * pen.s()[a * pen.k() + b] * beta[pen.offset() + b];
                }
            }
            total += lambdas[m] * q;
        }
        return total;
    }

    private double[] penalized(double[] gram, double[] lambdas) {
        int p = x.columns();
        double[] h = gram.clone();
        for (int m = 0; m < penalties.size(); m++) {
            SmoothingPenalty pen = penalties.get(m);
            for (int a = 0; a < pen.k(); a++) {
                for (int b = 0; b < pen.k(); b++) {
                    h[(pen.offset() + a) * p + pen.offset() + b] += lambdas[m] * pen.s()[a * pen.k() + b];
                }
            }
        }
        return h;
    }

    /** GCV of the working model at λ: n·RSS_W / (n - tr A)², RSS_W = z'Wz - 2β'c + β'Gβ. */
    double gcv(double[] gram, double[] c, double zwz, double[] lambdas) {
        int p = x.columns();
        Cholesky chol = Cholesky.factor(penalized(gram, lambdas), p);
        double[] beta = chol.solve(c);
        double[] inverse = chol.inverse();
        double rss = zwz;
        double trace = 0;
        for (int a = 0; a < p; a++) {
            double gb = 0;
            for (int b = 0; b < p; b++) {
                gb += gram[a * p + b] * beta[b];
                trace += inverse[a * p + b] * gram[b * p + a];
            }
            rss += beta[a] * (gb - 2 * c[a]);
        }
        double denominator = observations - trace;
        return denominator > 0 ? observations * Math.max(rss, 0) / (denominator * denominator) : Double.POSITIVE_INFINITY;
    }

    /**
     * Coordinate search over log λ_m: a grid over the whole range on the first iteration (GCV can have several
     * local minima), then golden-section refinement around the best point; later iterations refine locally.
     */
    private void chooseLambdas(double[] gram, double[] c, double zwz, double[] lambdas, boolean first) {
        int p = x.columns();
        double[] scale = new double[penalties.size()];
        for (int m = 0; m < penalties.size(); m++) {
            SmoothingPenalty pen = penalties.get(m);
            double tg = 0;
            double ts = 0;
            for (int a = 0; a < pen.k(); a++) {
                tg += gram[(pen.offset() + a) * p + pen.offset() + a];
                ts += pen.s()[a * pen.k() + a];
            }
            scale[m] = tg / ts;
            if (first) {
                lambdas[m] = scale[m];
            }
        }
        for (int cycle = 0; cycle < (penalties.size() == 1 ? 1 : 3); cycle++) {
            for (int m = 0; m < penalties.size(); m++) {
                final int mm = m;
                java.util.function.DoubleUnaryOperator f = rho -> {
                    double[] trial = lambdas.clone();
                    trial[mm] = scale[mm] * Math.exp(rho);
                    return gcv(gram, c, zwz, trial);
                };
                double lo;
                double hi;
                double step = (LOG_MAX - LOG_MIN) / (GRID - 1);
                double current = Math.log(lambdas[m] / scale[m]);
                double best = current;
                double bestValue = f.applyAsDouble(current);
                double from = first ? LOG_MIN : Math.max(LOG_MIN, current - 8 * step);
                double to = first ? LOG_MAX : Math.min(LOG_MAX, current + 8 * step);
                for (double rho = from; rho <= to + 1e-12; rho += step) {
                    double value = f.applyAsDouble(rho);
                    if (value < bestValue) {
                        bestValue = value;
                        best = rho;
                    }
                }
                lo = best - step;
                hi = best + step;
                best = golden(f, lo, hi, best, bestValue);
                lambdas[m] = scale[m] * Math.exp(best);
            }
        }
    }

    /** Golden-section search on [lo, hi]; never returns a point worse than {@code start}. */
    private static double golden(java.util.function.DoubleUnaryOperator f, double lo, double hi, double start,
                                 double startValue) {
        double g = (Math.sqrt(5) - 1) / 2;
        double a = lo;
        double b = hi;
        double x1 = b - g * (b - a);
        double x2 = a + g * (b - a);
        double f1 = f.applyAsDouble(x1);
        double f2 = f.applyAsDouble(x2);
        for (int i = 0; i < 60 && b - a > 1e-9; i++) {
            if (f1 < f2) {
                b = x2;
                x2 = x1;
                f2 = f1;
                x1 = b - g * (b - a);
                f1 = f.applyAsDouble(x1);
            } else {
                a = x1;
                x1 = x2;
                f1 = f2;
                x2 = a + g * (b - a);
                f2 = f.applyAsDouble(x2);
            }
        }
        double x = (a + b) / 2;
        double value = f.applyAsDouble(x);
        return value <= startValue ? x : start;
    }

    private double evaluate(double[] beta, double[] eta, double[] mu) {
        return deviance.at(beta, eta, mu);
    }
}
