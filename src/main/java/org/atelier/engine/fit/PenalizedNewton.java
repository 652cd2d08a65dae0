package org.atelier.engine.fit;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * glmnet's penalized GLM, dev(β)/(2Σw) + λP(β) (see {@link ElasticNetStep}), on some segments of a
 * {@link SegmentedGlm} (all of them for the full data, all but one for a fold's training rows): the solver of a
 * cross-validated path and of the intercept-only start (a fit at one α runs on the IRLS driver, with
 * {@link ElasticNetIrlsStep}; a path's fits are many, warm-started, and step in lockstep, which the driver's one fit
 * at a time cannot do). By proximal Newton
 * steps: each step minimises the quadratic model built from the exact score at the current β and a Hessian X'WX
 * that may come from a nearby β (the previous α's solution on a path, or the full data's solution for a fold).
 * A reused Hessian costs no pass over the rows; it is rebuilt at the current β only when a step had to be halved
 * or the model's predicted decrease stopped shrinking fast. The fit stops when the predicted decrease falls below
 * {@code tol}·(|F| + 0.1), the same relative measure R's glm applies to the deviance.
 */
final class PenalizedNewton {
    private static final int MAX_HALVINGS = 30;
    /** A Hessian is rebuilt when a step's predicted decrease is above this share of the previous one. */
    private static final double SLOW = 0.05;

    private final SegmentedGlm glm;
    private final boolean[] rows;
    private final ElasticNetStep step;
    private final double weightSum;
    private final FitMonitor monitor;

    /** A fit on the segments marked in {@code rows}, with the penalty factors {@code scale} of those rows. */
    PenalizedNewton(SegmentedGlm glm, boolean[] rows, boolean intercept, double[] scale, FitMonitor monitor) {
        this.glm = glm;
        this.rows = rows.clone();
        this.weightSum = glm.weightSum(rows);
        this.step = new ElasticNetStep(intercept, scale, weightSum);
        this.monitor = monitor;
    }

    /** The solution at one α: where it is, with this fit's deviance and objective, and the Hessian last used. */
    record Solution(SegmentedGlm.Evaluation at, double deviance, double objective, double[] hessian, int passes,
                    boolean converged) {
        double[] beta() {
            return at.beta();
        }
    }

    double weightSum() {
        return weightSum;
    }

    /** The segments this fit is made of. */
    boolean[] rows() {
        return rows.clone();
    }

    double[] scale() {
        return step.scale();
    }

    double[] score(SegmentedGlm.Evaluation at) {
        return at.score(rows);
    }

    /** This fit's X'WX at β (one pass over its rows). */
    double[] hessian(double[] beta) {
        return SegmentedGlm.sum(glm.hessians(beta, rows), rows);
    }

    /**
     * Minimises at λ from {@code start} (evaluated on at least this fit's segments) with {@code hessian} as the first
     * steps' X'WX (null: build it at the start). Each pass over the rows evaluates every segment the caller marked in
     * {@code evaluated}, e.g. a fold's held-out rows too.
     */
    Solution solve(double lambda, double l1, SegmentedGlm.Evaluation start, double[] hessian, boolean[] evaluated,
                   int maxPasses, double tol) {
        Descent descent = new Descent(lambda, l1, start, hessian, maxPasses, tol);
        for (double[] beta = descent.next(); beta != null; beta = descent.next()) {
            descent.take(glm.evaluate(beta, evaluated));
        }
        return descent.solution();
    }

    /**
     * {@link #solve} for several fits on one layout of the rows (e.g. every fold's training rows, on the full design
     * or on its own re-learned encodings) in lockstep: each pass evaluates every unfinished fit's next β together,
     * reading the rows once for all of them. {@code finished} hears how many fits are done whenever that grows.
     */
    static Solution[] solveTogether(PenalizedNewton[] fits, double lambda, double l1, SegmentedGlm.Evaluation[] starts,
                                    double[][] hessians, boolean[] evaluated, int maxPasses, double tol,
                                    IntConsumer finished) {
        Descent[] descents = new Descent[fits.length];
        for (int f = 0; f < fits.length; f++) {
            descents[f] = fits[f].new Descent(lambda, l1, starts[f], hessians[f], maxPasses, tol);
        }
        int done = 0;
        while (true) {
            SegmentedGlm[] glms = new SegmentedGlm[fits.length];
            int[] waiting = new int[fits.length];
            double[][] betas = new double[fits.length][];
            int count = 0;
            for (int f = 0; f < fits.length; f++) {
                double[] beta = descents[f].next();
                if (beta != null) {
                    waiting[count] = f;
                    glms[count] = fits[f].glm;
                    betas[count++] = beta;
                }
            }
            if (fits.length - count > done) {
                done = fits.length - count;
                finished.accept(done);
            }
            if (count == 0) {
                break;
            }
            SegmentedGlm.Evaluation[] results = SegmentedGlm.evaluateTogether(Arrays.copyOf(glms, count),
                    Arrays.copyOf(betas, count), evaluated);
            for (int r = 0; r < count; r++) {
                descents[waiting[r]].take(results[r]);
            }
        }
        Solution[] out = new Solution[fits.length];
        for (int f = 0; f < fits.length; f++) {
            out[f] = descents[f].solution();
        }
        return out;
    }

    /**
     * One minimisation at λ as a sequence of requests: {@link #next} names the β to evaluate (null once finished),
     * {@link #take} receives its evaluation. Steps the data refuses are halved back towards the current β.
     */
    private final class Descent {
        private final double lambda;
        private final double l1;
        private final int maxPasses;
        private final double tol;
        private SegmentedGlm.Evaluation at;
        private double dev;
        private double objective;
        private double[] h;
        private int passes;
        private double previousDecrease = Double.POSITIVE_INFINITY;
        private boolean fresh;
        /** The β waiting for its evaluation, its model decrease, and how often it was halved. */
        private double[] candidate;
        private double candidateDecrease;
        private int halvings;
        private Solution done;

        Descent(double lambda, double l1, SegmentedGlm.Evaluation start, double[] hessian, int maxPasses, double tol) {
            this.lambda = lambda;
            this.l1 = l1;
            this.maxPasses = maxPasses;
            this.tol = tol;
            this.at = start;
            this.dev = at.deviance(rows);
            this.objective = dev / (2 * weightSum) + step.penalty(at.beta(), lambda, l1);
            this.h = hessian == null ? hessian(at.beta()) : hessian;
            this.passes = hessian == null ? 1 : 0;
            this.fresh = hessian == null;
        }

        /** The next β to evaluate, or null when the minimisation has finished. */
        double[] next() {
            if (done != null || candidate != null) {
                return done != null ? null : candidate;
            }
            while (passes < maxPasses) {
                monitor.stopIfCancelled("after " + passes + " passes over the data");
                ElasticNetStep.Result proposal = step.solve(h, at.score(rows), at.beta(), lambda, l1,
                        Math.max(1e-3 * tol * (Math.abs(objective) + 0.1), 1e-30));
                double decrease = proposal.predictedDecrease();
                // below 1e-15 relative the deviance sums cannot confirm a decrease any more
                if (decrease <= Math.max(tol, 1e-15) * (Math.abs(objective) + 0.1)) {
                    return finish(true);
                }
                if (!fresh && decrease > SLOW * previousDecrease) {
                    h = hessian(at.beta()); // the reused Hessian no longer speeds convergence up: rebuild it here
                    passes++;
                    fresh = true;
                    previousDecrease = Double.POSITIVE_INFINITY;
                    continue;
                }
                candidate = proposal.beta();
                candidateDecrease = decrease;
                halvings = 0;
                return candidate;
            }
            return finish(false);
        }

        /** The evaluation of the β last returned by {@link #next}. */
        void take(SegmentedGlm.Evaluation next) {
            double nextObjective = next.deviance(rows) / (2 * weightSum) + step.penalty(candidate, lambda, l1);
            passes++;
            if (!(nextObjective <= objective * (1 + 1e-14))) {
                if (halvings < MAX_HALVINGS && passes < maxPasses) {
                    for (int j = 0; j < candidate.length; j++) {
                        candidate[j] = (candidate[j] + at.beta()[j]) / 2;
                    }
                    halvings++;
                } else {
                    // no descent left at this precision: the current β is the optimum (or the budget ran out)
                    finish(halvings >= MAX_HALVINGS);
                }
                return;
            }
            at = next;
            dev = next.deviance(rows);
            objective = nextObjective;
            previousDecrease = candidateDecrease;
            fresh = false;
            candidate = null;
            if (halvings > 0) {
                h = hessian(at.beta());
                passes++;
                fresh = true;
            }
        }

        private double[] finish(boolean converged) {
            candidate = null;
            done = new Solution(at, dev, objective, h, passes, converged);
            return null;
        }

        Solution solution() {
            return done;
        }
    }
}
