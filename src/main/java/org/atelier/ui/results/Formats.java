package org.atelier.ui.results;

import java.util.Locale;

/**
 * How results numbers read: large sums with thousands separators, estimates to four significant places,
 * p-values in R's style ("<2e-16"), and "—" wherever a figure is undefined (AIC of a quasi family, the
 * standard error of a base level).
 */
final class Formats {
    static final String UNDEFINED = "—";

    private Formats() {
    }

    /** Deviance, AIC, exposure: "132,811". Below 100 a few decimals stay, else "0" would hide a small deviance. */
    static String amount(Double value) {
        if (value == null || !Double.isFinite(value)) {
            return UNDEFINED;
        }
        double abs = Math.abs(value);
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, abs >= 1 ? "%,.2f" : "%.4g", value);
    }

    /** Exposure in policy-years: whole years from 100 on, one decimal below (a thin level's 81.6 years). */
    static String exposure(double value) {
        if (!Double.isFinite(value)) {
            return UNDEFINED;
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%,.0f" : "%,.1f", value);
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** Estimates, standard errors, z values: 4 decimals, switching to scientific for the very small. */
    static String estimate(double value) {
        if (!Double.isFinite(value)) {
            return UNDEFINED;
        }
        double abs = Math.abs(value);
        if (abs != 0 && (abs < 1e-4 || abs >= 1e6)) {
            return String.format(Locale.ROOT, "%.3e", value);
        }
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /** Relativities always with 3 decimals, the way rating tables print them. */
    static String relativity(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : UNDEFINED;
    }

    static String interval(double lower, double upper) {
        if (!Double.isFinite(lower) || !Double.isFinite(upper)) {
            return UNDEFINED;
        }
        return relativity(lower) + " – " + relativity(upper);
    }

    static String estimateInterval(double lower, double upper) {
        if (!Double.isFinite(lower) || !Double.isFinite(upper)) {
            return UNDEFINED;
        }
        return "[" + estimate(lower) + ", " + estimate(upper) + "]";
    }

    /** As R prints them: "<2e-16" at the limit of double precision, scientific below 0.001. */
    static String pValue(double p) {
        if (!Double.isFinite(p)) {
            return UNDEFINED;
        }
        if (p < 2e-16) {
            return "<2e-16";
        }
        return p < 1e-3 ? String.format(Locale.ROOT, "%.2e", p) : String.format(Locale.ROOT, "%.4f", p);
    }

    /** Milliseconds as "850 ms" or "2.4 s". */
    static String duration(long millis) {
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    static String degrees(double df) {
        return df == Math.rint(df) ? count((long) df) : String.format(Locale.ROOT, "%,.1f", df);
    }
}
