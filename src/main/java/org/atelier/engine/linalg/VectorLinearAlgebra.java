package org.atelier.engine.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Gram kernel on the Vector API (jdk.incubator.vector): fused multiply-adds over the widest lanes the CPU has,
 * in 4×2 register tiles over row blocks that stay in cache. Loaded only by
 * reflection when the module is present (see {@link LinearAlgebras}).
 */
public final class VectorLinearAlgebra implements LinearAlgebra {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int BLOCK = 512;

    /** Per-thread w·x buffers: the kernel runs once per row chunk, and p×BLOCK doubles per call is real garbage. */
    private final ThreadLocal<double[][]> scratch = new ThreadLocal<>();

    private double[][] scratch(int d) {
        double[][] buffers = scratch.get();
        if (buffers == null || buffers.length < d) {
            buffers = new double[d][BLOCK];
            scratch.set(buffers);
        }
        return buffers;
    }

    public String name() {
        return "vector";
    }

    public void weightedGram(double[][] cols, double[] w, int from, int to, double[] out) {
        int d = cols.length;
        int lanes = SPECIES.length();
        double[][] wx = scratch(d);
        for (int start = from; start < to; start += BLOCK) {
            int end = Math.min(to, start + BLOCK);
            int len = end - start;
            int vecEnd = len - len % lanes;
            for (int a = 0; a < d; a++) {
                double[] xa = cols[a];
                double[] wa = wx[a];
                int i = 0;
                for (; i < vecEnd; i += lanes) {
                    DoubleVector.fromArray(SPECIES, w, start + i).mul(DoubleVector.fromArray(SPECIES, xa, start + i))
                            .intoArray(wa, i);
                }
                for (; i < len; i++) {
                    wa[i] = w[start + i] * xa[start + i];
                }
            }
            int a0 = 0;
            for (; a0 + 3 < d; a0 += 4) {
                for (int b0 = 0; b0 <= a0 + 3; b0 += 2) {
                    if (b0 + 1 < d) {
                        tile4x2(wx, cols, a0, b0, start, len, vecEnd, lanes, d, out);
                    } else {
                        for (int a = a0; a < a0 + 4; a++) {
                            if (b0 <= a) out[a * d + b0] += dot(wx[a], cols[b0], start, len, vecEnd, lanes);
                        }
                    }
                }
            }
            for (int a = a0; a < d; a++) {
                for (int b = 0; b <= a; b++) {
                    out[a * d + b] += dot(wx[a], cols[b], start, len, vecEnd, lanes);
                }
            }
        }
    }

    /**
     * A 4×2 tile of the Gram: four w·x_a against two x_b, eight accumulators, six loads per eight FMAs (a plain
     * dot product needs two loads per FMA and is bound by the caches, not the arithmetic).
     */
    private static void tile4x2(double[][] wx, double[][] cols, int a0, int b0, int start, int len, int vecEnd, int lanes,
                                int d, double[] out) {
        double[] w0 = wx[a0], w1 = wx[a0 + 1], w2 = wx[a0 + 2], w3 = wx[a0 + 3];
        double[] x0 = cols[b0], x1 = cols[b0 + 1];
        DoubleVector s00 = DoubleVector.zero(SPECIES), s10 = s00, s20 = s00, s30 = s00;
        DoubleVector s01 = s00, s11 = s00, s21 = s00, s31 = s00;
        int i = 0;
        for (; i < vecEnd; i += lanes) {
            DoubleVector b0v = DoubleVector.fromArray(SPECIES, x0, start + i);
            DoubleVector b1v = DoubleVector.fromArray(SPECIES, x1, start + i);
            DoubleVector v0 = DoubleVector.fromArray(SPECIES, w0, i);
            s00 = v0.fma(b0v, s00);
            s01 = v0.fma(b1v, s01);
            DoubleVector v1 = DoubleVector.fromArray(SPECIES, w1, i);
            s10 = v1.fma(b0v, s10);
            s11 = v1.fma(b1v, s11);
            DoubleVector v2 = DoubleVector.fromArray(SPECIES, w2, i);
            s20 = v2.fma(b0v, s20);
            s21 = v2.fma(b1v, s21);
            DoubleVector v3 = DoubleVector.fromArray(SPECIES, w3, i);
            s30 = v3.fma(b0v, s30);
            s31 = v3.fma(b1v, s31);
        }
        double[] t = {s00.reduceLanes(VectorOperators.ADD), s01.reduceLanes(VectorOperators.ADD),
                s10.reduceLanes(VectorOperators.ADD), s11.reduceLanes(VectorOperators.ADD),
                s20.reduceLanes(VectorOperators.ADD), s21.reduceLanes(VectorOperators.ADD),
                s30.reduceLanes(VectorOperators.ADD), s31.reduceLanes(VectorOperators.ADD)};
        for (; i < len; i++) {
            double xb0 = x0[start + i], xb1 = x1[start + i];
            t[0] += w0[i] * xb0;
            t[1] += w0[i] * xb1;
            t[2] += w1[i] * xb0;
            t[3] += w1[i] * xb1;
            t[4] += w2[i] * xb0;
            t[5] += w2[i] * xb1;
            t[6] += w3[i] * xb0;
            t[7] += w3[i] * xb1;
        }
        for (int r = 0; r < 4; r++) {
            int a = a0 + r;
            if (b0 <= a) out[a * d + b0] += t[2 * r];
            if (b0 + 1 <= a) out[a * d + b0 + 1] += t[2 * r + 1];
        }
    }

    private static double dot(double[] wa, double[] xb, int start, int len, int vecEnd, int lanes) {
        DoubleVector s = DoubleVector.zero(SPECIES);
        int i = 0;
        for (; i < vecEnd; i += lanes) {
            s = DoubleVector.fromArray(SPECIES, wa, i).fma(DoubleVector.fromArray(SPECIES, xb, start + i), s);
        }
        double t = s.reduceLanes(VectorOperators.ADD);
        for (; i < len; i++) {
            t += wa[i] * xb[start + i];
        }
        return t;
    }

    public double dot(double[] x, double[] y, int from, int to) {
        int lanes = SPECIES.length();
        DoubleVector s = DoubleVector.zero(SPECIES);
        int i = from;
        int vecEnd = from + (to - from) / lanes * lanes;
        for (; i < vecEnd; i += lanes) {
            s = DoubleVector.fromArray(SPECIES, x, i).fma(DoubleVector.fromArray(SPECIES, y, i), s);
        }
        double t = s.reduceLanes(VectorOperators.ADD);
        for (; i < to; i++) {
            t += x[i] * y[i];
        }
        return t;
    }

    /** Lane-wise exp (a vectorised math library where the platform has one): several times Math.exp's speed. */
    @Override
    public void exp(double[] x, int from, int to, double[] out) {
        int i = from;
        for (int bound = from + SPECIES.loopBound(to - from); i < bound; i += SPECIES.length()) {
            DoubleVector.fromArray(SPECIES, x, i).lanewise(VectorOperators.EXP).intoArray(out, i);
        }
        for (; i < to; i++) {
            out[i] = Math.exp(x[i]);
        }
    }
}
