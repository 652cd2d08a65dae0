package org.atelier.engine.fit;

import java.util.List;
import org.atelier.engine.design.DesignMatrix;
import org.atelier.engine.linalg.Cholesky;

/**
 * The penalized-smooths step: weighted least squares with quadratic penalties λ_m β'S_mβ on some blocks of
 * coefficients, the λ_m chosen by GCV on each iteration's working model (Gu's "performance iteration", as mgcv's
 * gam(optimizer = "perf")): with G = X'WX and c = X'Wz formed once per iteration, a trial λ costs one p×p solve,
 * so λ is searched directly: GCV(λ) = n·Σ W(z - Xβ_λ)² / (n - tr A_λ)², A_λ = X(G + S_λ)⁻¹X'W. The driver then
 * descends on the penalized deviance at the chosen λ. One instance per run: it keeps the λ it chose.
 */
final class SmoothingStep implements IrlsStep {
    /** log λ grid for the coordinate search, relative to each penalty's scale (tr G_block / tr S). */
    private static final double LOG_MIN = -14;
    private static final double LOG_MAX = 14;
    private static final int GRID = 57;

    /** The smooths at the final weights and λ: λ and edf per penalty, (G + S_λ)⁻¹ and G = X'WX. */
    record Influence(double[] lambdas, double[] edf, double[] penalizedInverse, double[] gram) {
    }

    private final List<SmoothingPenalty> penalties;
    private final boolean searches;
    private final double[] lambdas;
    private final int columns;
    private final int observations;

    /** λ chosen by GCV on every iteration. */
    SmoothingStep(IrlsProblem problem, List<SmoothingPenalty> penalties) {
        this(problem, penalties, null);
    }

    /** {@code fixedLambdas} null: λ by GCV; otherwise those λ throughout (brute-force checks). */
    SmoothingStep(IrlsProblem problem, List<SmoothingPenalty> penalties, double[] fixedLambdas) {
        this.penalties = List.copyOf(penalties);
        this.searches = fixedLambdas == null;
        this.lambdas = fixedLambdas == null ? new double[penalties.size()] : fixedLambdas.clone();
        this.columns = problem.x().columns();
        this.observations = problem.observations();
    }

    @Override
    public FitMonitor.Stage stage() {
        return searches ? FitMonitor.Stage.LAMBDA_SEARCH : FitMonitor.Stage.ITERATING;
    }

    @Override
    public String work() {
        return "the smoothing parameter search";
    }

    @Override
    public double[] propose(IrlsProblem problem, IrlsState state) {
        DesignMatrix x = problem.x();
        double[] w = state.workingWeights();
        double[] wz = new double[problem.rows()];
        problem.weightedWorkingResponse(state.eta(), w, state.scoreResiduals(), wz);
        double zwz = 0;
        for (int i = 0; i < wz.length; i++) {
            if (w[i] > 0) {
                zwz += wz[i] * wz[i] / w[i];
            }
        }
        double[] gram = x.gram(w, problem.kernel());
        double[] c = x.transposeTimes(wz, problem.kernel());
        if (searches) {
            chooseLambdas(gram, c, zwz, lambdas, state.iteration() == 1);
        }
        return Cholesky.factor(penalized(gram, lambdas), columns).solve(c);
    }

    @Override
    public double penalty(double[] beta) {
        return quadratic(beta, lambdas);
    }

    /** The influence matrix and edf at {@code fit}'s final weights and the λ last chosen. */
    Influence influence(IrlsProblem problem, IrlsResult fit) {
        int n = problem.rows();
        int p = columns;
        double[] w = new double[n];
        problem.workingWeights(fit.eta(), fit.mu(), w, new double[n]);
        double[] gram = problem.x().gram(w, problem.kernel());
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
        return new Influence(lambdas.clone(), edf, inverse, gram);
    }

    /** Σ_m λ_m β_m'S_mβ_m. */
    private double quadratic(double[] beta, double[] lambdas) {
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
        int p = columns;
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
        int p = columns;
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
        int p = columns;
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
}
