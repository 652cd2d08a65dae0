package org.atelier.engine.design;

import java.util.List;
import org.atelier.engine.linalg.Cholesky;
import org.atelier.engine.linalg.Covariance;
import org.atelier.engine.linalg.LinearAlgebra;

/**
 * The normal equations X'WX β = b of one IRLS iteration, factored once: solved for a right-hand side, checked for
 * aliased columns, inverted for the covariance. Built by {@link DesignMatrix#normalEquations}, which picks the dense
 * Cholesky of the whole X'WX, or, when the design has a wide categorical block, the block elimination of
 * {@link BlockNormalEquations} that never forms the p×p matrix.
 */
public sealed interface NormalEquations permits NormalEquations.Dense, BlockNormalEquations {

    /** Design columns found to be linear combinations of others (or zero on every row with weight). */
    List<Integer> aliased();

    default boolean isFullRank() {
        return aliased().isEmpty();
    }

    /** β with X'WX β = b; aliased columns get 0. */
    double[] solve(double[] b);

    /** φ·(X'WX)⁻¹. */
    Covariance inverse(double dispersion);

    /**
     * X'WX as a full p×p row-major matrix, to explain aliased columns; null when p is too large to hold it (the
     * block form is chosen exactly when that may be so).
     */
    double[] gram();

    /** The plain Cholesky of the whole X'WX. */
    static NormalEquations dense(DesignMatrix x, double[] w, LinearAlgebra kernel) {
        double[] gram = x.gram(w, kernel);
        return new Dense(gram, Cholesky.factor(gram, x.columns()));
    }

    final class Dense implements NormalEquations {
        private final double[] gram;
        private final Cholesky cholesky;

        Dense(double[] gram, Cholesky cholesky) {
            this.gram = gram;
            this.cholesky = cholesky;
        }

        public List<Integer> aliased() {
            return cholesky.aliased();
        }

        public double[] solve(double[] b) {
            return cholesky.solve(b);
        }

        public Covariance inverse(double dispersion) {
            double[] inverse = cholesky.inverse();
            for (int i = 0; i < inverse.length; i++) {
                inverse[i] *= dispersion;
            }
            return Covariance.of(inverse, (int) Math.round(Math.sqrt(inverse.length)));
        }

        public double[] gram() {
            return gram;
        }
    }
}
