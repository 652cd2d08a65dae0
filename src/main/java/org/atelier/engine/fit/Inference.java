package org.atelier.engine.fit;

import java.util.ArrayList;
import java.util.List;
import org.atelier.engine.inference.Distributions;
import org.atelier.engine.linalg.Covariance;

/** summary.glm's table from the estimates and their covariance (already scaled by the dispersion). */
final class Inference {
    private Inference() {
    }

    static List<Coefficient> table(List<String> features, List<String> factors, double[] beta, Covariance covariance,
                                   boolean tStatistics, int dfResid) {
        int p = beta.length;
        List<Coefficient> rows = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            double se = Math.sqrt(covariance.variance(j));
            double stat = beta[j] / se;
            double pValue = tStatistics ? Distributions.studentTwoSided(stat, dfResid) : Distributions.normalTwoSided(stat);
            rows.add(new Coefficient(features.get(j), factors.get(j), beta[j], se, stat, pValue,
                    beta[j] - Distributions.Z_975 * se, beta[j] + Distributions.Z_975 * se,
                    Distributions.significance(pValue)));
        }
        return rows;
    }
}
