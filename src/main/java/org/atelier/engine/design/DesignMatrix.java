package org.atelier.engine.design;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.atelier.engine.linalg.LinearAlgebra;

/**
 * X held as dense numeric columns plus categorical code arrays, never as one-hot columns. X'WX is built block-wise:
 * the dense×dense part by the {@link LinearAlgebra} kernel, categorical diagonals, categorical×dense and cat×cat
 * cross tables by O(n) accumulation, as H2O's Gram and glum's tabmat do. Work is split into fixed chunks of rows
 * run in parallel and summed in chunk order, so the result does not depend on the number of cores.
 */
public final class DesignMatrix {
    static final int CHUNK = 16_384;

    private final int rows;
    private final List<Block> blocks;
    private final List<String> features = new ArrayList<>();
    private final List<String> factors = new ArrayList<>();
    private final double[][] dense;
    private final int[] denseIndex;
    private final Block.Categorical[] categorical;
    private final int[] categoricalOffset;
    /** Dense columns that are all ones (the intercept): their cross with a categorical block is its row sum. */
    private final boolean[] ones;

    public DesignMatrix(int rows, List<Block> blocks) {
        this.rows = rows;
        this.blocks = List.copyOf(blocks);
        List<double[]> denseCols = new ArrayList<>();
        List<Integer> denseIdx = new ArrayList<>();
        List<Block.Categorical> cats = new ArrayList<>();
        List<Integer> catOffsets = new ArrayList<>();
        for (Block block : blocks) {
            int start = features.size();
            features.addAll(block.features());
            for (int i = 0; i < block.width(); i++) {
                factors.add(block.factor());
            }
            switch (block) {
                case Block.Dense d -> {
                    denseCols.add(d.values());
                    denseIdx.add(start);
                }
                case Block.Categorical c -> {
                    cats.add(c);
                    catOffsets.add(start);
                }
            }
        }
        this.dense = denseCols.toArray(double[][]::new);
        this.denseIndex = denseIdx.stream().mapToInt(Integer::intValue).toArray();
        this.categorical = cats.toArray(Block.Categorical[]::new);
        this.categoricalOffset = catOffsets.stream().mapToInt(Integer::intValue).toArray();
        this.ones = new boolean[dense.length];
        for (int j = 0; j < dense.length; j++) {
            ones[j] = Arrays.stream(dense[j]).allMatch(v -> v == 1.0);
        }
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return features.size();
    }

    public List<String> featureNames() {
        return List.copyOf(features);
    }

    public List<String> factorNames() {
        return List.copyOf(factors);
    }

    public List<Block> blocks() {
        return blocks;
    }

    /** Number of dense columns (the part whose Gram costs O(n d²)). */
    public int denseColumns() {
        return dense.length;
    }

    private int chunks() {
        return (rows + CHUNK - 1) / CHUNK;
    }

    /** X'WX as a full symmetric p×p row-major matrix. */
    public double[] gram(double[] w, LinearAlgebra kernel) {
        int p = columns();
        double[][] partial = new double[chunks()][];
        IntStream.range(0, chunks()).parallel().forEach(c -> {
            int from = c * CHUNK;
            partial[c] = new double[p * p];
            addGram(w, kernel, from, Math.min(rows, from + CHUNK), partial[c]);
        });
        double[] g = new double[p * p];
        for (double[] part : partial) {
            for (int i = 0; i < g.length; i++) {
                g[i] += part[i];
            }
        }
        symmetrise(g, p);
        return g;
    }

