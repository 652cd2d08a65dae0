package org.atelier.engine.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.atelier.engine.design.DesignMatrix;
import org.atelier.engine.family.Family;
import org.atelier.engine.family.Link;
import org.atelier.engine.family.Poisson;
import org.atelier.engine.family.QuasiPoisson;
import org.atelier.engine.linalg.LinearAlgebra;

/**
 * A GLM's deviance, score X'u and X'WX at given coefficients, with the rows laid out in contiguous segments (the
 * cross-validation folds) and every sum kept per segment. One pass over the rows then serves every fit made of
 * whole segments: the full data (all of them) and each fold's training rows (all but one), while the left-out
 * segment's deviance is the fold's held-out deviance. Rows are processed in fixed chunks that never straddle a
 * segment, in parallel, and summed in chunk order, so results do not depend on the number of cores.
 */
final class SegmentedGlm {
    private static final int CHUNK = 16_384;
    /** Rows evaluated at every β of a pass before the next rows are read: their columns fit in a core's L2 cache. */
    private static final int BLOCK = 2_048;

    private final DesignMatrix x;
    private final double[] y;
    private final double[] prior;
    private final double[] offset;
    private final Family family;
    private final Link link;
    private final LinearAlgebra kernel;
    private final int segments;
    private final int[] chunkFrom;
    private final int[] chunkTo;
    private final int[] chunkSegment;
    private final double[] weightSum;
    // Scratch rows shared by the passes (each chunk writes only its own range; passes never overlap).
    private final double[] eta;
    private final double[] work;
    /** y log y per row for a Poisson log-link model (its fast path), else null. */
    private final double[] yLogY;
    /** μ per row from the last pass over every row, at {@link #muAt} (null: none kept). */
    private final double[] mu;
    private double[] muAt;
    private static final double LOG_EPS = Math.log(Math.ulp(1.0));
    private static final double LOG_EPS_MU = Math.ulp(1.0);

    /** The deviance and score X'u (u = w μ'(y - μ)/V, so the deviance's gradient is -2X'u) per segment at β. */
    record Evaluation(double[] beta, double[] deviance, double[][] score) {
        /** Σ of the deviance over the segments marked in {@code rows}; NaN if β left the family's domain. */
        double deviance(boolean[] rows) {
            double sum = 0;
            for (int s = 0; s < deviance.length; s++) {
                if (rows[s]) sum += deviance[s];
            }
            return sum;
        }

        double[] score(boolean[] rows) {
            return SegmentedGlm.sum(score, rows);
        }
    }

    /** {@code segmentStart} has one entry per segment plus the row count: segment s is rows [start[s], start[s+1]). */
    SegmentedGlm(DesignMatrix x, double[] y, double[] prior, double[] offset, Family family, Link link,
                 LinearAlgebra kernel, int[] segmentStart) {
        this.x = x;
        this.y = y;
        this.prior = prior;
        this.offset = offset;
        this.family = family;
        this.link = link;
        this.kernel = kernel;
        this.segments = segmentStart.length - 1;
        List<int[]> chunks = new ArrayList<>();
        for (int s = 0; s < segments; s++) {
            for (int from = segmentStart[s]; from < segmentStart[s + 1]; from += CHUNK) {
                chunks.add(new int[] {from, Math.min(segmentStart[s + 1], from + CHUNK), s});
            }
        }
        this.chunkFrom = chunks.stream().mapToInt(c -> c[0]).toArray();
        this.chunkTo = chunks.stream().mapToInt(c -> c[1]).toArray();
        this.chunkSegment = chunks.stream().mapToInt(c -> c[2]).toArray();
        this.weightSum = new double[segments];
        for (int s = 0; s < segments; s++) {
            for (int i = segmentStart[s]; i < segmentStart[s + 1]; i++) {
                weightSum[s] += prior[i];
            }
        }
        this.eta = new double[y.length];
        this.work = new double[y.length];
        boolean counts = link == Link.LOG && (family instanceof Poisson || family instanceof QuasiPoisson);
        this.yLogY = counts ? new double[y.length] : null;
        this.mu = counts ? new double[y.length] : null;
        if (counts) {
            for (int i = 0; i < y.length; i++) yLogY[i] = y[i] > 0 ? y[i] * Math.log(y[i]) : 0;
        }
    }

