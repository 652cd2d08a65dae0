package org.atelier.engine.spline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SplineBasisTest {
    private static double[] grid(double from, double to, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = from + (to - from) * i / (n - 1);
        return x;
    }

    @Test
    void cubicBsWithoutInteriorKnotsIsTheBernsteinBasis() {
        double[] x = grid(2, 12, 41);
        SplineBasis basis = SplineBasis.learn(false, 3, 3, x);
        assertEquals(0, basis.interiorKnots().length);
        double[][] b = basis.evaluate(x);
        for (int i = 0; i < x.length; i++) {
            double t = (x[i] - 2) / 10;
            assertEquals(3 * t * (1 - t) * (1 - t), b[0][i], 1e-14);
            assertEquals(3 * t * t * (1 - t), b[1][i], 1e-14);
            assertEquals(t * t * t, b[2][i], 1e-14);
        }
    }

    /** Values from patsy's bs (which reproduces R's splines::bs), same data, df and degree. */
    @Test
    void bsMatchesTheRCompatibleReference() {
        double[] x = {18, 19, 20, 22, 25, 30, 33, 37, 41, 45, 50, 55, 60, 66, 72, 80, 90, 99};
        double[][] cubic = SplineBasis.learn(false, 5, 3, x).evaluate(x);
        double[][] expectCubic = {
                {0, 0, 0, 0, 0},
                {5.5840090410208609e-01, 7.5708021350963495e-02, 1.4595876664842194e-03, 0, 0},
                {2.0625682906449830e-01, 6.4271894805075391e-01, 1.4989533726042906e-01, 1.1288856243189087e-03, 0},
                {0, 2.5819720296156995e-01, 5.4439025875155778e-01, 1.9692434833411435e-01, 4.8818995275786494e-04},
                {0, 0, 0, 0, 1}};
        int[] rows = {0, 3, 7, 12, 17};
        for (int r = 0; r < rows.length; r++) {
            for (int j = 0; j < 5; j++) {
                assertEquals(expectCubic[r][j], cubic[j][rows[r]], 1e-14, "row " + rows[r] + " col " + j);
            }
        }
        double[][] quadratic = SplineBasis.learn(false, 4, 2, x).evaluate(x);
        double[][] expectQuadratic = {
                {0.1359078114004223, 0.00184729064039409, 0, 0},
                {0.2573392357875114, 0.6936490659470591, 0.04901169826542967, 0},
                {0, 0.02855799741450228, 0.3514407625830176, 0.6200012400024801}};
        int[] rows2 = {1, 8, 16};
        for (int r = 0; r < rows2.length; r++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(expectQuadratic[r][j], quadratic[j][rows2[r]], 1e-14, "row " + rows2[r] + " col " + j);
            }
        }
    }

    @Test
    void linearBsIsTheScaledVariable() {
        double[] x = grid(0, 10, 11);
        double[][] b = SplineBasis.learn(false, 1, 1, x).evaluate(x);
        for (int i = 0; i < x.length; i++) assertEquals(x[i] / 10, b[0][i], 1e-15);
    }

    @Test
    void interiorKnotsAreRQuantiles() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        SplineBasis basis = SplineBasis.learn(false, 5, 3, x); // 2 interior knots at 1/3 and 2/3
        assertArrayEquals(new double[] {4, 7}, basis.interiorKnots(), 1e-12);
        SplineBasis natural = SplineBasis.learn(true, 4, 3, x); // 3 interior knots at quartiles
        assertArrayEquals(new double[] {3.25, 5.5, 7.75}, natural.interiorKnots(), 1e-12);
    }

    @Test
    void bsColumnsWithTheDroppedFirstSumToOneAndVanishAtTheLowerBoundary() {
        double[] x = grid(-3, 7, 101);
        for (int degree = 1; degree <= 3; degree++) {
            SplineBasis basis = SplineBasis.learn(false, 6, degree, x);
            double[][] b = basis.evaluate(x);
            for (int i = 0; i < x.length; i++) {
                double sum = 0;
                for (double[] col : b) {
                    assertEquals(true, col[i] >= -1e-15);
                    sum += col[i];
                }
                assertEquals(true, sum <= 1 + 1e-12);
            }
            for (double[] col : b) assertEquals(0, col[0], 1e-15);
            assertEquals(1, b[b.length - 1][x.length - 1], 1e-14); // last basis function is 1 at the upper boundary
        }
    }

    @Test
    void naturalSplineIsLinearBeyondTheBoundariesAndContinuous() {
        double[] x = grid(0, 10, 57);
        SplineBasis basis = SplineBasis.learn(true, 4, 3, x);
        double[] outside = {-3, -2, -1, 11, 12, 13};
        double[][] b = basis.evaluate(outside);
        for (double[] col : b) {
            assertEquals(col[1] - col[0], col[2] - col[1], 1e-12);
            assertEquals(col[4] - col[3], col[5] - col[4], 1e-12);
        }
        double[][] edge = basis.evaluate(new double[] {-1e-9, 0, 10, 10 + 1e-9});
        for (double[] col : edge) {
            assertEquals(col[0], col[1], 1e-7);
            assertEquals(col[2], col[3], 1e-7);
        }
        // the natural basis vanishes at the lower boundary (intercept dropped) and its second derivative is zero there
        for (double[] col : edge) assertEquals(0, col[1], 1e-14);
    }

    @Test
    void bsExtrapolatesSmoothlyPastTheBoundary() {
        double[] x = grid(0, 10, 57);
        SplineBasis basis = SplineBasis.learn(false, 5, 3, x);
        double[][] edge = basis.evaluate(new double[] {10, 10 + 1e-7, 0, -1e-7});
        for (double[] col : edge) {
            assertEquals(col[0], col[1], 1e-5);
            assertEquals(col[2], col[3], 1e-5);
        }
    }
}
