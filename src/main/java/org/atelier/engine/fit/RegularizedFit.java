package org.atelier.engine.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.atelier.engine.design.DesignMatrix;
import org.atelier.engine.error.ValidationError;
import org.atelier.engine.family.Family;
import org.atelier.engine.family.Link;
import org.atelier.engine.spec.FitOptions;

/**
 * Ridge, lasso and elastic-net fits with glmnet's conventions: {@code alpha} is glmnet's λ, {@code l1_ratio} its α.
 * At a fixed α one fit; with {@code cv} folds the path of {@code n_alphas} values from α_max (the smallest α that
 * keeps every penalised coefficient at zero) down to {@link #minRatio}·α_max, fitted with warm starts on the full
 * data and on each fold's training rows, the held-out deviance choosing α by {@code selection}.
 */
final class RegularizedFit {
    /** IRLS iterations allowed per α (glmnet's default maxit is far larger; a warm-started α needs a few). */
    static final int MAX_ITERATIONS = 100;

    private RegularizedFit() {
    }

    /** One data set to fit: the design, response, prior weights and offset (η scale). */
    record Problem(DesignMatrix x, double[] y, double[] prior, double[] offset) {
    }

    /** Builds a fold's training and validation problems from row indices (encodings re-learned on training rows). */
    interface Folds {
        Problem[] split(int[] trainRows, int[] validationRows);
    }

    record Result(double[] beta, double[] mu, double deviance, int iterations, boolean converged,
                  Regularization regularization) {
    }

    /** The penalty's name and its l1 share; errors name the offending option. */
    record Penalty(String name, double l1) {
        static boolean requested(FitOptions o) {
            return o.regularization() != null || o.alpha() != 0;
        }

        static Penalty of(FitOptions o) {
            if (!(o.alpha() >= 0) || !Double.isFinite(o.alpha())) {
                throw new ValidationError("alpha (penalty strength) must be a finite number >= 0, got " + o.alpha());
            }
            if (!(o.l1Ratio() >= 0 && o.l1Ratio() <= 1)) {
                throw new ValidationError("l1_ratio must be in [0, 1] (0 ridge, 1 lasso), got " + o.l1Ratio());
            }
            String name = o.regularization() == null ? "elastic_net" : o.regularization();
            Penalty penalty = switch (name) {
                case "ridge" -> new Penalty(name, 0);
                case "lasso" -> new Penalty(name, 1);
                case "elastic_net" -> new Penalty(name, o.l1Ratio());
                default -> throw new ValidationError("Unknown regularization '" + name + "' (expected ridge, lasso or elastic_net)");
            };
            if (o.cv() != null && o.cv() < 2) {
                throw new ValidationError("cv must be at least 2 folds, got " + o.cv());
            }
            if (o.cv() == null && o.alpha() == 0) {
                throw new ValidationError("Regularization '" + name + "' needs alpha > 0 or cv folds to choose alpha");
            }
            if (o.cv() != null && o.nAlphas() < 2) {
                throw new ValidationError("n_alphas must be at least 2 for a cross-validated path, got " + o.nAlphas());
            }
            if (o.selection() != null && !o.selection().equals("min") && !o.selection().equals("1se")) {
                throw new ValidationError("selection must be min or 1se, got '" + o.selection() + "'");
            }
            return penalty;
        }
    }

    /** glmnet's lambda.min.ratio: 1e-4 when there are more observations than coefficients, else 1e-2. */
    static double minRatio(int observations, int coefficients) {
        return observations > coefficients ? 1e-4 : 1e-2;
    }

    static Result run(Problem full, boolean intercept, Family family, Link link, FitOptions options, Folds folds,
                      FitSettings settings, List<String> features) {
        int[] fold = options.cv() == null ? null
                : folds(full.y().length, options.cv(), options.seed() == null ? 0 : options.seed());
        return run(full, intercept, family, link, options, folds, settings, features, fold);
    }

