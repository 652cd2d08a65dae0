package org.atelier.engine.linalg;

/** Plain scalar loops: the reference every other backend is compared with, and the fallback everywhere. */
public final class JavaLinearAlgebra implements LinearAlgebra {
    private static final int BLOCK = 1024;

    public String name() {
        return "java";
    }

    public void weightedGram(double[][] cols, double[] w, int from, int to, double[] out) {
        int d = cols.length;
        double[] wx = new double[BLOCK];
        // Row blocks keep w*x_a in cache while it meets every x_b.
        for (int start = from; start < to; start += BLOCK) {
            int end = Math.min(to, start + BLOCK);
            int len = end - start;
            for (int a = 0; a < d; a++) {
                double[] xa = cols[a];
                for (int i = 0; i < len; i++) {
                    wx[i] = w[start + i] * xa[start + i];
                }
                for (int b = 0; b <= a; b++) {
                    double[] xb = cols[b];
                    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                    int i = 0;
                    for (; i + 3 < len; i += 4) {
                        s0 += wx[i] * xb[start + i];
                        s1 += wx[i + 1] * xb[start + i + 1];
                        s2 += wx[i + 2] * xb[start + i + 2];
                        s3 += wx[i + 3] * xb[start + i + 3];
                    }
                    for (; i < len; i++) {
                        s0 += wx[i] * xb[start + i];
                    }
                    out[a * d + b] += (s0 + s1) + (s2 + s3);
                }
            }
        }
    }

    public double dot(double[] x, double[] y, int from, int to) {
        double s0 = 0, s1 = 0;
        int i = from;
        for (; i + 1 < to; i += 2) {
            s0 += x[i] * y[i];
            s1 += x[i + 1] * y[i + 1];
        }
        if (i < to) {
            s0 += x[i] * y[i];
        }
        return s0 + s1;
    }
}
