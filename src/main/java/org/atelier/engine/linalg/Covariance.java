package org.atelier.engine.linalg;

/**
 * The covariance of a fit's estimates, φ·(X'WX)⁻¹, in the form it is stored in: either the dense p×p row-major
 * matrix, or, for a design with a wide categorical block, the block form of the inverse that never holds p² numbers.
 *
 * <p>Block form: the categorical block A (columns {@code offset … offset+m-1}) has a diagonal X'WX block D, and the
 * other q columns R have X'WX block C and cross E = X_A'WX_R. With H = D⁻¹E and the Schur complement S = C - E'D⁻¹E,
 * the inverse is [[D⁻¹ + H S⁻¹ H', -H S⁻¹], [-S⁻¹H', S⁻¹]]; the stored numbers are φD⁻¹ (m), H (q×m, column r of
 * H as one run) and φS⁻¹ (q×q), after a header [{@link #BLOCK_MARK}, offset, m]. The mark cannot start a dense
 * covariance, whose first entry is a variance (≥ 0, or NaN when none is reported).
 */
public sealed interface Covariance permits Covariance.Dense, Covariance.Blocked {
    double BLOCK_MARK = -1;

    /** Number of coefficients. */
    int size();

    /** Cov(β_i, β_j). */
    double at(int i, int j);

    default double variance(int j) {
        return at(j, j);
    }

    /** The numbers to store (and read back with {@link #of}). */
    double[] stored();

    /** The covariance of {@code p} coefficients from its stored numbers. */
    static Covariance of(double[] stored, int p) {
        if (stored.length > 0 && stored[0] == BLOCK_MARK) {
            return new Blocked(p, stored);
        }
        if ((long) p * p != stored.length) {
            throw new IllegalArgumentException("A covariance of " + p + " coefficients has " + stored.length + " numbers");
        }
        return new Dense(p, stored);
    }

    /** The block form from its parts: φD⁻¹ (m), H (q×m) and φS⁻¹ (q×q). */
    static Covariance blocked(int p, int offset, double[] dInverse, double[] h, double[] sInverse) {
        int m = dInverse.length;
        int q = p - m;
        double[] stored = new double[3 + m + q * m + q * q];
        stored[0] = BLOCK_MARK;
        stored[1] = offset;
        stored[2] = m;
        System.arraycopy(dInverse, 0, stored, 3, m);
        System.arraycopy(h, 0, stored, 3 + m, q * m);
        System.arraycopy(sInverse, 0, stored, 3 + m + q * m, q * q);
        return new Blocked(p, stored);
    }

    record Dense(int size, double[] stored) implements Covariance {
        public double at(int i, int j) {
            return stored[i * size + j];
        }
    }

    /** The block form; H·φS⁻¹ (m×q) is formed once so an entry costs O(q). */
    final class Blocked implements Covariance {
        private final int p;
        private final double[] stored;
        private final int offset;
        private final int m;
        private final int q;
        /** H·φS⁻¹, m×q row-major. */
        private final double[] hs;

        private Blocked(int p, double[] stored) {
            this.p = p;
            this.stored = stored;
            this.offset = (int) stored[1];
            this.m = (int) stored[2];
            this.q = p - m;
            if (stored.length != 3 + m + (long) q * m + (long) q * q) {
                throw new IllegalArgumentException("A block covariance of " + p + " coefficients has " + stored.length + " numbers");
            }
            this.hs = new double[m * q];
            int h0 = 3 + m;
            int s0 = 3 + m + q * m;
            for (int a = 0; a < m; a++) {
                for (int s = 0; s < q; s++) {
                    double v = 0;
                    for (int r = 0; r < q; r++) {
                        v += stored[h0 + r * m + a] * stored[s0 + r * q + s];
                    }
                    hs[a * q + s] = v;
                }
            }
        }

        public int size() {
            return p;
        }

        public double[] stored() {
            return stored;
        }

        public double at(int i, int j) {
            boolean ia = i >= offset && i < offset + m;
            boolean ja = j >= offset && j < offset + m;
            if (ia && ja) {
                int a = i - offset;
                int b = j - offset;
                double v = a == b ? stored[3 + a] : 0;
                int h0 = 3 + m;
                for (int r = 0; r < q; r++) {
                    v += hs[a * q + r] * stored[h0 + r * m + b];
                }
                return v;
            }
            if (ia) {
                return -hs[(i - offset) * q + rest(j)];
            }
            if (ja) {
                return -hs[(j - offset) * q + rest(i)];
            }
            return stored[3 + m + q * m + rest(i) * q + rest(j)];
        }

        /** Column j of X (outside A) as a column of R: R is X without A, in X's order. */
        private int rest(int column) {
            return column < offset ? column : column - m;
        }
    }
}
