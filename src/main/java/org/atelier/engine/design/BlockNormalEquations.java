package org.atelier.engine.design;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.atelier.engine.linalg.Cholesky;
import org.atelier.engine.linalg.Covariance;
import org.atelier.engine.linalg.LinearAlgebra;

/**
 * X'WX β = b solved through its structure when one categorical block A is wide. A row has at most one non-zero in
 * A, so A's block D of X'WX is diagonal: eliminating A leaves the Schur complement S = C - E'D⁻¹E on the other q
 * columns R (C their X'WX, E = X_A'WX_R), a q×q Cholesky instead of a p×p one. Work per iteration is O(n·q) for E,
 * O(m·q²) for S and O(q³) for its factor, and memory O(m·q + q²); the dense path is O(p³) and O(p²), which a
 * 50,000-level factor cannot hold at all. The inverse comes out in {@link Covariance}'s block form.
 */
public final class BlockNormalEquations implements NormalEquations {
    /**
     * A categorical block at least this wide is eliminated: below it a dense p×p Cholesky costs milliseconds, and
     * keeping it there keeps the smaller models' figures exactly as they were.
     */
    public static final int MIN_WIDTH = 256;

    private final int p;
    private final int offset;
    private final int m;
    private final int q;
    private final double[] dInverse;
    /** H = D⁻¹E, stored q×m (column r of R as one run of m). */
    private final double[] h;
    private final Cholesky schur;
    private final List<Integer> aliased;
    private boolean nearlyInA;
    private final double[] d;
    private final double[] e;
    private final double[] c;

    /** How a design splits: its widest categorical block A at {@code offset} and the design of every other block. */
    record Split(Block.Categorical wide, int offset, DesignMatrix rest) {

        /** The split on the widest categorical block, or null when none is at least {@code minWidth} wide. */
        static Split of(DesignMatrix x, int minWidth) {
            Block.Categorical widest = null;
            int at = 0;
            int widestAt = -1;
            for (Block block : x.blocks()) {
                if (block instanceof Block.Categorical cat && cat.width() >= minWidth
                        && (widest == null || cat.width() > widest.width())) {
                    widest = cat;
                    widestAt = at;
                }
                at += block.width();
            }
            if (widest == null) {
                return null;
            }
            Block.Categorical chosen = widest;
            List<Block> others = x.blocks().stream().filter(b -> b != chosen).toList();
            return new Split(widest, widestAt, new DesignMatrix(x.rows(), others));
        }
    }

    private BlockNormalEquations(DesignMatrix x, Split split, double[] d, double[] e, double[] c) {
        this.p = x.columns();
        this.offset = split.offset();
        this.m = split.wide().width();
        this.q = p - m;
        this.d = d;
        this.e = e;
        this.c = c;
        List<Integer> flagged = new ArrayList<>();
        this.dInverse = new double[m];
        for (int a = 0; a < m; a++) {
            if (d[a] > 0 && Double.isFinite(d[a])) {
                dInverse[a] = 1 / d[a];
            } else {
                flagged.add(offset + a); // a level no row with weight has
            }
        }
        this.h = new double[q * m];
        for (int r = 0; r < q; r++) {
            for (int a = 0; a < m; a++) {
                h[r * m + a] = e[r * m + a] * dInverse[a];
            }
        }
        double[] s = schurComplement();
        this.schur = Cholesky.factor(s, q);
        for (int r : schur.aliased()) {
            flagged.add(r < offset ? r : r + m);
        }
        flagged.sort(null);
        this.aliased = List.copyOf(flagged);
    }