    static SegmentedGlm whole(DesignMatrix x, double[] y, double[] prior, double[] offset, Family family, Link link,
                              LinearAlgebra kernel) {
        return new SegmentedGlm(x, y, prior, offset, family, link, kernel, new int[] {0, y.length});
    }

    int columns() {
        return x.columns();
    }

    double weightSum(boolean[] rows) {
        double sum = 0;
        for (int s = 0; s < segments; s++) {
            if (rows[s]) sum += weightSum[s];
        }
        return sum;
    }

    double[] y() {
        return y;
    }

    double[] prior() {
        return prior;
    }

    double[] offset() {
        return offset;
    }

    /** Deviance and score per segment at β, over the segments marked in {@code rows} (others left at 0). */
    Evaluation evaluate(double[] beta, boolean[] rows) {
        return evaluate(new double[][] {beta}, rows)[0];
    }

    /**
     * {@link #evaluate(double[], boolean[])} at several β in one pass: each block of {@link #BLOCK} rows is read from
     * memory once and then stays in cache while every β is evaluated on it: the five folds' β of the benchmark cost
     * two thirds of five single passes together (9.4 ms against 13.8 ms on 678k rows and 2 cores).
     */
    Evaluation[] evaluate(double[][] betas, boolean[] rows) {
        int p = x.columns();
        int m = betas.length;
        double[][] chunkDeviance = new double[chunkFrom.length][];
        double[][][] chunkScore = new double[chunkFrom.length][][];
        DesignMatrix.Prepared[] prepared = new DesignMatrix.Prepared[m];
        for (int b = 0; b < m; b++) {
            prepared[b] = x.prepare(betas[b]);
        }
        IntStream.range(0, chunkFrom.length).parallel().forEach(c -> {
            if (!rows[chunkSegment[c]]) {
                return;
            }
            double[] dev = new double[m];
            DesignMatrix.TransposeSum[] score = new DesignMatrix.TransposeSum[m];
            for (int b = 0; b < m; b++) {
                score[b] = x.transposeSum();
            }
            for (int from = chunkFrom[c]; from < chunkTo[c]; from += BLOCK) {
                int to = Math.min(chunkTo[c], from + BLOCK);
                for (int b = 0; b < m; b++) {
                    if (Double.isNaN(dev[b])) {
                        continue;
                    }
                    x.times(prepared[b], offset, eta, from, to);
                    dev[b] += yLogY != null ? countsOnLogScale(from, to) : anyFamily(from, to);
                    if (!Double.isNaN(dev[b])) {
                        x.addTransposeTimes(work, kernel, from, to, score[b]);
                    }
                }
            }
            chunkDeviance[c] = dev;
            chunkScore[c] = new double[m][];
            for (int b = 0; b < m; b++) {
                chunkScore[c][b] = score[b].total(); // in parallel: a sum spreads its cells over the levels
            }
        });
        Evaluation[] out = new Evaluation[m];
        for (int b = 0; b < m; b++) {
            double[] deviance = new double[segments];
            double[][] score = new double[segments][p];
            for (int c = 0; c < chunkFrom.length; c++) {
                int s = chunkSegment[c];
                if (!rows[s]) {
                    continue;
                }
                deviance[s] += chunkDeviance[c][b];
                for (int j = 0; j < p; j++) score[s][j] += chunkScore[c][b][j];
            }
            for (int s = 0; s < segments; s++) {
                if (!Double.isFinite(deviance[s])) deviance[s] = Double.NaN;
            }
            out[b] = new Evaluation(betas[b].clone(), deviance, score);
        }
        boolean every = m == 1;
        for (boolean r : rows) every &= r;
        muAt = every && yLogY != null ? betas[0].clone() : null;
        return out;
    }

