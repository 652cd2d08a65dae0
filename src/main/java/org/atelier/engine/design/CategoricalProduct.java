package org.atelier.engine.design;

/**
 * The categorical blocks' part of Xβ and X'v. Without rating cells: one look-up (Xβ) or scatter-add (X'v) per block
 * and row. With {@link RatingCells} cells: one per row, the cells' values summed from the levels once per β, and
 * the cells' sums spread over the levels once per range of rows summed. Level -1 (no non-zero) uses an extra slot 0
 * that holds 0 or is dropped, so nothing branches on the level: VehGas's two levels would mispredict half the time.
 */
final class CategoricalProduct {
    private final Block.Categorical[] blocks;
    private final int[] offset;
    private final RatingCells cells;

    CategoricalProduct(Block.Categorical[] blocks, int[] offset, RatingCells cells) {
        this.blocks = blocks;
        this.offset = offset;
        this.cells = cells;
    }

    /** β's categorical values: per block its levels after a slot 0 that holds 0, and each cell's sum (or null). */
    record Values(double[][] level, double[] cellSum) {
    }

    Values values(double[] beta) {
        double[][] level = new double[blocks.length][];
        for (int k = 0; k < blocks.length; k++) {
            level[k] = new double[blocks[k].width() + 1];
            System.arraycopy(beta, offset[k], level[k], 1, blocks[k].width());
        }
        double[] cellSum = null;
        if (cells != null) {
            cellSum = new double[cells.cells()];
            for (int k = 0; k < blocks.length; k++) {
                int[] code = cells.codes(k);
                double[] l = level[k];
                for (int c = 0; c < cellSum.length; c++) {
                    cellSum[c] += l[code[c] + 1];
                }
            }
        }
        return new Values(level, cellSum);
    }

    /** Adds rows [from, to)'s categorical part of Xβ to {@code eta}. */
    void addTimes(Values values, double[] eta, int from, int to) {
        if (cells != null) {
            int[] cell = cells.cellOfRow();
            double[] sum = values.cellSum();
            for (int i = from; i < to; i++) {
                eta[i] += sum[cell[i]];
            }
            return;
        }
        int[][] codes = new int[blocks.length][];
        double[][] level = new double[blocks.length][];
        int m = 0;
        for (int k = 0; k < blocks.length; k++) {
            int[] c = blocks[k].codes();
            double[] l = values.level()[k];
            double[] scale = blocks[k].scale();
            if (scale != null) {
                for (int i = from; i < to; i++) {
                    eta[i] += l[c[i] + 1] * scale[i];
                }
            } else {
                codes[m] = c;
                level[m++] = l;
            }
        }
        int k = 0;
        for (; k + 2 <= m; k += 2) { // two blocks per pass over η
            int[] c0 = codes[k];
            int[] c1 = codes[k + 1];
            double[] l0 = level[k];
            double[] l1 = level[k + 1];
            for (int i = from; i < to; i++) {
                eta[i] += l0[c0[i] + 1] + l1[c1[i] + 1];
            }
        }
        if (k < m) {
            int[] c0 = codes[k];
            double[] l0 = level[k];
            for (int i = from; i < to; i++) {
                eta[i] += l0[c0[i] + 1];
            }
        }
    }

    /** Space for the cells' sums of X'v over several ranges of rows (null without cells). */
    double[] cellSums() {
        return cells == null ? null : new double[2 * cells.cells()];
    }

    /**
     * Adds rows [from, to)'s categorical part of X'v to {@code out}, or with cells to {@code cellSums}, which
     * {@link #spread} then adds to {@code out}.
     */
    void addTransposeTimes(double[] v, int from, int to, double[] out, double[] cellSums) {
        if (cells != null) {
            int[] cell = cells.cellOfRow();
            int n = cells.cells();
            int i = from;
            for (; i + 1 < to; i += 2) { // two accumulators: neighbouring rows may share a cell
                cellSums[cell[i]] += v[i];
                cellSums[n + cell[i + 1]] += v[i + 1];
            }
            if (i < to) {
                cellSums[cell[i]] += v[i];
            }
            return;
        }
        for (int k = 0; k < blocks.length; k++) {
            int width = blocks[k].width() + 1;
            int[] codes = blocks[k].codes();
            double[] scale = blocks[k].scale();
            // four interleaved accumulators: neighbouring rows often share a level, and an add to the same slot
            // waits for the previous one
            double[] acc = new double[4 * width];
            int i = from;
            if (scale == null) {
                for (; i + 3 < to; i += 4) {
                    acc[codes[i] + 1] += v[i];
                    acc[width + codes[i + 1] + 1] += v[i + 1];
                    acc[2 * width + codes[i + 2] + 1] += v[i + 2];
                    acc[3 * width + codes[i + 3] + 1] += v[i + 3];
                }
            }
            for (; i < to; i++) {
                acc[codes[i] + 1] += scale == null ? v[i] : scale[i] * v[i];
            }
            for (int c = 1; c < width; c++) {
                out[offset[k] + c - 1] += (acc[c] + acc[width + c]) + (acc[2 * width + c] + acc[3 * width + c]);
            }
        }
    }

    /** Adds the cells' sums to their levels in {@code out} and clears them. */
    void spread(double[] cellSums, double[] out) {
        if (cells == null) {
            return;
        }
        int n = cells.cells();
        for (int k = 0; k < blocks.length; k++) {
            int[] code = cells.codes(k);
            for (int c = 0; c < n; c++) {
                if (code[c] >= 0) {
                    out[offset[k] + code[c]] += cellSums[c] + cellSums[n + c];
                }
            }
        }
        java.util.Arrays.fill(cellSums, 0);
    }
}