    /** The block elimination of {@code x}'s X'WX at weights {@code w}. */
    static BlockNormalEquations of(DesignMatrix x, Split split, double[] w, LinearAlgebra kernel) {
        int m = split.wide().width();
        DesignMatrix rest = split.rest();
        int q = rest.columns();
        double[] d = new double[m];
        double[] e = new double[q * m];
        List<Runnable> tasks = new ArrayList<>();
        int[] codes = split.wide().codes();
        double[] scale = split.wide().scale();
        tasks.add(() -> {
            for (int i = 0; i < codes.length; i++) {
                if (codes[i] >= 0) {
                    double s = scale == null ? 1 : scale[i];
                    d[codes[i]] += w[i] * s * s;
                }
            }
        });
        int at = 0;
        for (Block block : rest.blocks()) {
            int r0 = at;
            switch (block) {
                case Block.Dense dense -> tasks.add(() -> {
                    double[] v = dense.values();
                    int base = r0 * m;
                    for (int i = 0; i < codes.length; i++) {
                        if (codes[i] >= 0) {
                            e[base + codes[i]] += w[i] * (scale == null ? 1 : scale[i]) * v[i];
                        }
                    }
                });
                case Block.Categorical other -> tasks.add(() -> {
                    int[] codes2 = other.codes();
                    for (int i = 0; i < codes.length; i++) {
                        if (codes[i] >= 0 && codes2[i] >= 0) {
                            e[(r0 + codes2[i]) * m + codes[i]] += w[i] * (scale == null ? 1 : scale[i]) * other.scaleAt(i);
                        }
                    }
                });
            }
            at += block.width();
        }
        // each task writes its own columns of E (or D), so the sums are the same in any order of the tasks
        tasks.parallelStream().forEach(Runnable::run);
        double[] c = rest.gram(w, kernel);
        return new BlockNormalEquations(x, split, d, e, c);
    }

    /**
     * Whether some column of R is (nearly) a combination of A's columns on the rows with weight, e.g. the intercept
     * when the base level's fitted means vanish. Which column the rank test then flags depends on the order of
     * elimination, so such a system is better solved by the dense Cholesky, in X's order, where it can be held.
     */
    boolean nearlyInA() {
        return nearlyInA;
    }

    /**
     * S = C - E'D⁻¹E, with a column whose share of C left after eliminating A is under the alias tolerance set to
     * zero, so the factor flags it (the factor alone would scale it to the unit diagonal of S, not of C).
     */
    private double[] schurComplement() {
        double[] s = new double[q * q];
        IntStream.range(0, q).parallel().forEach(r -> {
            for (int t = 0; t <= r; t++) {
                double v = c[r * q + t];
                int er = r * m;
                int ht = t * m;
                for (int a = 0; a < m; a++) {
                    v -= e[er + a] * h[ht + a];
                }
                s[r * q + t] = v;
                s[t * q + r] = v;
            }
        });
        for (int r = 0; r < q; r++) {
            if (!(s[r * q + r] > Cholesky.ALIAS_TOLERANCE * c[r * q + r])) {
                nearlyInA = true;
                for (int t = 0; t < q; t++) {
                    s[r * q + t] = 0;
                    s[t * q + r] = 0;
                }
            }
        }
        return s;
    }

    public List<Integer> aliased() {
        return aliased;
    }

    public double[] solve(double[] b) {
        double[] t = new double[q];
        for (int r = 0; r < q; r++) {
            double v = b[r < offset ? r : r + m];
            int hr = r * m;
            for (int a = 0; a < m; a++) {
                v -= h[hr + a] * b[offset + a];
            }
            t[r] = v;
        }
        double[] rest = schur.solve(t);
        double[] beta = new double[p];
        for (int a = 0; a < m; a++) {
            beta[offset + a] = dInverse[a] * b[offset + a];
        }
        for (int r = 0; r < q; r++) {
            beta[r < offset ? r : r + m] = rest[r];
            int hr = r * m;
            for (int a = 0; a < m; a++) {
                beta[offset + a] -= h[hr + a] * rest[r];
            }
        }
        return beta;
    }

    public Covariance inverse(double dispersion) {
        double[] sInverse = schur.inverse();
        for (int i = 0; i < sInverse.length; i++) {
            sInverse[i] *= dispersion;
        }
        double[] scaled = new double[m];
        for (int a = 0; a < m; a++) {
            scaled[a] = dInverse[a] * dispersion;
        }
        return Covariance.blocked(p, offset, scaled, h, sInverse);
    }

    /** Above this many columns X'WX is not assembled, to explain aliasing or to solve densely (4,096² doubles are 128 MiB). */
    static final int MAX_ASSEMBLED = 4_096;

    public double[] gram() {
        if (p > MAX_ASSEMBLED) {
            return null;
        }
        double[] g = new double[p * p];
        for (int a = 0; a < m; a++) {
            g[(offset + a) * p + offset + a] = d[a];
        }
        for (int r = 0; r < q; r++) {
            int xr = r < offset ? r : r + m;
            for (int a = 0; a < m; a++) {
                g[xr * p + offset + a] = e[r * m + a];
                g[(offset + a) * p + xr] = e[r * m + a];
            }
            for (int t = 0; t < q; t++) {
                g[xr * p + (t < offset ? t : t + m)] = c[r * q + t];
            }
        }
        return g;
    }
}
