package org.atelier.engine.fit;

import java.util.List;
import java.util.SplittableRandom;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.frame.StringColumn;

/** A frame with one wide categorical ("postcode", every level present), an age and an exposure, Poisson claims. */
final class BlockSolverFrames {
    private BlockSolverFrames() {
    }

    static Frame postcodes(int rows, int levels) {
        SplittableRandom random = new SplittableRandom(11);
        String[] names = new String[levels];
        for (int a = 0; a < levels; a++) {
            names[a] = "P" + a;
        }
        int[] postcode = new int[rows];
        double[] age = new double[rows];
        double[] exposure = new double[rows];
        double[] claims = new double[rows];
        for (int i = 0; i < rows; i++) {
            // the base level P0 on a tenth of the rows: a base level with claims, as a pricing actuary picks it
            postcode[i] = i < levels ? i : random.nextInt(10) == 0 ? 0 : random.nextInt(levels);
            age[i] = 18 + random.nextInt(60);
            exposure[i] = 0.2 + 0.8 * random.nextDouble();
            double mu = exposure[i] * Math.exp(-1.5 + 0.01 * (age[i] - 40) + 0.2 * ((postcode[i] % 7) - 3) / 3.0);
            double limit = Math.exp(-mu);
            double product = random.nextDouble();
            int k = 0;
            while (product > limit) {
                product *= random.nextDouble();
                k++;
            }
            claims[i] = k;
        }
        return new Frame(List.of(new NumericColumn("claims", claims, true), new StringColumn("postcode", postcode, names),
                new NumericColumn("age", age, true), new NumericColumn("exposure", exposure, false)));
    }
}
