package org.atelier.engine.linalg;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The dense Gram on ND4J (OpenBLAS dgemm), built only with {@code -Pnd4j} and loaded by reflection on first use,
 * so start-up never pays for the native libraries. Works around the pitfalls measured on this stack:
 * {@code Level3.syrk} ignores K (so a plain gemm of Xw' X is used), broadcast row scaling is slow (an [n,1]
 * weight vector goes through {@link MulOp} column by column instead), and the bundled OpenBLAS 0.3.19
 * misdetects recent CPUs: set {@code OPENBLAS_CORETYPE=Haswell} (or Zen/SkylakeX) in the environment.
 */
public final class Nd4jLinearAlgebra implements LinearAlgebra {
    private final JavaLinearAlgebra scalar = new JavaLinearAlgebra();
    private final String name;

    public Nd4jLinearAlgebra() {
        this("nd4j");
    }

    /** {@code mkl} when javacpp was told to load MKL in place of OpenBLAS (see {@link LinearAlgebras}). */
    public Nd4jLinearAlgebra(String name) {
        this.name = name;
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    public String name() {
        return name;
    }

    public void weightedGram(double[][] cols, double[] w, int from, int to, double[] out) {
        int d = cols.length;
        int len = to - from;
        if (d == 0 || len == 0) {
            return;
        }
        // Column-major [len, d] so each column is one contiguous copy.
        double[] data = new double[len * d];
        for (int j = 0; j < d; j++) {
            System.arraycopy(cols[j], from, data, j * len, len);
        }
        INDArray x = Nd4j.create(data, new long[] {len, d}, 'f');
        double[] weights = new double[len];
        System.arraycopy(w, from, weights, 0, len);
        INDArray wv = Nd4j.create(weights, new long[] {len, 1}, 'f');
        INDArray xw = Nd4j.createUninitialized(DataType.DOUBLE, new long[] {len, d}, 'f');
        for (int j = 0; j < d; j++) {
            INDArray column = x.getColumn(j, true);
            Nd4j.getExecutioner().exec(new MulOp(column, wv, xw.getColumn(j, true)));
        }
        INDArray gram = xw.transpose().mmul(x); // d × d
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                out[a * d + b] += gram.getDouble(a, b);
            }
        }
    }

    public double dot(double[] x, double[] y, int from, int to) {
        return scalar.dot(x, y, from, to); // a JNI call per chunk costs more than the dot itself
    }
}
