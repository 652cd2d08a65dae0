package org.atelier.engine.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.atelier.engine.linalg.JavaLinearAlgebra;
import org.atelier.engine.linalg.LinearAlgebra;
import org.junit.jupiter.api.Test;

/**
 * Xβ, X'v and X'WX of the block design against the same products on its one-hot matrix written out, with and without
 * rating cells, over more rows than one chunk.
 */
class DesignMatrixTest {
    private static final LinearAlgebra KERNEL = new JavaLinearAlgebra();

    @Test
    void unscaledBlocksGoThroughCellsAndMatchTheWrittenOutMatrix() {
        DesignMatrix x = design(40_000, false, new SplittableRandom(1));
        assertTrue(x.groupsRowsInCells());
        assertProductsMatch(x, new SplittableRandom(2));
    }

    @Test
    void aScaledBlockIsSummedRowByRowAndMatchesTheWrittenOutMatrix() {
        DesignMatrix x = design(40_000, true, new SplittableRandom(3));
        assertFalse(x.groupsRowsInCells());
        assertProductsMatch(x, new SplittableRandom(4));
    }

    @Test
    void cellsAreNotUsedWhenThereAreMoreThanAQuarterOfTheRows() {
        assertFalse(design(100, false, new SplittableRandom(5)).groupsRowsInCells());
    }

    @Test
    void aPermutedDesignKeepsItsProducts() {
        DesignMatrix x = design(20_000, false, new SplittableRandom(6));
        int[] order = new int[x.rows()];
        for (int i = 0; i < order.length; i++) order[i] = (int) ((i * 7919L) % order.length);
        DesignMatrix permuted = x.rows(order);
        assertTrue(permuted.groupsRowsInCells());
        double[] v = new double[x.rows()];
        for (int i = 0; i < v.length; i++) v[i] = Math.sin(i);
        double[] vPermuted = DesignMatrix.pick(v, order);
        assertClose(x.transposeTimes(v, KERNEL), permuted.transposeTimes(vPermuted, KERNEL));
        assertClose(x.gram(v, KERNEL), permuted.gram(vPermuted, KERNEL));
    }

    /** An intercept, two numeric columns and three factors with base-level rows (code -1); optionally one scaled. */
    private static DesignMatrix design(int n, boolean scaled, SplittableRandom random) {
        double[] intercept = new double[n];
        Arrays.fill(intercept, 1);
        double[] age = new double[n];
        double[] density = new double[n];
        for (int i = 0; i < n; i++) {
            age[i] = 18 + random.nextInt(70);
            density[i] = Math.log(1 + random.nextDouble() * 1000);
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Dense("(Intercept)", "(Intercept)", intercept));
        blocks.add(categorical("Area", 5, n, null, random));
        blocks.add(new Block.Dense("DrivAge", "DrivAge", age));
        blocks.add(categorical("VehGas", 1, n, null, random));
        blocks.add(categorical("Region", 7, n, scaled ? density : null, random));
        blocks.add(new Block.Dense("Density", "Density", density));
        return new DesignMatrix(n, blocks);
    }

    private static Block.Categorical categorical(String factor, int width, int n, double[] scale, SplittableRandom random) {
        List<String> features = new ArrayList<>();
        for (int c = 0; c < width; c++) features.add(factor + c);
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) codes[i] = random.nextInt(width + 1) - 1;
        return new Block.Categorical(features, factor, codes, scale);
    }

    private static void assertProductsMatch(DesignMatrix x, SplittableRandom random) {
        int n = x.rows();
        int p = x.columns();
        double[][] dense = writtenOut(x);
        double[] beta = new double[p];
        for (int j = 0; j < p; j++) beta[j] = random.nextGaussian();
        beta[3] = 0; // a zero coefficient is skipped
        double[] offset = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            offset[i] = random.nextGaussian();
            w[i] = i % 11 == 0 ? 0 : random.nextDouble();
        }
        double[] eta = new double[n];
        x.times(beta, offset, eta);
        double[] expectedEta = new double[n];
        for (int i = 0; i < n; i++) {
            expectedEta[i] = offset[i];
            for (int j = 0; j < p; j++) expectedEta[i] += dense[i][j] * beta[j];
        }
        assertClose(expectedEta, eta);

        double[] expectedXv = new double[p];
        double[] expectedGram = new double[p * p];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < p; a++) {
                expectedXv[a] += dense[i][a] * w[i];
                for (int b = 0; b < p; b++) expectedGram[a * p + b] += w[i] * dense[i][a] * dense[i][b];
            }
        }
        assertClose(expectedXv, x.transposeTimes(w, KERNEL));
        assertClose(expectedGram, x.gram(w, KERNEL));
    }

    private static double[][] writtenOut(DesignMatrix x) {
        double[][] dense = new double[x.rows()][x.columns()];
        int column = 0;
        for (Block block : x.blocks()) {
            switch (block) {
                case Block.Dense d -> {
                    for (int i = 0; i < x.rows(); i++) dense[i][column] = d.values()[i];
                }
                case Block.Categorical c -> {
                    for (int i = 0; i < x.rows(); i++) {
                        if (c.codes()[i] >= 0) dense[i][column + c.codes()[i]] = c.scaleAt(i);
                    }
                }
            }
            column += block.width();
        }
        return dense;
    }

    private static void assertClose(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        double scale = 0;
        for (double v : expected) scale = Math.max(scale, Math.abs(v));
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], actual[j], 1e-12 * scale, "entry " + j);
        }
    }
}