    /** As above with the fold of every row given (0 .. cv-1), e.g. to reproduce another program's folds. */
    static Result run(Problem full, boolean intercept, Family family, Link link, FitOptions options, Folds folds,
                      FitSettings settings, List<String> features, int[] fold) {
        Penalty penalty = Penalty.of(options);
        double tol = options.tol();
        PenalizedIrls irls = solver(full, intercept, family, link, settings);
        PenalizedIrls.Solution nullFit = irls.fit(Double.POSITIVE_INFINITY, penalty.l1(), null, MAX_ITERATIONS, tol);
        double alphaMax = alphaMax(irls, nullFit.mu(), penalty.l1(), intercept, scales(full, intercept, settings));
        if (options.cv() == null) {
            PenalizedIrls.Solution s = irls.fit(options.alpha(), penalty.l1(), null, MAX_ITERATIONS, tol);
            return new Result(s.beta(), s.mu(), s.deviance(), s.iterations(), s.converged(),
                    new Regularization(penalty.name(), penalty.l1(), options.alpha(), alphaMax, List.of(), null, null,
                            List.of(), selected(features, s.beta(), intercept)));
        }
        int positive = 0;
        for (double w : full.prior()) {
            if (w > 0) positive++;
        }
        double[] alphas = path(alphaMax, minRatio(positive, full.x().columns()), options.nAlphas());
        List<PenalizedIrls.Solution> solutions = fitPath(irls, alphas, penalty.l1(), nullFit.beta(), tol);
        int k = options.cv();
        double[][] foldDeviance = new double[k][];
        double[] foldWeight = new double[k];
        for (int f = 0; f < k; f++) {
            Problem[] split = folds.split(rowsWhere(fold, f, false), rowsWhere(fold, f, true));
            PenalizedIrls trainer = solver(split[0], intercept, family, link, settings);
            PenalizedIrls.Solution start = trainer.fit(Double.POSITIVE_INFINITY, penalty.l1(), null, MAX_ITERATIONS, tol);
            List<PenalizedIrls.Solution> foldPath = fitPath(trainer, alphas, penalty.l1(), start.beta(), tol);
            Problem validation = split[1];
            foldDeviance[f] = new double[alphas.length];
            for (double w : validation.prior()) {
                foldWeight[f] += w;
            }
            for (int a = 0; a < alphas.length; a++) {
                foldDeviance[f][a] = meanDeviance(validation, foldPath.get(a).beta(), family, link);
            }
        }
        List<Regularization.CvPoint> curve = new ArrayList<>();
        double[] mean = new double[alphas.length];
        double[] se = new double[alphas.length];
        double totalWeight = Arrays.stream(foldWeight).sum();
        int best = 0;
        for (int a = 0; a < alphas.length; a++) {
            double m = 0;
            for (int f = 0; f < k; f++) {
                m += foldWeight[f] * foldDeviance[f][a] / totalWeight;
            }
            double var = 0;
            for (int f = 0; f < k; f++) {
                var += foldWeight[f] * Math.pow(foldDeviance[f][a] - m, 2) / totalWeight;
            }
            mean[a] = m;
            se[a] = Math.sqrt(var / (k - 1));
            curve.add(new Regularization.CvPoint(alphas[a], m, se[a]));
            if (m < mean[best]) best = a;
        }
        int chosen = best;
        if ("1se".equals(options.selection())) {
            // the largest α (alphas run downwards) whose CV deviance is within one standard error of the minimum
            for (int a = 0; a <= best; a++) {
                if (mean[a] <= mean[best] + se[best]) {
                    chosen = a;
                    break;
                }
            }
        }
        List<Regularization.PathPoint> pathPoints = new ArrayList<>();
        int iterations = nullFit.iterations();
        for (int a = 0; a < alphas.length; a++) {
            PenalizedIrls.Solution s = solutions.get(a);
            pathPoints.add(new Regularization.PathPoint(alphas[a], s.deviance(), s.nonZero(intercept)));
            iterations += s.iterations();
        }
        PenalizedIrls.Solution s = solutions.get(chosen);
        boolean converged = solutions.stream().allMatch(PenalizedIrls.Solution::converged);
        return new Result(s.beta(), s.mu(), s.deviance(), iterations, converged,
                new Regularization(penalty.name(), penalty.l1(), alphas[chosen], alphaMax, pathPoints, k,
                        options.selection() == null ? "min" : options.selection(), curve, selected(features, s.beta(), intercept)));
    }

