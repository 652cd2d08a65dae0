package org.atelier.engine.fit;

import java.util.ArrayList;
import java.util.List;

/**
 * Where an IRLS run is (the mutable half of glum's IRLSData/IRLSState split): the coefficients (null before the
 * first step), η and μ there, the deviance and the objective the run descends on (the deviance plus the step's
 * penalty), the iteration, this iteration's working weights and the trace so far. Only {@link Irls} changes it; a
 * step reads it.
 */
final class IrlsState {
    double[] beta;
    double[] eta;
    double[] mu;
    double deviance;
    double objective;
    int iteration;
    /** This iteration's W = w μ'² / V and u = w μ'(y - μ) / V, at {@link #eta} and {@link #mu}. */
    final double[] w;
    final double[] u;
    final List<IterationTrace> trace = new ArrayList<>();
    boolean converged;

    IrlsState(int rows) {
        eta = new double[rows];
        mu = new double[rows];
        w = new double[rows];
        u = new double[rows];
    }

    /** The coefficients so far; null before the first step. */
    double[] beta() {
        return beta;
    }

    double[] eta() {
        return eta;
    }

    double[] mu() {
        return mu;
    }

    double[] workingWeights() {
        return w;
    }

    /** u = w μ'(η)(y - μ)/V(μ): X'u is the score at β. */
    double[] scoreResiduals() {
        return u;
    }

    int iteration() {
        return iteration;
    }

    boolean firstStep() {
        return beta == null;
    }
}
