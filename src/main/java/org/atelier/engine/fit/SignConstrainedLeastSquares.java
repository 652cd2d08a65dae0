package org.atelier.engine.fit;

import java.util.ArrayList;
import java.util.List;
import org.atelier.engine.linalg.Cholesky;

/**
 * min ½β'Gβ - c'β subject to sign[j]·β_j ≥ 0 wherever sign[j] ≠ 0 (other coefficients free), by the active-set
 * method of Lawson and Hanson's NNLS written on the normal equations: start with every constrained coefficient at 0,
 * free the one whose gradient most wants to move into the feasible side, solve on the free set, and step back to
 * the boundary whenever that solve leaves the feasible region. Exact in finitely many steps; p is small.
 */
final class SignConstrainedLeastSquares {
    private static final int MAX_STEPS = 10_000;

    private SignConstrainedLeastSquares() {
    }

    static double[] solve(double[] g, double[] c, int[] sign, int p) {
        boolean[] free = new boolean[p];
        for (int j = 0; j < p; j++) {
            free[j] = sign[j] == 0;
        }
        double[] beta = new double[p];
        double[] trial = solveOn(g, c, free, p);
        System.arraycopy(trial, 0, beta, 0, p); // feasible: constrained coefficients are all 0
        double scale = 0;
        for (int j = 0; j < p; j++) {
            scale = Math.max(scale, Math.abs(c[j]));
        }
        double tol = 1e-12 * Math.max(scale, 1e-300);
        for (int step = 0; step < MAX_STEPS; step++) {
            // the most promising bound coefficient: its gradient (c - Gβ)_j points into the feasible side
            int enter = -1;
            double best = tol;
            for (int j = 0; j < p; j++) {
                if (free[j]) continue;
                double gradient = c[j];
                for (int k = 0; k < p; k++) {
                    gradient -= g[j * p + k] * beta[k];
                }
                double into = sign[j] * gradient;
                if (into > best) {
                    best = into;
                    enter = j;
                }
            }
            if (enter < 0) {
                return beta;
            }
            free[enter] = true;
            while (true) {
                trial = solveOn(g, c, free, p);
                double t = 1;
                int leave = -1;
                for (int j = 0; j < p; j++) {
                    if (free[j] && sign[j] != 0 && sign[j] * trial[j] <= 0) {
                        double denominator = beta[j] - trial[j];
                        double tj = denominator == 0 ? 0 : beta[j] / denominator;
                        if (tj < t) {
                            t = tj;
                            leave = j;
                        }
                    }
                }
                if (leave < 0) {
                    beta = trial;
                    break;
                }
                for (int j = 0; j < p; j++) {
                    beta[j] += t * (trial[j] - beta[j]);
                }
                // the coefficient that hit the bound leaves exactly (rounding must not keep it free forever)
                beta[leave] = 0;
                free[leave] = false;
                for (int j = 0; j < p; j++) {
                    if (free[j] && sign[j] != 0 && sign[j] * beta[j] <= 0) {
                        free[j] = false;
                        beta[j] = 0;
                    }
                }
            }
        }
        return beta;
    }

    /** G_FF β_F = c_F with every other coefficient at 0. */
    private static double[] solveOn(double[] g, double[] c, boolean[] free, int p) {
        List<Integer> index = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            if (free[j]) index.add(j);
        }
        int m = index.size();
        double[] sub = new double[m * m];
        double[] rhs = new double[m];
        for (int a = 0; a < m; a++) {
            rhs[a] = c[index.get(a)];
            for (int b = 0; b < m; b++) {
                sub[a * m + b] = g[index.get(a) * p + index.get(b)];
            }
        }
        double[] solved = m == 0 ? new double[0] : Cholesky.factor(sub, m).solve(rhs);
        double[] out = new double[p];
        for (int a = 0; a < m; a++) {
            out[index.get(a)] = solved[a];
        }
        return out;
    }
}