    private static PenalizedIrls solver(Problem p, boolean intercept, Family family, Link link, FitSettings settings) {
        return new PenalizedIrls(p.x(), p.y(), p.prior(), p.offset(), family, link, settings.backend(), intercept,
                scales(p, intercept, settings), settings.monitor());
    }

    private static List<PenalizedIrls.Solution> fitPath(PenalizedIrls irls, double[] alphas, double l1, double[] start,
                                                        double tol) {
        List<PenalizedIrls.Solution> out = new ArrayList<>();
        double[] warm = start;
        for (double alpha : alphas) {
            PenalizedIrls.Solution s = irls.fit(alpha, l1, warm, MAX_ITERATIONS, tol);
            out.add(s);
            warm = s.beta();
        }
        return out;
    }

    /** Each column's weighted population sd (glmnet's standardisation), from X'diag(w)X; 0 for a constant column. */
    static double[] scales(Problem p, boolean intercept, FitSettings settings) {
        int cols = p.x().columns();
        double[] g = p.x().gram(p.prior(), settings.backend());
        double sw = 0;
        for (double w : p.prior()) {
            sw += w;
        }
        double[] s = new double[cols];
        for (int j = intercept ? 1 : 0; j < cols; j++) {
            double second = g[j * cols + j] / sw;
            double mean = intercept ? g[j] / sw : 0;
            double var = second - mean * mean;
            s[j] = var > 1e-14 * Math.max(second, 1e-300) ? Math.sqrt(var) : 0;
        }
        return s;
    }

    /** max_j |∂(dev/2Σw)/∂(s_jβ_j)| at the null model, over max(l1, 1e-3) as glmnet does for ridge. */
    private static double alphaMax(PenalizedIrls irls, double[] nullMu, double l1, boolean intercept, double[] scale) {
        double[] score = irls.score(nullMu);
        double max = 0;
        for (int j = intercept ? 1 : 0; j < score.length; j++) {
            if (scale[j] > 0) {
                max = Math.max(max, Math.abs(score[j]) / irls.weightSum() / scale[j]);
            }
        }
        return max / Math.max(l1, 1e-3);
    }

    static double[] path(double alphaMax, double ratio, int count) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = alphaMax * Math.pow(ratio, (double) i / (count - 1));
        }
        return out;
    }

    /** Seeded fold of every row: a random permutation dealt round-robin, so fold sizes differ by at most one. */
    static int[] folds(int n, int k, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] fold = new int[n];
        for (int r = 0; r < n; r++) {
            fold[order[r]] = r % k;
        }
        return fold;
    }

    private static int[] rowsWhere(int[] fold, int f, boolean inFold) {
        int count = 0;
        for (int v : fold) {
            if ((v == f) == inFold) count++;
        }
        int[] rows = new int[count];
        int at = 0;
        for (int i = 0; i < fold.length; i++) {
            if ((fold[i] == f) == inFold) rows[at++] = i;
        }
        return rows;
    }

    private static double meanDeviance(Problem p, double[] beta, Family family, Link link) {
        double[] eta = new double[p.y().length];
        p.x().times(beta, p.offset(), eta);
        double dev = 0;
        double sw = 0;
        for (int i = 0; i < eta.length; i++) {
            if (p.prior()[i] > 0) {
                dev += p.prior()[i] * family.unitDeviance(p.y()[i], link.inverse(eta[i]));
                sw += p.prior()[i];
            }
        }
        return dev / sw;
    }

    private static List<String> selected(List<String> features, double[] beta, boolean intercept) {
        List<String> out = new ArrayList<>();
        for (int j = intercept ? 1 : 0; j < beta.length; j++) {
            if (beta[j] != 0) out.add(features.get(j));
        }
        return out;
    }
}
