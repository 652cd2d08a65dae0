package org.atelier.engine.fit;

import org.atelier.engine.design.Aliasing;
import org.atelier.engine.design.DesignMatrix;
import org.atelier.engine.design.NormalEquations;

/**
 * The maximum-likelihood step: weighted least squares on the working model, solved through
 * {@link DesignMatrix#normalEquations} (by block elimination on a wide categorical block, densely otherwise).
 * After the first iteration each step is solved in increment form, Δβ = (X'WX)⁻¹ X'u with u = W(z - Xβ) computed
 * directly: the right-hand side is then an exact gradient, so rounding in the solve does not accumulate (a free
 * iterative refinement, which keeps 1e-10 tolerances reachable). One instance per run: it keeps the last X'WX.
 */
final class WeightedLeastSquares implements IrlsStep {
    private NormalEquations information;

    @Override
    public double[] propose(IrlsProblem problem, IrlsState state) {
        DesignMatrix x = problem.x();
        NormalEquations equations = x.normalEquations(state.workingWeights(), problem.kernel());
        information = equations;
        if (!equations.isFullRank()) {
            throw Aliasing.error("Singular design matrix", x, equations.gram(), equations.aliased());
        }
        if (state.firstStep()) {
            // a full solve of X'WX β = X'Wz with z = η - offset + (y - μ)/μ'(η)
            double[] wz = new double[problem.rows()];
            problem.weightedWorkingResponse(state.eta(), state.workingWeights(), state.scoreResiduals(), wz);
            return equations.solve(x.transposeTimes(wz, problem.kernel()));
        }
        double[] step = equations.solve(x.transposeTimes(state.scoreResiduals(), problem.kernel()));
        double[] beta = state.beta();
        double[] candidate = new double[beta.length];
        for (int j = 0; j < beta.length; j++) {
            candidate[j] = beta[j] + step[j];
        }
        return candidate;
    }

    /**
     * X'WX (factored) of the last iteration, at the weights computed before its step: summary.glm's dispersion and
     * covariance are built from those, and matching R means doing the same.
     */
    NormalEquations information() {
        return information;
    }
}
