package org.atelier.engine.fit;

import java.util.List;
import org.atelier.engine.design.DesignMatrix;

/**
 * The elastic-net step of the one IRLS driver, for a fit at a fixed α: the working model's weighted least squares
 * ½(z - Xβ)'W(z - Xβ) plus the penalty, minimised by {@link ElasticNetStep}'s coordinate descent from the current β
 * (a proximal Newton step). Its gradient there is X'u, since η = Xβ + offset; at a first step from starting values
 * of η rather than from a β it is X'Wz, around β = 0. The driver descends on
 * dev + 2Σw·λP(β), glmnet's objective dev/(2Σw) + λP(β) times 2Σw, so halving and convergence follow the plain
 * fit's rule.
 *
 * <p>The score is exact at every step; X'WX, the costly pass, is kept from an earlier β while the steps keep
 * converging fast (each change below {@link #SLOW} of the one before, none halved), as the path's solver does: a
 * nearby β's curvature still points the step at the optimum, where the exact score makes it stop.
 */
final class ElasticNetIrlsStep implements IrlsStep {
    /** The inner sweeps' finest threshold as a share of the driver's tolerance. */
    private static final double INNER = 1e-7;
    /** X'WX is built again when a step changed the objective by more than this share of the step before. */
    private static final double SLOW = 0.05;
    private final ElasticNetStep step;
    private final double lambda;
    private final double l1;
    private final double tol;
    private final double weightSum;
    /** The X'WX the next step may reuse; null until one is built. */
    private double[] gram;

    /**
     * {@code lambda}: glmnet's λ (Atelier's α), {@code l1}: the L1 share; {@code tol} the driver's tolerance, which
     * the inner sweeps undercut by {@link #INNER}; {@code startGram}: X'WX at the β the run starts from, when the
     * caller has it (null: built at the first step).
     */
    ElasticNetIrlsStep(ElasticNetStep step, double lambda, double l1, double tol, double weightSum, double[] startGram) {
        this.step = step;
        this.lambda = lambda;
        this.l1 = l1;
        this.tol = tol;
        this.weightSum = weightSum;
        this.gram = startGram;
    }

    @Override
    public double[] propose(IrlsProblem problem, IrlsState state) {
        DesignMatrix x = problem.x();
        if (!reusable(state)) {
            gram = x.gram(state.workingWeights(), problem.kernel());
        }
        double[] beta;
        double[] score;
        if (state.firstStep()) {
            beta = new double[x.columns()];
            double[] wz = new double[problem.rows()];
            problem.weightedWorkingResponse(state.eta(), state.workingWeights(), state.scoreResiduals(), wz);
            score = x.transposeTimes(wz, problem.kernel()); // the gradient of ½(z - Xβ)'W(z - Xβ) at β = 0
        } else {
            beta = state.beta();
            score = x.transposeTimes(state.scoreResiduals(), problem.kernel());
        }
        return step.solve(gram, score, beta, lambda, l1, threshold(state)).beta();
    }

    /** Whether the kept X'WX may serve this step: the steps since it was built converge fast, none was halved. */
    private boolean reusable(IrlsState state) {
        if (gram == null || state.firstStep()) {
            return false;
        }
        List<IterationTrace> trace = state.trace;
        if (trace.isEmpty()) {
            return true; // the start's own, built by the caller at this β
        }
        IterationTrace last = trace.getLast();
        double before = trace.size() < 2 ? Double.POSITIVE_INFINITY : trace.get(trace.size() - 2).relativeChange();
        return last.stepHalvings() == 0 && last.relativeChange() <= SLOW * before;
    }

    /**
     * How exactly the sweeps solve this step, in glmnet's units as they measure their moves: loosely while the fit is
     * far off (a thousandth of the square of the last relative change, what a Newton step's next change is), and
     * far below the driver's tolerance at the end, since a loosely solved last step stalls short of the optimum
     * while the objective barely moves. A sweep costs O(p²), a pass over the rows O(np): needless precision early
     * on is what costs.
     */
    private double threshold(IrlsState state) {
        double last = state.trace.isEmpty() ? 1 : state.trace.getLast().relativeChange();
        double objective = state.objective / (2 * weightSum);
        return Math.max(Math.max(INNER * tol, 1e-3 * last * last) * (Math.abs(objective) + 0.1), 1e-30);
    }

    @Override
    public double penalty(double[] beta) {
        return 2 * weightSum * step.penalty(beta, lambda, l1);
    }
}
