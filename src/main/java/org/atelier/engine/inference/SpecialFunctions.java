package org.atelier.engine.inference;

/**
 * Log-gamma, digamma, trigamma and the log densities behind R's AIC. Stirling/asymptotic series after shifting
 * the argument above 10 by recurrence: relative accuracy near 1e-15, enough for AIC to match R to 1e-6.
 */
public final class SpecialFunctions {
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    private SpecialFunctions() {
    }

    /** log Γ(x) for x > 0. */
    public static double lgamma(double x) {
        if (Double.isNaN(x) || x <= 0) {
            return x == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        }
        if (x == 1 || x == 2) {
            return 0;
        }
        double shift = 0;
        if (x < 10) {
            // log Γ(x) = log Γ(x+k) - log(x (x+1) ... (x+k-1)); products stay small so one log suffices
            double product = 1;
            while (x < 10) {
                product *= x;
                x += 1;
            }
            shift = Math.log(product);
        }
        double inv = 1 / x;
        double inv2 = inv * inv;
        double series = inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 * (1.0 / 1680 - inv2 / 1188))));
        return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + series - shift;
    }

    /** ψ(x) = d log Γ(x) / dx for x > 0. */
    public static double digamma(double x) {
        double result = 0;
        while (x < 10) {
            result -= 1 / x;
            x += 1;
        }
        double inv2 = 1 / (x * x);
        return result + Math.log(x) - 0.5 / x
                - inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240 - inv2 * (1.0 / 132 - inv2 * 691.0 / 32760)))));
    }

    /** ψ'(x) for x > 0. */
    public static double trigamma(double x) {
        double result = 0;
        while (x < 10) {
            result += 1 / (x * x);
            x += 1;
        }
        double inv = 1 / x;
        double inv2 = inv * inv;
        return result + inv + 0.5 * inv2
                + inv * inv2 * (1.0 / 6 - inv2 * (1.0 / 30 - inv2 * (1.0 / 42 - inv2 * (1.0 / 30 - inv2 * (5.0 / 66 - inv2 * 691.0 / 2730)))));
    }

    public static double lchoose(double n, double k) {
        return lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1);
    }

    /** log of the Poisson probability of y at mean μ. */
    public static double poissonLogDensity(double y, double mu) {
        return (y == 0 ? 0 : y * Math.log(mu)) - mu - lgamma(y + 1);
    }

    /** log of the binomial probability of k successes in n trials with probability p. */
    public static double binomialLogDensity(double k, double n, double p) {
        double a = k == 0 ? 0 : k * Math.log(p);
        double b = n - k == 0 ? 0 : (n - k) * Math.log1p(-p);
        return lchoose(n, k) + a + b;
    }

    /** log density of the gamma distribution with the given shape and scale at y. */
    public static double gammaLogDensity(double y, double shape, double scale) {
        return (shape - 1) * Math.log(y) - y / scale - lgamma(shape) - shape * Math.log(scale);
    }
}
