package org.atelier.engine.fit;

import org.atelier.engine.design.DesignMatrix;

/**
 * The monotone-effects step: the working model's weighted least squares under sign constraints
 * ({@link SignConstrainedLeastSquares}). Monotone linear and expression terms constrain their coefficient's sign; a
 * monotone bs is encoded in its cumulative (I-spline-like) form, where non-negative increments make the curve
 * monotone. The feasible set is convex, so the driver's step-halving towards the previous iterate stays feasible.
 */
final class SignConstrainedStep implements IrlsStep {
    private final int[] sign;

    /** {@code sign[j]}: +1 / -1 where column j's coefficient is held to that sign, 0 where it is free. */
    SignConstrainedStep(int[] sign) {
        this.sign = sign.clone();
    }

    @Override
    public double[] propose(IrlsProblem problem, IrlsState state) {
        DesignMatrix x = problem.x();
        double[] wz = new double[problem.rows()];
        problem.weightedWorkingResponse(state.eta(), state.workingWeights(), state.scoreResiduals(), wz);
        double[] gram = x.gram(state.workingWeights(), problem.kernel());
        return SignConstrainedLeastSquares.solve(gram, x.transposeTimes(wz, problem.kernel()), sign, x.columns());
    }
}
