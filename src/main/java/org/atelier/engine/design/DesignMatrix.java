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
            partial[c] = gramChunk(w, kernel, from, Math.min(rows, from + CHUNK));
        });
        double[] g = new double[p * p];
        for (double[] part : partial) {
            for (int i = 0; i < g.length; i++) {
                g[i] += part[i];
            }
        }
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < a; b++) {
                double v = g[a * p + b] + g[b * p + a];
                g[a * p + b] = v;
                g[b * p + a] = v;
            }
        }
        return g;
    }

    /** One chunk's contribution, each pair stored once (either triangle); {@link #gram} symmetrises. */
    private double[] gramChunk(double[] w, LinearAlgebra kernel, int from, int to) {
        int p = columns();
        int d = dense.length;
        double[] g = new double[p * p];
        double[] dd = new double[d * d];
        kernel.weightedGram(dense, w, from, to, dd);
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                g[denseIndex[a] * p + denseIndex[b]] += dd[a * d + b];
            }
        }
        for (int k = 0; k < categorical.length; k++) {
            Block.Categorical cat = categorical[k];
            int width = cat.width();
            int off = categoricalOffset[k];
            int[] codes = cat.codes();
            double[] scale = cat.scale();
            double[] diag = new double[width];
            double[] cross = new double[width * d];
            for (int i = from; i < to; i++) {
                int c = codes[i];
                if (c < 0) {
                    continue;
                }
                double s = scale == null ? 1 : scale[i];
                double v = w[i] * s;
                diag[c] += v * s;
                int base = c * d;
                for (int j = 0; j < d; j++) {
                    cross[base + j] += v * dense[j][i];
                }
            }
            for (int c = 0; c < width; c++) {
                g[(off + c) * p + off + c] += diag[c];
                for (int j = 0; j < d; j++) {
                    g[(off + c) * p + denseIndex[j]] += cross[c * d + j];
                }
            }
            for (int k2 = 0; k2 < k; k2++) {
                Block.Categorical other = categorical[k2];
                int width2 = other.width();
                int off2 = categoricalOffset[k2];
                int[] codes2 = other.codes();
                double[] scale2 = other.scale();
                double[] table = new double[width * width2];
                for (int i = from; i < to; i++) {
                    int c = codes[i];
                    int c2 = codes2[i];
                    if (c < 0 || c2 < 0) {
                        continue;
                    }
                    double v = w[i];
                    if (scale != null) v *= scale[i];
                    if (scale2 != null) v *= scale2[i];
                    table[c * width2 + c2] += v;
                }
                for (int c = 0; c < width; c++) {
                    for (int c2 = 0; c2 < width2; c2++) {
                        g[(off + c) * p + off2 + c2] += table[c * width2 + c2];
                    }
                }
            }
        }
        return g;
    }

    /** X'v: Σ_i x_ij v_i for every column j. */
    public double[] transposeTimes(double[] v, LinearAlgebra kernel) {
        int p = columns();
        double[][] partial = new double[chunks()][];
        IntStream.range(0, chunks()).parallel().forEach(c -> {
            int from = c * CHUNK;
            int to = Math.min(rows, from + CHUNK);
            double[] out = new double[p];
            for (int j = 0; j < dense.length; j++) {
                out[denseIndex[j]] = kernel.dot(dense[j], v, from, to);
            }
            for (int k = 0; k < categorical.length; k++) {
                Block.Categorical cat = categorical[k];
                int off = categoricalOffset[k];
                int[] codes = cat.codes();
                double[] scale = cat.scale();
                for (int i = from; i < to; i++) {
                    int code = codes[i];
                    if (code >= 0) {
                        out[off + code] += scale == null ? v[i] : scale[i] * v[i];
                    }
                }
            }
            partial[c] = out;
        });
        double[] result = new double[p];
        for (double[] part : partial) {
            for (int j = 0; j < p; j++) {
                result[j] += part[j];
            }
        }
        return result;
    }

    /** η = Xβ + offset, written into {@code eta}. */
    public void times(double[] beta, double[] offset, double[] eta) {
        IntStream.range(0, chunks()).parallel().forEach(c -> {
            int from = c * CHUNK;
            int to = Math.min(rows, from + CHUNK);
            if (offset == null) {
                Arrays.fill(eta, from, to, 0);
            } else {
                System.arraycopy(offset, from, eta, from, to - from);
            }
            for (int j = 0; j < dense.length; j++) {
                double b = beta[denseIndex[j]];
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
                for (int i = from; i < to; i++) {
                    int code = codes[i];
                    if (code >= 0) {
                        eta[i] += scale == null ? beta[off + code] : beta[off + code] * scale[i];
                    }
                }
            }
        });
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
