package org.atelier.engine.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.atelier.engine.design.DesignMatrix;
import org.atelier.engine.family.Family;
import org.atelier.engine.family.Link;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.PenaltyKind;
import org.atelier.engine.spec.Selection;

/**
 * Ridge, lasso and elastic-net fits with glmnet's conventions: {@code alpha} is glmnet's λ, {@code l1_ratio} its α.
 * At a fixed α one fit; with {@code cv} folds the path of {@code n_alphas} values from α_max (the smallest α that
 * keeps every penalized coefficient at zero) down to {@link #minRatio}·α_max, fitted with warm starts on the full
 * data and on each fold's training rows, the held-out deviance choosing α by {@code selection}.
 */
final class RegularizedFit {
    private RegularizedFit() {
    }

    /** One data set to fit: the design, response, prior weights and offset (η scale). */
    record Problem(DesignMatrix x, double[] y, double[] prior, double[] offset) {
        Problem rows(int[] order) {
            return new Problem(x.rows(order), DesignMatrix.pick(y, order), DesignMatrix.pick(prior, order),
                    DesignMatrix.pick(offset, order));
        }
    }

    /** What a cross-validation fold changes in the full problem: the design columns learned from its training rows. */
    interface Folds {
        /**
         * The dense columns re-learned on the fold's training rows {@code trainRows} (ascending), by feature name,
         * with a value for every row of the full data: the training rows as the fold's model is trained on them, the
         * held-out rows {@code validationRows} as that model encodes new data. Empty when nothing is re-learned: the
         * fold's problems are then just the full problem's rows.
         */
        Map<String, double[]> relearned(int[] trainRows, int[] validationRows);
    }

    /** Folds whose problems are the full problem's rows. */
    static final Folds ROWS = (trainRows, validationRows) -> Map.of();

    /** {@code trace}: a fit at one α's IRLS iterations as reported; empty for a cross-validated path. */
    record Result(double[] beta, double[] mu, double deviance, double nullDeviance, int iterations, boolean converged,
                  Regularization regularization, List<IterationTrace> trace) {
    }

    /**
     * Which elastic-net penalty the options ask for (elastic net when only an α is given) and its L1 share
     * (glmnet's α); its options were checked by SpecRules before any data was read.
     */
    record ElasticNetMix(PenaltyKind kind, double l1) {
        static boolean requested(FitOptions o) {
            return o.regularization() != null || o.alpha() != 0;
        }

        static ElasticNetMix of(FitOptions o) {
            PenaltyKind kind = o.regularization() == null ? PenaltyKind.ELASTIC_NET : o.regularization();
            return new ElasticNetMix(kind, kind.l1(o.l1Ratio()));
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
        ElasticNetMix penalty = ElasticNetMix.of(options);
        // the user's max_iter bounds the Newton steps at each α, as it bounds a plain fit's IRLS iterations (a
        // warm-started α needs a few; the progress then counts against the number the user set)
        RegularizationPath fits = new RegularizationPath(family, link, intercept, penalty.l1(), options.tol(),
                options.maxIter(), settings);
        if (options.cv() == null) {
            RegularizationPath.Single s = fits.fixed(full, options.alpha());
            IrlsResult r = s.result();
            return new Result(r.beta(), r.mu(), r.deviance(), s.nullDeviance(), r.iterations(), r.converged(),
                    new Regularization(penalty.kind(), penalty.l1(), options.alpha(), s.alphaMax(), List.of(), null, null,
                            List.of(), selected(features, r.beta(), intercept)), r.trace());
        }
        int k = options.cv();
        RegularizationPath.Outcome outcome = fits.crossValidated(full, fold, k, options.nAlphas(), folds);
        double[] alphas = outcome.alphas();
        double[][] foldDeviance = outcome.foldDeviance();
        double[] foldWeight = outcome.foldWeight();
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
        if (options.selection() == Selection.ONE_SE) {
            // the largest α (alphas run downwards) whose CV deviance is within one standard error of the minimum
            for (int a = 0; a <= best; a++) {
                if (mean[a] <= mean[best] + se[best]) {
                    chosen = a;
                    break;
                }
            }
        }
        settings.monitor().onStage(FitMonitor.Stage.FINAL_REFIT, 0);
        List<PenalizedNewton.Solution> solutions = new ArrayList<>(outcome.path());
        solutions.set(chosen, outcome.polisher().polish(alphas[chosen], solutions.get(chosen)));
        List<Regularization.PathPoint> pathPoints = new ArrayList<>();
        for (int a = 0; a < alphas.length; a++) {
            PenalizedNewton.Solution s = solutions.get(a);
            pathPoints.add(new Regularization.PathPoint(alphas[a], s.deviance(), nonZero(s.beta(), intercept),
                    Arrays.stream(s.beta()).boxed().toList()));
        }
        PenalizedNewton.Solution s = solutions.get(chosen);
        boolean converged = solutions.stream().allMatch(PenalizedNewton.Solution::converged);
        return new Result(s.beta(), fits.mu(full, s.beta()), s.deviance(), outcome.nullDeviance(), outcome.passes(), converged,
                new Regularization(penalty.kind(), penalty.l1(), alphas[chosen], outcome.alphaMax(), pathPoints, k,
                        options.selection(), curve, selected(features, s.beta(), intercept)), List.of());
    }

    private static int nonZero(double[] beta, boolean intercept) {
        int count = 0;
        for (int j = intercept ? 1 : 0; j < beta.length; j++) {
            if (beta[j] != 0) count++;
        }
        return count;
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

    private static List<String> selected(List<String> features, double[] beta, boolean intercept) {
        List<String> out = new ArrayList<>();
        for (int j = intercept ? 1 : 0; j < beta.length; j++) {
            if (beta[j] != 0) out.add(features.get(j));
        }
        return out;
    }
}
