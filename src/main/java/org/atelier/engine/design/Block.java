package org.atelier.engine.design;

import java.util.List;

/**
 * A slice of the design matrix as the fitter stores it: either one dense numeric column or a categorical block
 * that never materialises its one-hot columns (one code per row, at most one non-zero per row).
 */
public sealed interface Block permits Block.Dense, Block.Categorical {

    /** The coefficient names this block contributes, in order. */
    List<String> features();

    /** The factor the coefficients are grouped under in the UI (the result's {@code factor_name}). */
    String factor();

    int width();

    /** One dense numeric column. */
    record Dense(String feature, String factor, double[] values) implements Block {
        public List<String> features() {
            return List.of(feature);
        }

        public int width() {
            return 1;
        }
    }

    /**
     * {@code features.size()} indicator-like columns: row i has value {@code scale[i]} (1 when scale is null) in
     * column {@code codes[i]}, and zero elsewhere; code -1 means the row has no non-zero (the base level).
     * A categorical-by-numeric interaction is such a block with the numeric values as scale.
     */
    record Categorical(List<String> features, String factor, int[] codes, double[] scale) implements Block {
        public Categorical {
            features = List.copyOf(features);
        }

        public int width() {
            return features.size();
        }

        public double scaleAt(int row) {
            return scale == null ? 1.0 : scale[row];
        }
    }
}
