package org.atelier.engine.design;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.atelier.engine.linalg.LinearAlgebra;

/**
 * X held as dense numeric columns plus categorical code arrays, never as one-hot columns. X'WX is built block-wise:
 * the dense×dense part by the {@link LinearAlgebra} kernel, categorical diagonals, categorical×dense and cat×cat
 * cross tables by O(n) accumulation ({@link CategoricalGram}), as H2O's Gram and glum's tabmat do; the categorical
 * part of Xβ and X'v is in {@link CategoricalProduct}. Both go through the rows' rating cells ({@link RatingCells})
 * when there are few. Work is split into fixed chunks of rows run in parallel and summed in chunk order, so the
 * result does not depend on the number of cores.
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
    /** The rows' rating cells over the categorical blocks, or null when summing per block is cheaper. */
    private final RatingCells cells;
    private final CategoricalProduct categoricalProduct;
    private final CategoricalGram categoricalGram;
    /** The columns of each term the design was built from (by identity: encoders are records holding arrays). */
    private final Map<TermEncoder, ColumnRange> terms;

    public DesignMatrix(int rows, List<Block> blocks) {
        this(rows, blocks, Map.of());
    }

    /** A design whose columns {@code terms} says term by term (see {@link #columnsOf}). */
    DesignMatrix(int rows, List<Block> blocks, Map<TermEncoder, ColumnRange> terms) {
        this(rows, blocks, categorical -> RatingCells.of(categorical, rows), terms);
    }

    /** {@code findCells} gives the rating cells of the categorical blocks (in X's order). */
    private DesignMatrix(int rows, List<Block> blocks, Function<Block.Categorical[], RatingCells> findCells,
                         Map<TermEncoder, ColumnRange> terms) {
        this.rows = rows;
        this.blocks = List.copyOf(blocks);
        this.terms = terms;
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
        this.cells = findCells.apply(categorical);
        this.categoricalProduct = new CategoricalProduct(categorical, categoricalOffset, cells);
        this.categoricalGram = new CategoricalGram(categorical, categoricalOffset, dense, denseIndex, ones, cells);
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

    /** The columns of {@code term}, one of the terms this design was encoded from. */
    public ColumnRange columnsOf(TermEncoder term) {
        ColumnRange range = terms.get(term);
        if (range == null) {
            throw new IllegalArgumentException("Term '" + term.name() + "' is not one this design was encoded from");
        }
        return range;
    }

    /** Whether the categorical blocks' sums go through rating cells ({@link RatingCells}). */
    boolean groupsRowsInCells() {
        return cells != null;
    }

    /** Number of dense columns (the part whose Gram costs O(n d²)). */
    public int denseColumns() {
        return dense.length;
    }

    private int chunks() {
        return (rows + CHUNK - 1) / CHUNK;
    }

    /** The split on a wide categorical block for {@link BlockNormalEquations}, found once (Optional.empty: none). */
    private volatile java.util.Optional<BlockNormalEquations.Split> split;

    /**
     * X'WX at weights w, factored for solving and inverting: by block elimination when a categorical block is at
     * least {@link BlockNormalEquations#MIN_WIDTH} wide (a dense p×p Cholesky of thousands of levels takes minutes,
     * and of 50,000 cannot even be allocated), by the dense Cholesky otherwise.
     */
    public NormalEquations normalEquations(double[] w, LinearAlgebra kernel) {
        java.util.Optional<BlockNormalEquations.Split> found = split();
        if (found.isEmpty()) {
            return NormalEquations.dense(this, w, kernel);
        }
        BlockNormalEquations block = BlockNormalEquations.of(this, found.get(), w, kernel);
        return block.nearlyInA() && columns() <= BlockNormalEquations.MAX_ASSEMBLED ? NormalEquations.dense(this, w, kernel) : block;
    }

    /** The width of the categorical block {@link #normalEquations} eliminates, or 0 when it solves densely. */
    public int eliminatedWidth() {
        return split().map(s -> s.wide().width()).orElse(0);
    }

    private java.util.Optional<BlockNormalEquations.Split> split() {
        java.util.Optional<BlockNormalEquations.Split> found = split;
        if (found == null) {
            found = java.util.Optional.ofNullable(BlockNormalEquations.Split.of(this, BlockNormalEquations.MIN_WIDTH));
            split = found;
        }
        return found;
    }

    /**
     * The same design solved by the dense Cholesky whatever its widths: the reference the block elimination is
     * checked and timed against. Its {@link #rows} and {@link #withDense} copies choose again.
     */
    public DesignMatrix withDenseSolver() {
        DesignMatrix copy = new DesignMatrix(rows, blocks, categorical -> cells, terms);
        copy.split = java.util.Optional.empty();
        return copy;
    }

    /** As {@link #normalEquations}, by block elimination on the widest categorical block whatever its width. */
    NormalEquations blockNormalEquations(double[] w, LinearAlgebra kernel) {
        return BlockNormalEquations.of(this, BlockNormalEquations.Split.of(this, 1), w, kernel);
    }

    /** X'WX as a full symmetric p×p row-major matrix. */
    public double[] gram(double[] w, LinearAlgebra kernel) {
        GramSum[] partial = new GramSum[chunks()];
        IntStream.range(0, chunks()).parallel().forEach(c -> {
            int from = c * CHUNK;
            partial[c] = gramSum();
            addGram(w, kernel, from, Math.min(rows, from + CHUNK), partial[c]);
        });
        GramSum sum = gramSum();
        for (GramSum part : partial) {
            sum.add(part);
        }
        return sum.total();
    }

    /** X'WX summed over several ranges of rows by {@link #addGram}; {@link #total} reads it. */
    public final class GramSum {
        private final double[] g = new double[columns() * columns()];
        private final CategoricalGram.CellSums cellSums = categoricalGram.cellSums();

        private GramSum() {
        }

        /** Adds another sum's rows to this one. */
        public void add(GramSum other) {
            for (int i = 0; i < g.length; i++) g[i] += other.g[i];
            if (cellSums != null) cellSums.add(other.cellSums);
        }

        /** Σ w_i x_i x_i' over the rows added so far, a full symmetric p×p row-major matrix. */
        public double[] total() {
            categoricalGram.spread(cellSums, g, columns());
            double[] out = g.clone();
            symmetrise(out, columns());
            return out;
        }
    }

    public GramSum gramSum() {
        return new GramSum();
    }

    /** Completes a sum with each pair of columns in either triangle to a symmetric matrix. */
    private static void symmetrise(double[] g, int p) {
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < a; b++) {
                double v = g[a * p + b] + g[b * p + a];
                g[a * p + b] = v;
                g[b * p + a] = v;
            }
        }
    }

    /** Adds rows [from, to)'s Σ w_i x_i x_i' to {@code sum}. Single-threaded: callers run disjoint ranges in parallel. */
    public void addGram(double[] w, LinearAlgebra kernel, int from, int to, GramSum sum) {
        int p = columns();
        int d = dense.length;
        double[] dd = new double[d * d];
        kernel.weightedGram(dense, w, from, to, dd);
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                sum.g[denseIndex[a] * p + denseIndex[b]] += dd[a * d + b];
            }
        }
        categoricalGram.add(w, from, to, sum.g, p, sum.cellSums);
    }

    /** X'v: Σ_i x_ij v_i for every column j. */
    public double[] transposeTimes(double[] v, LinearAlgebra kernel) {
        int p = columns();
        double[][] partial = new double[chunks()][];
        IntStream.range(0, chunks()).parallel().forEach(c -> {
            int from = c * CHUNK;
            TransposeSum sum = transposeSum();
            addTransposeTimes(v, kernel, from, Math.min(rows, from + CHUNK), sum);
            partial[c] = sum.total();
        });
        double[] result = new double[p];
        for (double[] part : partial) {
            for (int j = 0; j < p; j++) {
                result[j] += part[j];
            }
        }
        return result;
    }

    /** X'v summed over several ranges of rows by {@link #addTransposeTimes}; {@link #total} reads it. */
    public final class TransposeSum {
        private final double[] out = new double[columns()];
        private final double[] cellSums = categoricalProduct.cellSums();

        private TransposeSum() {
        }

        /** Σ_i x_ij v_i over the rows added so far, for every column j. */
        public double[] total() {
            categoricalProduct.spread(cellSums, out);
            return out.clone();
        }
    }

    public TransposeSum transposeSum() {
        return new TransposeSum();
    }

    /** Adds rows [from, to)'s Σ_i x_ij v_i to {@code sum} for every column j. Single-threaded. */
    public void addTransposeTimes(double[] v, LinearAlgebra kernel, int from, int to, TransposeSum sum) {
        for (int j = 0; j < dense.length; j++) {
            sum.out[denseIndex[j]] += kernel.dot(dense[j], v, from, to);
        }
        categoricalProduct.addTransposeTimes(v, from, to, sum.out, sum.cellSums);
    }

    /** β made ready for Xβ over many ranges of rows: the categorical blocks' values are laid out once. */
    public static final class Prepared {
        private final double[] beta;
        private final CategoricalProduct.Values categorical;

        private Prepared(double[] beta, CategoricalProduct.Values categorical) {
            this.beta = beta;
            this.categorical = categorical;
        }
    }

    public Prepared prepare(double[] beta) {
        return new Prepared(beta.clone(), categoricalProduct.values(beta));
    }

    /** η = Xβ + offset, written into {@code eta}. */
    public void times(double[] beta, double[] offset, double[] eta) {
        Prepared b = prepare(beta);
        IntStream.range(0, chunks()).parallel().forEach(c -> {
            int from = c * CHUNK;
            times(b, offset, eta, from, Math.min(rows, from + CHUNK));
        });
    }

    /**
     * η = Xβ + offset for rows [from, to) only. Dense columns are added four at a time, so η is read and written
     * once per four columns rather than once per column; a column of ones adds its coefficient without being read.
     */
    public void times(Prepared prepared, double[] offset, double[] eta, int from, int to) {
        double[] beta = prepared.beta;
        double constant = 0;
        int m = 0;
        double[] b = new double[dense.length];
        double[][] cols = new double[dense.length][];
        for (int j = 0; j < dense.length; j++) {
            double bj = beta[denseIndex[j]];
            if (bj == 0) {
                continue;
            }
            if (ones[j]) {
                constant += bj;
            } else {
                b[m] = bj;
                cols[m++] = dense[j];
            }
        }
        if (offset == null) {
            Arrays.fill(eta, from, to, constant);
        } else {
            for (int i = from; i < to; i++) {
                eta[i] = offset[i] + constant;
            }
        }
        int j = 0;
        for (; j + 4 <= m; j += 4) {
            addDense(eta, from, to, b[j], cols[j], b[j + 1], cols[j + 1], b[j + 2], cols[j + 2], b[j + 3], cols[j + 3]);
        }
        for (; j < m; j++) {
            double bj = b[j];
            double[] x = cols[j];
            for (int i = from; i < to; i++) {
                eta[i] += bj * x[i];
            }
        }
        categoricalProduct.addTimes(prepared.categorical, eta, from, to);
    }

    private static void addDense(double[] eta, int from, int to, double b0, double[] x0, double b1, double[] x1,
                                 double b2, double[] x2, double b3, double[] x3) {
        for (int i = from; i < to; i++) {
            eta[i] += b0 * x0[i] + b1 * x1[i] + b2 * x2[i] + b3 * x3[i];
        }
    }

    /** The design of rows {@code order[0], order[1], …} (a subset or a permutation), sharing nothing mutable. */
    public DesignMatrix rows(int[] order) {
        // blocks in parallel: each is a gather from random rows, bound by memory latency rather than bandwidth
        List<Block> picked = blocks.parallelStream().map(block -> (Block) switch (block) {
            case Block.Dense d -> new Block.Dense(d.feature(), d.factor(), pick(d.values(), order));
            case Block.Categorical c -> {
                int[] codes = new int[order.length];
                for (int i = 0; i < order.length; i++) {
                    codes[i] = c.codes()[order[i]];
                }
                yield new Block.Categorical(c.features(), c.factor(), codes, c.scale() == null ? null : pick(c.scale(), order));
            }
        }).toList();
        // the same blocks' rows, so the same cells: only the rows' cell numbers are picked
        return new DesignMatrix(order.length, picked, categorical -> cells == null ? null : cells.rows(order), terms);
    }

    /**
     * The same design with some dense columns' values replaced ({@code values} by feature name, one value per row),
     * e.g. a cross-validation fold's re-learned encodings. Everything else, the rating cells included, is shared.
     */
    public DesignMatrix withDense(java.util.Map<String, double[]> values) {
        List<Block> replaced = blocks.stream().map(block -> block instanceof Block.Dense d && values.containsKey(d.feature())
                ? (Block) new Block.Dense(d.feature(), d.factor(), requireRows(values.get(d.feature()))) : block).toList();
        return new DesignMatrix(rows, replaced, categorical -> cells, terms);
    }

    private double[] requireRows(double[] values) {
        if (values.length != rows) {
            throw new IllegalArgumentException("A replaced column has " + values.length + " values for " + rows + " rows");
        }
        return values;
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
