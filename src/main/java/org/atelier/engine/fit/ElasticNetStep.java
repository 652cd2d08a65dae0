package org.atelier.engine.fit;

/**
 * One proximal Newton step of the elastic net: minimises the quadratic model of the penalized objective around β₀,
 * <pre>  F(β₀) + (-s'd + ½ d'Hd)/Σw + λ(P(β₀+d) - P(β₀)),  P(β) = Σ_j s_j(α|β_j| + (1-α)/2 s_j β_j²)</pre>
 * (s the score X'u at β₀, H = X'WX, s_j each column's standard deviation, the intercept unpenalized), by
 * coordinate descent with covariance updates: q = c - Hβ with c = Hβ₀ + s is kept up to date at O(p) per changed
 * coordinate, so a sweep costs O(p²) whatever the number of rows. Sweeps alternate between all coordinates and the
 * active (non-zero) ones, as glmnet does, until no coordinate of a full sweep moves the model by more than a
 * threshold well below the outer tolerance.
 */
final class ElasticNetStep {
    private static final int MAX_SWEEPS = 100_000;

    private final boolean intercept;
    private final double[] scale;
    private final double weightSum;

    /** {@code scale[j]}: s_j for a penalized column (0 keeps a constant column at 0), ignored for the intercept. */
    ElasticNetStep(boolean intercept, double[] scale, double weightSum) {
        this.intercept = intercept;
        this.scale = scale;
        this.weightSum = weightSum;
    }

    double[] scale() {
        return scale;
    }

    /** The new coefficients and the decrease of the quadratic model from β₀ to them (≥ 0). */
    record Result(double[] beta, double predictedDecrease) {
    }

    /** The penalty λP(β) with mixing {@code l1}; λ = ∞ stands for "every penalized coefficient at zero". */
    double penalty(double[] beta, double lambda, double l1) {
        if (Double.isInfinite(lambda)) {
            return 0;
        }
        double p = 0;
        for (int j = intercept ? 1 : 0; j < beta.length; j++) {
            p += scale[j] * (l1 * Math.abs(beta[j]) + (1 - l1) / 2 * scale[j] * beta[j] * beta[j]);
        }
        return lambda * p;
    }

    /**
     * Sweeps until no coordinate moves the model by more than {@code threshold} (objective units): a step needs
     * to be exact only to well below the outer loop's tolerance, which verifies every step on the data.
     */
    Result solve(double[] h, double[] score, double[] beta0, double lambda, double l1, double threshold) {
        int p = beta0.length;
        double n = weightSum;
        double[] beta = beta0.clone();
        double[] q = score.clone(); // q = c - Hβ, which is the score itself at β = β₀
        boolean allCoordinates = true;
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double maxChange = 0;
            for (int j = 0; j < p; j++) {
                boolean penalized = !(intercept && j == 0);
                double hjj = h[j * p + j];
                if (hjj <= 0 || (penalized && (scale[j] == 0 || Double.isInfinite(lambda)))) {
                    continue;
                }
                if (!allCoordinates && penalized && beta[j] == 0) {
                    continue;
                }
                double a = hjj / n;
                double updated;
                if (!penalized) {
                    updated = beta[j] + q[j] / hjj;
                } else {
                    double r = q[j] / n + a * beta[j];
                    double cut = lambda * l1 * scale[j];
                    double shrunk = Math.abs(r) <= cut ? 0 : r - Math.signum(r) * cut;
                    updated = shrunk / (a + lambda * (1 - l1) * scale[j] * scale[j]);
                }
                double delta = updated - beta[j];
                if (delta != 0) {
                    beta[j] = updated;
                    for (int k = 0; k < p; k++) {
                        q[k] -= delta * h[k * p + j];
                    }
                    maxChange = Math.max(maxChange, a * delta * delta);
                }
            }
            if (maxChange < threshold) {
                if (allCoordinates) {
                    break;
                }
                allCoordinates = true;
            } else {
                allCoordinates = false;
            }
        }
        // model decrease: (s'd - ½ d'Hd)/n - λ(P(β) - P(β₀)), with Hd = s - q
        double linear = 0;
        double quadratic = 0;
        for (int j = 0; j < p; j++) {
            double d = beta[j] - beta0[j];
            linear += score[j] * d;
            quadratic += d * (score[j] - q[j]);
        }
        double decrease = (linear - quadratic / 2) / n - (penalty(beta, lambda, l1) - penalty(beta0, lambda, l1));
        return new Result(beta, Math.max(decrease, 0));
    }
}