    /** Deviance over rows [from, to) with u = w μ'(y - μ)/V in {@code work}; NaN once μ leaves the family's domain. */
    private double anyFamily(int from, int to) {
        double dev = 0;
        for (int i = from; i < to; i++) {
            double e = eta[i];
            double m = link.inverse(e);
            if (!link.validEta(e) || !family.validMu(m)) {
                return Double.NaN;
            }
            double w = prior[i];
            if (w > 0) {
                dev += w * family.unitDeviance(y[i], m);
                work[i] = w * link.muEta(e, m) * (y[i] - m) / family.variance(m);
            } else {
                work[i] = 0;
            }
        }
        return dev;
    }

    /**
     * The Poisson log-link rows: the deviance 2w(y log y - yη - y + μ) with y log y computed once, and the score's
     * u = w(y - μ) (μ' = V = μ): no logarithm or division per row, which makes the frequency model's passes cheap.
     * Fills {@code work} with u and {@code mu} with μ; the sum is NaN or infinite when η left the finite range.
     */
    private double countsOnLogScale(int from, int to) {
        kernel.exp(eta, from, to, mu);
        double dev = 0;
        for (int i = from; i < to; i++) {
            double e = eta[i];
            double m = Math.max(mu[i], LOG_EPS_MU);
            double w = prior[i];
            double yi = y[i];
            mu[i] = m;
            dev += w * (yLogY[i] - yi * Math.max(e, LOG_EPS) - yi + m);
            work[i] = w * (yi - m);
        }
        return Double.isFinite(dev) ? 2 * dev : Double.NaN;
    }

    /** X'WX per segment with the IRLS weights w = prior μ'²/V at β, for the segments marked (others null). */
    double[][] hessians(double[] beta, boolean[] rows) {
        boolean known = muAt != null && java.util.Arrays.equals(muAt, beta);
        DesignMatrix.Prepared prepared = known ? null : x.prepare(beta);
        return grams(rows, (from, to) -> {
            if (known) { // muAt is kept for the Poisson log-link fast path only
                for (int i = from; i < to; i++) work[i] = prior[i] * mu[i]; // w = μ'²/V = μ, μ from the last pass
                return work;
            }
            x.times(prepared, offset, eta, from, to);
            for (int i = from; i < to; i++) {
                double w = prior[i];
                if (w > 0) {
                    double mu = link.inverse(eta[i]);
                    double me = link.muEta(eta[i], mu);
                    work[i] = w * me * me / family.variance(mu);
                } else {
                    work[i] = 0;
                }
            }
            return work;
        });
    }

    /** X'diag(prior)X per segment (the standardisation's second moments). */
    double[][] priorGrams() {
        boolean[] all = new boolean[segments];
        java.util.Arrays.fill(all, true);
        return grams(all, (from, to) -> prior);
    }

    private interface Weights {
        double[] fill(int from, int to);
    }

    private double[][] grams(boolean[] rows, Weights weights) {
        DesignMatrix.GramSum[] chunkGram = new DesignMatrix.GramSum[chunkFrom.length];
        IntStream.range(0, chunkFrom.length).parallel().forEach(c -> {
            if (rows[chunkSegment[c]]) {
                chunkGram[c] = x.gramSum();
                x.addGram(weights.fill(chunkFrom[c], chunkTo[c]), kernel, chunkFrom[c], chunkTo[c], chunkGram[c]);
            }
        });
        // each segment's chunks summed in chunk order (segments in parallel), then its cell sums spread once
        double[][] gram = new double[segments][];
        IntStream.range(0, segments).parallel().forEach(s -> {
            DesignMatrix.GramSum sum = null;
            for (int c = 0; c < chunkFrom.length; c++) {
                if (chunkSegment[c] == s && chunkGram[c] != null) {
                    if (sum == null) sum = x.gramSum();
                    sum.add(chunkGram[c]);
                }
            }
            gram[s] = sum == null ? null : sum.total();
        });
        return gram;
    }

    /** Σ of the per-segment vectors (or matrices) marked in {@code rows}. */
    static double[] sum(double[][] perSegment, boolean[] rows) {
        double[] out = null;
        for (int s = 0; s < perSegment.length; s++) {
            if (!rows[s] || perSegment[s] == null) continue;
            if (out == null) out = new double[perSegment[s].length];
            for (int j = 0; j < out.length; j++) out[j] += perSegment[s][j];
        }
        return out;
    }
}