    /** Completes a sum of {@link #addGram} contributions (each pair in either triangle) to a symmetric matrix. */
    public static void symmetrise(double[] g, int p) {
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < a; b++) {
                double v = g[a * p + b] + g[b * p + a];
                g[a * p + b] = v;
                g[b * p + a] = v;
            }
        }
    }

    /**
     * Adds rows [from, to)'s Σ w_i x_i x_i' to the p×p row-major {@code g}, each pair of columns once in one triangle
     * or the other: {@link #symmetrise} the sum. Single-threaded: callers run disjoint row ranges in parallel.
     */
    public void addGram(double[] w, LinearAlgebra kernel, int from, int to, double[] g) {
        int p = columns();
        int d = dense.length;
        double[] dd = new double[d * d];
        kernel.weightedGram(dense, w, from, to, dd);
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                g[denseIndex[a] * p + denseIndex[b]] += dd[a * d + b];
            }
        }
        if (categorical.length > 0) {
            addCategoricalGram(w, from, to, g);
        }
    }
    /**
     * The categorical part of X'WX, row by row: a row adds w·s to one row of each block's table ([its diagonal cell,
     * its cross with every dense column]) and to one cell of each pair of blocks' cross table. Level -1 (no
     * non-zero) is kept in an extra first row and column that are dropped at the end, so the loop has no branches:
     * unpredictable branches on the level cost more than the arithmetic they would save.
     */
    private void addCategoricalGram(double[] w, int from, int to, double[] g) {
        int p = columns();
        int blocks = categorical.length;
        // Each table row: [Σ w s² (the diagonal), Σ w s (the cross with a column of ones, e.g. the intercept),
        // Σ w s x_j for every other dense column]. Without a scale the second equals the first and is not summed.
        int[] varying = IntStream.range(0, dense.length).filter(j -> !ones[j]).toArray();
        int d = varying.length;
        int stride = d + 2;
        int[][] codes = new int[blocks][];
        double[][] scales = new double[blocks][];
        double[][] table = new double[blocks][];
        double[][][] pairs = new double[blocks][][];
        int[] rowLength = new int[blocks];
        for (int k = 0; k < blocks; k++) {
            rowLength[k] = categorical[k].width() + 1;
            codes[k] = categorical[k].codes();
            scales[k] = categorical[k].scale();
            table[k] = new double[(categorical[k].width() + 1) * stride];
            pairs[k] = new double[k][];
            for (int k2 = 0; k2 < k; k2++) {
                pairs[k][k2] = new double[(categorical[k].width() + 1) * (categorical[k2].width() + 1)];
            }
        }
        double[][] xs = new double[d][];
        for (int j = 0; j < d; j++) {
            xs[j] = dense[varying[j]];
        }
        double[] xd = new double[d];
        for (int i = from; i < to; i++) {
            double wi = w[i];
            for (int j = 0; j < d; j++) {
                xd[j] = xs[j][i];
            }
            for (int k = 0; k < blocks; k++) {
                int c = codes[k][i] + 1;
                double[] t = table[k];
                int base = c * stride;
                double v;
                if (scales[k] == null) {
                    v = wi;
                    t[base] += v;
                } else {
                    double s = scales[k][i];
                    v = wi * s;
                    t[base] += v * s;
                    t[base + 1] += v;
                }
                for (int j = 0; j < d; j++) {
                    t[base + 2 + j] += v * xd[j];
                }
                double[][] pair = pairs[k];
                for (int k2 = 0; k2 < k; k2++) {
                    int c2 = codes[k2][i] + 1;
                    double s2 = scales[k2] == null ? 1 : scales[k2][i];
                    pair[k2][c * rowLength[k2] + c2] += v * s2;
                }
            }
        }
        for (int k = 0; k < blocks; k++) {
            int width = categorical[k].width();
            int off = categoricalOffset[k];
            for (int c = 0; c < width; c++) {
                int base = (c + 1) * stride;
                double[] t = table[k];
                g[(off + c) * p + off + c] += t[base];
                for (int j = 0; j < dense.length; j++) {
                    if (ones[j]) {
                        g[(off + c) * p + denseIndex[j]] += scales[k] == null ? t[base] : t[base + 1];
                    }
                }
                for (int j = 0; j < d; j++) {
                    g[(off + c) * p + denseIndex[varying[j]]] += t[base + 2 + j];
                }
                for (int k2 = 0; k2 < k; k2++) {
                    int width2 = categorical[k2].width();
                    int off2 = categoricalOffset[k2];
                    for (int c2 = 0; c2 < width2; c2++) {
                        g[(off + c) * p + off2 + c2] += pairs[k][k2][(c + 1) * (width2 + 1) + c2 + 1];
                    }
                }
            }
        }
    }

    /** X'v: Σ_i x_ij v_i for every column j. */
    public double[] transposeTimes(double[] v, LinearAlgebra kernel) {
        int p = columns();
        double[][] partial = new double[chunks()][];
        IntStream.range(0, chunks()).parallel().forEach(c -> {
            int from = c * CHUNK;
            partial[c] = new double[p];
            addTransposeTimes(v, kernel, from, Math.min(rows, from + CHUNK), partial[c]);
        });
        double[] result = new double[p];
        for (double[] part : partial) {
            for (int j = 0; j < p; j++) {
                result[j] += part[j];
            }
        }
        return result;
    }

    /** Adds rows [from, to)'s Σ_i x_ij v_i to {@code out[j]} for every column j. Single-threaded. */
    public void addTransposeTimes(double[] v, LinearAlgebra kernel, int from, int to, double[] out) {
        for (int j = 0; j < dense.length; j++) {
            out[denseIndex[j]] += kernel.dot(dense[j], v, from, to);
        }
        for (int k = 0; k < categorical.length; k++) {
            Block.Categorical cat = categorical[k];
            int width = cat.width() + 1; // slot 0 collects level -1 and is dropped: no branch on the level
            int[] codes = cat.codes();
            double[] scale = cat.scale();
            // two interleaved accumulators: neighbouring rows often share a level
            double[] acc = new double[2 * width];
            int i = from;
            for (; i + 1 < to; i += 2) {
                acc[codes[i] + 1] += scale == null ? v[i] : scale[i] * v[i];
                acc[width + codes[i + 1] + 1] += scale == null ? v[i + 1] : scale[i + 1] * v[i + 1];
            }
            if (i < to) {
                acc[codes[i] + 1] += scale == null ? v[i] : scale[i] * v[i];
            }
            int off = categoricalOffset[k];
            for (int c = 1; c < width; c++) {
                out[off + c - 1] += acc[c] + acc[width + c];
            }
        }
    }

    /** η = Xβ + offset, written into {@code eta}. */
    public void times(double[] beta, double[] offset, double[] eta) {
        IntStream.range(0, chunks()).parallel().forEach(c -> {
            int from = c * CHUNK;
            times(beta, offset, eta, from, Math.min(rows, from + CHUNK));
        });
    }

    /** η = Xβ + offset for rows [from, to) only, written into {@code eta[from, to)}. Single-threaded. */
    public void times(double[] beta, double[] offset, double[] eta, int from, int to) {
        if (offset == null) {
            Arrays.fill(eta, from, to, 0);
        } else {
            System.arraycopy(offset, from, eta, from, to - from);
        }
        for (int j = 0; j < dense.length; j++) {
            double b = beta[denseIndex[j]];
            if (b == 0) {
                continue;
            }
            double[] x = dense[j];
            for (int i = from; i < to; i++) {
                eta[i] += b * x[i];
            }
        }
        for (int k = 0; k < categorical.length; k++) {
            Block.Categorical cat = categorical[k];
            int off = categoricalOffset[k];
            int[] codes = cat.codes();
            double[] scale = cat.scale();
            double[] level = new double[cat.width() + 1]; // level[0] = 0 for code -1: no branch on the level
            System.arraycopy(beta, off, level, 1, cat.width());
            if (scale == null) {
                for (int i = from; i < to; i++) {
                    eta[i] += level[codes[i] + 1];
                }
            } else {
                for (int i = from; i < to; i++) {
                    eta[i] += level[codes[i] + 1] * scale[i];
                }
            }
        }
    }

    /** The design of rows {@code order[0], order[1], …} (a subset or a permutation), sharing nothing mutable. */
    public DesignMatrix rows(int[] order) {
        List<Block> picked = new ArrayList<>(blocks.size());
        for (Block block : blocks) {
            picked.add(switch (block) {
                case Block.Dense d -> new Block.Dense(d.feature(), d.factor(), pick(d.values(), order));
                case Block.Categorical c -> {
                    int[] codes = new int[order.length];
                    for (int i = 0; i < order.length; i++) {
                        codes[i] = c.codes()[order[i]];
                    }
                    yield new Block.Categorical(c.features(), c.factor(), codes, c.scale() == null ? null : pick(c.scale(), order));
                }
            });
        }
        return new DesignMatrix(order.length, picked);
    }

    /** {@code values[order[i]]} for every i; null stays null. */
    public static double[] pick(double[] values, int[] order) {
        if (values == null) {
            return null;
        }
        double[] out = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = values[order[i]];
        }
        return out;
    }

    /** Runs {@code body(from, to)} over the same fixed row chunks, in parallel. */
    public static void forChunks(int rows, ChunkBody body) {
        int chunks = (rows + CHUNK - 1) / CHUNK;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int from = c * CHUNK;
            body.run(c, from, Math.min(rows, from + CHUNK));
        });
    }

    /** Sums {@code body(from, to)} over the fixed row chunks, in chunk order (deterministic). */
    public static double sumChunks(int rows, ChunkSum body) {
        int chunks = (rows + CHUNK - 1) / CHUNK;
        double[] partial = new double[chunks];
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int from = c * CHUNK;
            partial[c] = body.sum(from, Math.min(rows, from + CHUNK));
        });
        double total = 0;
        for (double v : partial) {
            total += v;
        }
        return total;
    }

    @FunctionalInterface
    public interface ChunkBody {
        void run(int chunk, int from, int to);
    }

    @FunctionalInterface
    public interface ChunkSum {
        double sum(int from, int to);
    }
}
