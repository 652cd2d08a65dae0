package org.atelier.engine.design;

import java.util.stream.IntStream;

/**
 * The categorical part of X'WX: each block's diagonal, its cross with every dense column, and each pair of blocks'
 * cross table. Row by row, a row adds w·s to one row of each block's table ([its diagonal cell, its cross with a
 * column of ones, its cross with every other dense column]) and to one cell of each pair of blocks' cross table.
 * With {@link RatingCells} cells, the rows' w and w·x are first summed per cell (a few tight loops), and the cells
 * then fill the tables as if each were a row: a few thousand cells instead of hundreds of thousands of rows.
 * Level -1 (no non-zero) is kept in an extra first row and column that are dropped at the end, so the loops have no
 * branches: unpredictable branches on the level cost more than the arithmetic they would save.
 */
final class CategoricalGram {
    private final Block.Categorical[] blocks;
    private final int[] offset;
    private final int[] denseIndex;
    private final boolean[] ones;
    /** The dense columns that are not all ones, and where they are in X. */
    private final double[][] varying;
    private final int[] varyingIndex;
    private final RatingCells cells;

    CategoricalGram(Block.Categorical[] blocks, int[] offset, double[][] dense, int[] denseIndex, boolean[] ones,
                    RatingCells cells) {
        this.blocks = blocks;
        this.offset = offset;
        this.denseIndex = denseIndex;
        this.ones = ones;
        int[] picked = IntStream.range(0, dense.length).filter(j -> !ones[j]).toArray();
        this.varying = IntStream.of(picked).mapToObj(j -> dense[j]).toArray(double[][]::new);
        this.varyingIndex = IntStream.of(picked).map(j -> denseIndex[j]).toArray();
        this.cells = cells;
    }

    /** The sums being built: per block a table of rows [Σws², Σws, Σws·x_j…] by level, per pair a cross table. */
    private final class Tables {
        final int stride = varying.length + 2;
        final double[][] table = new double[blocks.length][];
        final double[][][] pairs = new double[blocks.length][][];

        Tables() {
            for (int k = 0; k < blocks.length; k++) {
                table[k] = new double[(blocks[k].width() + 1) * stride];
                pairs[k] = new double[k][];
                for (int k2 = 0; k2 < k; k2++) {
                    pairs[k][k2] = new double[(blocks[k].width() + 1) * (blocks[k2].width() + 1)];
                }
            }
        }
    }

    /**
     * Rows' w and w·x_j summed per cell (two interleaved halves each: neighbouring rows may share a cell), kept
     * until {@link #spread} fills the tables from them: over a few ranges of rows once rather than once per range.
     */
    final class CellSums {
        private final double[] weight = new double[2 * cells.cells()];
        private final double[][] cross = new double[varying.length][2 * cells.cells()];

        void add(CellSums other) {
            for (int c = 0; c < weight.length; c++) weight[c] += other.weight[c];
            for (int j = 0; j < cross.length; j++) {
                for (int c = 0; c < weight.length; c++) cross[j][c] += other.cross[j][c];
            }
        }
    }

    /** Space for cell sums, or null when rows are not grouped in cells. */
    CellSums cellSums() {
        return cells == null ? null : new CellSums();
    }

    /**
     * Adds rows [from, to)'s categorical entries to the p×p row-major {@code g}, each pair once in one triangle, or
     * with cells to {@code sums}, which {@link #spread} adds to g.
     */
    void add(double[] w, int from, int to, double[] g, int p, CellSums sums) {
        if (blocks.length == 0) {
            return;
        }
        if (cells != null) {
            int[] cellOfRow = cells.cellOfRow();
            sumByCell(cellOfRow, w, null, from, to, sums.weight);
            for (int j = 0; j < varying.length; j++) {
                sumByCell(cellOfRow, w, varying[j], from, to, sums.cross[j]);
            }
            return;
        }
        Tables t = new Tables();
        byRow(w, from, to, t);
        place(t, g, p);
    }

    /** Adds the cells' entries to g (each cell as if it were a row) and clears the sums. */
    void spread(CellSums sums, double[] g, int p) {
        if (sums == null) {
            return;
        }
        Tables t = new Tables();
        byCell(sums, t);
        place(t, g, p);
        java.util.Arrays.fill(sums.weight, 0);
        for (double[] c : sums.cross) java.util.Arrays.fill(c, 0);
    }

