package org.atelier.engine.fit;

import org.atelier.engine.design.ColumnRange;

/**
 * A penalized smooth's roughness penalty: the k×k matrix S (row-major) of the quadratic β'Sβ on the term's
 * {@code columns}, k = their width. Its strength λ is chosen by GCV ({@link SmoothingStep}).
 */
record SmoothingPenalty(String term, ColumnRange columns, double[] s) {

    /** The first column of the smooth in the design. */
    int offset() {
        return columns.from();
    }

    /** The number of coefficients the penalty covers. */
    int k() {
        return columns.width();
    }
}
