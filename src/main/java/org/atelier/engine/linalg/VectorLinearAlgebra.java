package org.atelier.engine.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Gram kernel on the Vector API (jdk.incubator.vector): fused multiply-adds over the widest lanes the CPU has,
 * four columns of x_b against one w·x_a at a time so each load of w·x_a feeds four accumulators. Loaded only by
 * reflection when the module is present (see {@link LinearAlgebras}).
 */
public final class VectorLinearAlgebra implements LinearAlgebra {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int BLOCK = 1024;

    public String name() {
        return "vector";
    }

    public void weightedGram(double[][] cols, double[] w, int from, int to, double[] out) {
        int d = cols.length;
        int lanes = SPECIES.length();
        double[][] wx = new double[d][BLOCK];
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
            for (int a = 0; a < d; a++) {
                double[] wa = wx[a];
                int b = 0;
                for (; b + 3 <= a; b += 4) {
                    double[] x0 = cols[b], x1 = cols[b + 1], x2 = cols[b + 2], x3 = cols[b + 3];
                    DoubleVector s0 = DoubleVector.zero(SPECIES), s1 = s0, s2 = s0, s3 = s0;
                    int i = 0;
                    for (; i < vecEnd; i += lanes) {
                        DoubleVector v = DoubleVector.fromArray(SPECIES, wa, i);
                        s0 = v.fma(DoubleVector.fromArray(SPECIES, x0, start + i), s0);
                        s1 = v.fma(DoubleVector.fromArray(SPECIES, x1, start + i), s1);
                        s2 = v.fma(DoubleVector.fromArray(SPECIES, x2, start + i), s2);
                        s3 = v.fma(DoubleVector.fromArray(SPECIES, x3, start + i), s3);
                    }
                    double t0 = s0.reduceLanes(VectorOperators.ADD), t1 = s1.reduceLanes(VectorOperators.ADD);
                    double t2 = s2.reduceLanes(VectorOperators.ADD), t3 = s3.reduceLanes(VectorOperators.ADD);
                    for (; i < len; i++) {
                        t0 += wa[i] * x0[start + i];
                        t1 += wa[i] * x1[start + i];
                        t2 += wa[i] * x2[start + i];
                        t3 += wa[i] * x3[start + i];
                    }
                    out[a * d + b] += t0;
                    out[a * d + b + 1] += t1;
                    out[a * d + b + 2] += t2;
                    out[a * d + b + 3] += t3;
                }
                for (; b <= a; b++) {
                    double[] xb = cols[b];
                    DoubleVector s = DoubleVector.zero(SPECIES);
                    int i = 0;
                    for (; i < vecEnd; i += lanes) {
                        s = DoubleVector.fromArray(SPECIES, wa, i).fma(DoubleVector.fromArray(SPECIES, xb, start + i), s);
                    }
                    double t = s.reduceLanes(VectorOperators.ADD);
                    for (; i < len; i++) {
                        t += wa[i] * xb[start + i];
                    }
                    out[a * d + b] += t;
                }
            }
        }
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
}
