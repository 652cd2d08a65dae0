package org.atelier.engine.inference;

/**
 * The normal and Student t tails that summary.glm's p-values need. The normal tail uses the incomplete gamma
 * function (erfc(x) = Q(1/2, x²)), the t tail the incomplete beta function (Lentz continued fraction).
 */
public final class Distributions {
    /** qnorm(0.975), the multiplier of 95% Wald intervals. */
    public static final double Z_975 = 1.959963984540054;
    private static final double EPS = 1e-16;
    private static final double TINY = 1e-300;

    private Distributions() {
    }

    /** P(|Z| > |z|) for a standard normal Z, R's {@code 2*pnorm(-abs(z))}. */
    public static double normalTwoSided(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        double x = z * z / 2;
        return x == 0 ? 1 : upperGammaRegularized(0.5, x);
    }

    /** P(|T| > |t|) for Student's t with df degrees of freedom, R's {@code 2*pt(-abs(t), df)}. */
    public static double studentTwoSided(double t, double df) {
        if (Double.isNaN(t) || !(df > 0)) {
            return Double.NaN;
        }
        if (Double.isInfinite(df)) {
            return normalTwoSided(t);
        }
        if (t == 0) {
            return 1;
        }
        double x = df / (df + t * t);
        return incompleteBetaRegularized(x, df / 2, 0.5);
    }

    /** Standard normal lower tail Φ(z). */
    public static double normalCdf(double z) {
        double half = 0.5 * normalTwoSided(z);
        return z < 0 ? half : 1 - half;
    }

    /** P(X > x) for X ~ χ² with df degrees of freedom, R's {@code pchisq(x, df, lower.tail = FALSE)}. */
    public static double chiSquaredUpper(double x, double df) {
        if (Double.isNaN(x) || !(df > 0)) {
            return Double.NaN;
        }
        return x <= 0 ? 1 : upperGammaRegularized(df / 2, x / 2);
    }

    /** P(X > f) for X ~ F(d1, d2), R's {@code pf(f, d1, d2, lower.tail = FALSE)}. */
    public static double fUpper(double f, double d1, double d2) {
        if (Double.isNaN(f) || !(d1 > 0) || !(d2 > 0)) {
            return Double.NaN;
        }
        return f <= 0 ? 1 : incompleteBetaRegularized(d2 / (d2 + d1 * f), d2 / 2, d1 / 2);
    }

    /** Q(a, x) = Γ(a, x) / Γ(a). */
    static double upperGammaRegularized(double a, double x) {
        double logPrefix = a * Math.log(x) - x - SpecialFunctions.lgamma(a);
        if (x < a + 1) {
            // series for P(a, x), then 1 - P
            double sum = 1 / a;
            double term = sum;
            for (int n = 1; n < 100000; n++) {
                term *= x / (a + n);
                sum += term;
                if (Math.abs(term) < Math.abs(sum) * EPS) {
                    break;
                }
            }
            return 1 - sum * Math.exp(logPrefix);
        }
        // Lentz continued fraction for Q(a, x)
        double b = x + 1 - a;
        double c = 1 / TINY;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 100000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < TINY) d = TINY;
            c = b + an / c;
            if (Math.abs(c) < TINY) c = TINY;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPS) {
                break;
            }
        }
        return Math.exp(logPrefix) * h;
    }

    /** I_x(a, b). */
    static double incompleteBetaRegularized(double x, double a, double b) {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        double logFront = a * Math.log(x) + b * Math.log1p(-x)
                - (SpecialFunctions.lgamma(a) + SpecialFunctions.lgamma(b) - SpecialFunctions.lgamma(a + b));
        if (x < (a + 1) / (a + b + 2)) {
            return Math.exp(logFront) * betaContinuedFraction(x, a, b) / a;
        }
        return 1 - Math.exp(logFront) * betaContinuedFraction(1 - x, b, a) / b;
    }

    private static double betaContinuedFraction(double x, double a, double b) {
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = 1 - qab * x / qap;
        if (Math.abs(d) < TINY) d = TINY;
        d = 1 / d;
        double h = d;
        for (int m = 1; m < 1_000_000; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            if (Math.abs(d) < TINY) d = TINY;
            c = 1 + aa / c;
            if (Math.abs(c) < TINY) c = TINY;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            if (Math.abs(d) < TINY) d = TINY;
            c = 1 + aa / c;
            if (Math.abs(c) < TINY) c = TINY;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPS) {
                break;
            }
        }
        return h;
    }

    /** R's significance stars for a p-value. */
    public static String significance(double p) {
        if (Double.isNaN(p)) return "";
        if (p < 0.001) return "***";
        if (p < 0.01) return "**";
        if (p < 0.05) return "*";
        if (p < 0.1) return ".";
        return "";
    }
}