    private void byRow(double[] w, int from, int to, Tables t) {
        int d = varying.length;
        int stride = t.stride;
        int[][] codes = new int[blocks.length][];
        double[][] scales = new double[blocks.length][];
        int[] rowLength = new int[blocks.length];
        for (int k = 0; k < blocks.length; k++) {
            codes[k] = blocks[k].codes();
            scales[k] = blocks[k].scale();
            rowLength[k] = blocks[k].width() + 1;
        }
        double[] xd = new double[d];
        for (int i = from; i < to; i++) {
            double wi = w[i];
            for (int j = 0; j < d; j++) {
                xd[j] = varying[j][i];
            }
            for (int k = 0; k < blocks.length; k++) {
                int c = codes[k][i] + 1;
                double[] table = t.table[k];
                int base = c * stride;
                double v;
                if (scales[k] == null) {
                    v = wi;
                    table[base] += v;
                } else {
                    double s = scales[k][i];
                    v = wi * s;
                    table[base] += v * s;
                    table[base + 1] += v;
                }
                for (int j = 0; j < d; j++) {
                    table[base + 2 + j] += v * xd[j];
                }
                double[][] pair = t.pairs[k];
                for (int k2 = 0; k2 < k; k2++) {
                    int c2 = codes[k2][i] + 1;
                    double s2 = scales[k2] == null ? 1 : scales[k2][i];
                    pair[k2][c * rowLength[k2] + c2] += v * s2;
                }
            }
        }
    }

    /** Adds each cell's sums to the tables like a row's (cells have unscaled blocks only). */
    private void byCell(CellSums sums, Tables t) {
        int n = cells.cells();
        int d = varying.length;
        double[] weight = fold(sums.weight, n);
        double[][] cross = new double[d][];
        for (int j = 0; j < d; j++) {
            cross[j] = fold(sums.cross[j], n);
        }
        int[][] code = new int[blocks.length][];
        for (int k = 0; k < blocks.length; k++) {
            code[k] = cells.codes(k);
        }
        for (int cell = 0; cell < n; cell++) {
            double wc = weight[cell];
            if (wc == 0 && empty(cross, cell)) {
                continue; // no row of this range is in the cell
            }
            for (int k = 0; k < blocks.length; k++) {
                int c = code[k][cell] + 1;
                double[] table = t.table[k];
                int base = c * t.stride;
                table[base] += wc;
                for (int j = 0; j < d; j++) {
                    table[base + 2 + j] += cross[j][cell];
                }
                for (int k2 = 0; k2 < k; k2++) {
                    t.pairs[k][k2][c * (blocks[k2].width() + 1) + code[k2][cell] + 1] += wc;
                }
            }
        }
    }

    private static double[] fold(double[] halves, int n) {
        double[] sum = new double[n];
        for (int c = 0; c < n; c++) {
            sum[c] = halves[c] + halves[n + c];
        }
        return sum;
    }

    private static boolean empty(double[][] cross, int cell) {
        for (double[] sums : cross) {
            if (sums[cell] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Adds Σ w_i x_i (x null: Σ w_i) over rows [from, to) of each cell to {@code acc}'s two halves. */
    private static void sumByCell(int[] cellOfRow, double[] w, double[] x, int from, int to, double[] acc) {
        int n = acc.length / 2;
        int i = from;
        if (x == null) {
            for (; i + 1 < to; i += 2) {
                acc[cellOfRow[i]] += w[i];
                acc[n + cellOfRow[i + 1]] += w[i + 1];
            }
        } else {
            for (; i + 1 < to; i += 2) {
                acc[cellOfRow[i]] += w[i] * x[i];
                acc[n + cellOfRow[i + 1]] += w[i + 1] * x[i + 1];
            }
        }
        for (; i < to; i++) {
            acc[cellOfRow[i]] += x == null ? w[i] : w[i] * x[i];
        }
    }

    /** Adds the tables to g, dropping level -1's slot. */
    private void place(Tables t, double[] g, int p) {
        int d = varying.length;
        for (int k = 0; k < blocks.length; k++) {
            int width = blocks[k].width();
            int off = offset[k];
            boolean scaled = blocks[k].scale() != null;
            double[] table = t.table[k];
            for (int c = 0; c < width; c++) {
                int base = (c + 1) * t.stride;
                int row = (off + c) * p;
                g[row + off + c] += table[base];
                for (int j = 0; j < denseIndex.length; j++) {
                    if (ones[j]) {
                        g[row + denseIndex[j]] += scaled ? table[base + 1] : table[base];
                    }
                }
                for (int j = 0; j < d; j++) {
                    g[row + varyingIndex[j]] += table[base + 2 + j];
                }
                for (int k2 = 0; k2 < k; k2++) {
                    int width2 = blocks[k2].width();
                    int off2 = offset[k2];
                    double[] pair = t.pairs[k][k2];
                    for (int c2 = 0; c2 < width2; c2++) {
                        g[row + off2 + c2] += pair[(c + 1) * (width2 + 1) + c2 + 1];
                    }
                }
            }
        }
    }
}
