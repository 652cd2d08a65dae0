package org.atelier.engine.linalg;

/**
 * The dense kernels behind a fit, behind one small interface so the backend can be chosen at run time. Only the
 * dense part of X'WX goes through here: categorical blocks are O(n) accumulations done by the design matrix.
 */
public interface LinearAlgebra {

    /** The {@code --backend} name. */
    String name();

    /**
     * Adds Σ_{i in [from, to)} w_i x_{a,i} x_{b,i} to {@code out[a*d + b]} for every a ≥ b (lower triangle, row-major
     * d×d, d = cols.length). Called once per row chunk, possibly from several threads at once: implementations must
     * be thread-safe and should avoid large per-call allocations.
     */
    void weightedGram(double[][] cols, double[] w, int from, int to, double[] out);

    /** Σ_{i in [from, to)} x_i y_i. */
    double dot(double[] x, double[] y, int from, int to);

    /** out_i = exp(x_i) for i in [from, to), to within an ulp: the log link's inverse on a pass over the rows. */
    default void exp(double[] x, int from, int to, double[] out) {
        for (int i = from; i < to; i++) {
            out[i] = Math.exp(x[i]);
        }
    }
}
