package org.atelier.engine.linalg;

import java.util.ArrayList;
import java.util.List;

/**
 * Cholesky factorisation of a symmetric positive semi-definite p×p matrix (row-major), after scaling it to unit
 * diagonal so the rank test is scale-free: a column whose scaled pivot falls under {@link #ALIAS_TOLERANCE} is a
 * linear combination of the columns before it (R's QR flags the same columns, at 1e-7 on the norm).
 */
public final class Cholesky {
    /** Pivot threshold on the unit-diagonal matrix: 1 - R² of a column on the earlier ones. */
    public static final double ALIAS_TOLERANCE = 1e-10;

    private final int p;
    private final double[] lower;
    private final double[] scale;
    private final List<Integer> aliased;

    private Cholesky(int p, double[] lower, double[] scale, List<Integer> aliased) {
        this.p = p;
        this.lower = lower;
        this.scale = scale;
        this.aliased = aliased;
    }

    public static Cholesky factor(double[] matrix, int p) {
        double[] scale = new double[p];
        List<Integer> aliased = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            double d = matrix[j * p + j];
            scale[j] = d > 0 && Double.isFinite(d) ? 1 / Math.sqrt(d) : 0;
        }
        double[] l = new double[p * p];
        for (int j = 0; j < p; j++) {
            if (scale[j] == 0) {
                aliased.add(j);
                continue;
            }
            double diag = matrix[j * p + j] * scale[j] * scale[j];
            for (int k = 0; k < j; k++) {
                diag -= l[j * p + k] * l[j * p + k];
            }
            if (!(diag > ALIAS_TOLERANCE)) {
                aliased.add(j);
                continue; // column j of L stays zero: later columns factor as if j were absent
            }
            double ljj = Math.sqrt(diag);
            l[j * p + j] = ljj;
            for (int i = j + 1; i < p; i++) {
                if (scale[i] == 0) {
                    continue;
                }
                double s = matrix[i * p + j] * scale[i] * scale[j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * p + k] * l[j * p + k];
                }
                l[i * p + j] = s / ljj;
            }
        }
        return new Cholesky(p, l, scale, List.copyOf(aliased));
    }

    /** Indices of columns found to be linear combinations of earlier ones (or all zero). */
    public List<Integer> aliased() {
        return aliased;
    }

    public boolean isFullRank() {
        return aliased.isEmpty();
    }

    /** Solves A x = b. */
    public double[] solve(double[] b) {
        double[] y = new double[p];
        for (int i = 0; i < p; i++) {
            y[i] = b[i] * scale[i];
        }
        for (int i = 0; i < p; i++) {
            double s = y[i];
            for (int k = 0; k < i; k++) {
                s -= l(i, k) * y[k];
            }
            y[i] = l(i, i) == 0 ? 0 : s / l(i, i);
        }
        for (int i = p - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < p; k++) {
                s -= l(k, i) * y[k];
            }
            y[i] = l(i, i) == 0 ? 0 : s / l(i, i);
        }
        for (int i = 0; i < p; i++) {
            y[i] *= scale[i];
        }
        return y;
    }

    /** A⁻¹ (row-major), column by column. */
    public double[] inverse() {
        double[] inv = new double[p * p];
        double[] e = new double[p];
        for (int j = 0; j < p; j++) {
            java.util.Arrays.fill(e, 0);
            e[j] = 1;
            double[] col = solve(e);
            for (int i = 0; i < p; i++) {
                inv[i * p + j] = col[i];
            }
        }
        return inv;
    }

    private double l(int i, int j) {
        return lower[i * p + j];
    }
}
