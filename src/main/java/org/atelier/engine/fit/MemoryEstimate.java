package org.atelier.engine.fit;

import java.util.Locale;
import org.atelier.engine.design.Block;
import org.atelier.engine.design.DesignMatrix;
import org.atelier.engine.error.DesignMatrixError;
import org.atelier.engine.spec.FitOptions;

/**
 * What a fit will still allocate once its design is built, estimated from the design's shape so a model that
 * cannot fit in the heap is refused with the figures instead of ending in an OutOfMemoryError: the working vectors
 * of IRLS (a dozen per row), and the normal equations: p² per row chunk plus the factor, the inverse and the stored
 * covariance on the dense path, O(m·q + q²) when a wide categorical of m levels is eliminated (q the other columns);
 * a cross-validated path adds a design per fold and its coefficients per penalty.
 */
public record MemoryEstimate(int rows, int columns, long designBytes, long solveBytes) {
    private static final long DOUBLE = Double.BYTES;
    /** Working vectors of n doubles an IRLS fit holds at once (weights, η, μ and their candidates, y, offset, …). */
    private static final int WORKING_VECTORS = 12;
    /** Rows per chunk of the Gram sums (one p×p partial sum per chunk is held until they are added). */
    private static final int CHUNK = 16_384;

    /**
     * @param blockSolve whether the fit goes through IRLS's normal equations (an unpenalized fit without penalized
     *                   smooths or monotone terms), which eliminate a wide categorical; other fits solve densely
     */
    static MemoryEstimate of(DesignMatrix x, FitOptions options, boolean penalized, boolean blockSolve) {
        long n = x.rows();
        long p = x.columns();
        long design = 0;
        for (Block block : x.blocks()) {
            design += switch (block) {
                case Block.Dense d -> n * DOUBLE;
                case Block.Categorical c -> n * Integer.BYTES + (c.scale() == null ? 0 : n * DOUBLE);
            };
        }
        long chunks = (n + CHUNK - 1) / CHUNK;
        long m = blockSolve ? x.eliminatedWidth() : 0;
        long solve;
        if (m > 0) {
            long q = p - m;
            solve = (4 * m * q + (chunks + 6) * q * q + 4 * m) * DOUBLE;
        } else {
            solve = (chunks + 4) * p * p * DOUBLE;
        }
        solve += WORKING_VECTORS * n * DOUBLE;
        if (penalized && options.cv() != null) {
            long folds = options.cv();
            solve += folds * design + (folds + 1) * options.nAlphas() * p * DOUBLE;
        }
        return new MemoryEstimate(x.rows(), x.columns(), design, solve);
    }

    /** Refuses the fit, naming the figures and what to change, when its solve needs more than the heap has free. */
    void require(HeapBudget heap) {
        if (solveBytes <= heap.availableBytes()) {
            return;
        }
        heap.reclaim();
        long available = heap.availableBytes();
        if (solveBytes <= available) {
            return;
        }
        throw new DesignMatrixError(String.format(Locale.ROOT, "This model needs about %s of memory for its design and"
                        + " solve (%,d design columns on %,d rows); the server has %s free of a %s heap",
                size(designBytes + solveBytes), columns, rows, size(available), size(heap.maxBytes())),
                "Merge rare levels or target-encode the factors with many levels, lower the splines' df, drop an"
                        + " interaction or use fewer CV folds; or start Atelier with more memory (java -Xmx…).");
    }

    static String size(long bytes) {
        if (bytes >= 1e9) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
        }
        return String.format(Locale.ROOT, bytes >= 1e6 ? "%.0f MB" : "%.2f MB", bytes / 1e6);
    }
}
