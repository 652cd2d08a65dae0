package org.atelier.engine.diagnostics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The normal QQ plot of deviance residuals: a seeded sample of at most {@link Residuals#QQ_SAMPLE} rows with
 * positive weight (all of them when there are fewer), sorted, against Φ⁻¹ of R's {@code ppoints}.
 */
final class QqPlot {
    private QqPlot() {
    }

    static List<QqPoint> of(double[] devianceResiduals, double[] weights, long seed) {
        int n = devianceResiduals.length;
        int[] eligible = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (weights[i] > 0) eligible[m++] = i;
        }
        int size = Math.min(m, Residuals.QQ_SAMPLE);
        SplittableRandom random = new SplittableRandom(seed);
        double[] sample = new double[size];
        for (int j = 0; j < size; j++) { // partial Fisher-Yates: the first size slots are a uniform sample
            int pick = j + random.nextInt(m - j);
            int row = eligible[pick];
            eligible[pick] = eligible[j];
            eligible[j] = row;
            sample[j] = devianceResiduals[row];
        }
        Arrays.sort(sample);
        double a = size <= 10 ? 3.0 / 8 : 0.5;
        List<QqPoint> out = new ArrayList<>(size);
        for (int j = 0; j < size; j++) {
            out.add(new QqPoint(NormalQuantile.of((j + 1 - a) / (size + 1 - 2 * a)), sample[j]));
        }
        return out;
    }
}
