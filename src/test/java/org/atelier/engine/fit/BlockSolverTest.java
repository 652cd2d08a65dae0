package org.atelier.engine.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.atelier.engine.design.Block;
import org.atelier.engine.design.DesignMatrix;
import org.atelier.engine.family.Family;
import org.atelier.engine.family.Gamma;
import org.atelier.engine.family.Link;
import org.atelier.engine.family.Poisson;
import org.atelier.engine.linalg.Covariance;
import org.atelier.engine.linalg.JavaLinearAlgebra;
import org.junit.jupiter.api.Test;

/**
 * The block elimination of a wide categorical (chosen automatically at 300 levels) gives the dense Cholesky's
 * estimates and standard errors to 1e-10 on a design with several categoricals, a categorical × numeric block,
 * numerics and an offset.
 */
class BlockSolverTest {
    private static final int N = 6_000;

    @Test
    void poissonMatchesTheDenseSolver() {
        compare(new Poisson(), 1);
    }

    @Test
    void gammaMatchesTheDenseSolver() {
        compare(new Gamma(), 2);
    }

    private static void compare(Family family, long seed) {
        Random random = new Random(seed);
        double[] ones = new double[N];
        Arrays.fill(ones, 1);
        double[] age = new double[N];
        double[] density = new double[N];
        int[] postcode = new int[N];
        int[] area = new int[N];
        int[] fuel = new int[N];
        double[] exposure = new double[N];
        double[] trueEffect = new double[300];
        for (int a = 0; a < trueEffect.length; a++) {
            trueEffect[a] = 0.4 * random.nextGaussian();
        }
        double[] offset = new double[N];
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            age[i] = 18 + 60 * random.nextDouble();
            density[i] = random.nextGaussian();
            postcode[i] = random.nextInt(301) - 1; // -1: the base level
            area[i] = random.nextInt(6) - 1;
            fuel[i] = random.nextInt(3) - 1;
            exposure[i] = 0.1 + 0.9 * random.nextDouble();
            offset[i] = Math.log(exposure[i]);
            double eta = -1 + 0.01 * (age[i] - 40) + 0.2 * density[i] + (postcode[i] < 0 ? 0 : trueEffect[postcode[i]])
                    + 0.1 * (area[i] + 1) + (fuel[i] < 0 ? 0 : 0.05 * density[i] * (fuel[i] + 1)) + offset[i];
            double mu = Math.exp(eta);
            y[i] = family instanceof Poisson ? poisson(random, mu) : gamma(random, mu, 2.0);
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Dense("Intercept", "Intercept", ones));
        blocks.add(new Block.Dense("age", "age", age));
        blocks.add(new Block.Categorical(levels("area", 5), "area", area, null));
        blocks.add(new Block.Categorical(levels("postcode", 300), "postcode", postcode, null));
        blocks.add(new Block.Dense("density", "density", density));
        blocks.add(new Block.Categorical(levels("fuel:density", 2), "fuel:density", fuel, density));
        DesignMatrix x = new DesignMatrix(N, blocks);
        double[] prior = new double[N];
        Arrays.fill(prior, 1);

        WeightedLeastSquares blockStep = new WeightedLeastSquares();
        IrlsResult block = Irls.run(new IrlsProblem(x, y, prior, offset, family, Link.LOG, new JavaLinearAlgebra()),
                blockStep, 50, 1e-12, null, FitMonitor.NONE);
        WeightedLeastSquares denseStep = new WeightedLeastSquares();
        IrlsResult dense = Irls.run(new IrlsProblem(x.withDenseSolver(), y, prior, offset, family, Link.LOG,
                new JavaLinearAlgebra()), denseStep, 50, 1e-12, null, FitMonitor.NONE);
        assertTrue(block.converged() && dense.converged());
        assertInstanceOf(Covariance.Blocked.class, blockStep.information().inverse(1));
        assertInstanceOf(Covariance.Dense.class, denseStep.information().inverse(1));
        assertEquals(dense.deviance(), block.deviance(), 1e-10 * dense.deviance());
        Covariance cb = blockStep.information().inverse(1);
        Covariance cd = denseStep.information().inverse(1);
        int p = x.columns();
        for (int j = 0; j < p; j++) {
            assertEquals(dense.beta()[j], block.beta()[j], 1e-10 * Math.max(1, Math.abs(dense.beta()[j])), x.featureNames().get(j));
            double seDense = Math.sqrt(cd.variance(j));
            assertEquals(seDense, Math.sqrt(cb.variance(j)), 1e-10 * seDense, "SE of " + x.featureNames().get(j));
        }
        // off-diagonal entries too, across the three kinds of pairs (A×A, A×R, R×R)
        int[] probe = {0, 1, 3, 7, 8, 100, 305, p - 1};
        for (int i : probe) {
            for (int j : probe) {
                double scale = Math.sqrt(cd.variance(i) * cd.variance(j));
                assertEquals(cd.at(i, j), cb.at(i, j), 1e-10 * scale, "Cov(" + i + ", " + j + ")");
            }
        }
        // the block form is small: no p×p numbers
        assertTrue(cb.stored().length < p * p / 2);
    }

    private static List<String> levels(String factor, int count) {
        List<String> names = new ArrayList<>();
        for (int a = 0; a < count; a++) {
            names.add(factor + "[T." + a + "]");
        }
        return names;
    }

    private static double poisson(Random random, double mu) {
        double limit = Math.exp(-mu);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    /** A Gamma draw of mean mu and shape k (an integer shape: a sum of exponentials). */
    private static double gamma(Random random, double mu, double shape) {
        double sum = 0;
        for (int s = 0; s < shape; s++) {
            sum -= Math.log(1 - random.nextDouble());
        }
        return sum * mu / shape;
    }
}
