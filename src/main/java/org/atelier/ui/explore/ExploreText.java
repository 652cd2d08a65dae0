package org.atelier.ui.explore;

import java.util.Locale;

/** How the Explore tab writes its numbers: an undefined one as a dash. */
final class ExploreText {
    static final String UNDEFINED = "—";

    private ExploreText() {
    }

    static String number(double v, int decimals) {
        return Double.isNaN(v) || Double.isInfinite(v) ? UNDEFINED : String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    static String rate(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return UNDEFINED;
        return Math.abs(v) >= 100 ? number(v, 1) : String.format(Locale.ROOT, "%.4f", v);
    }

    static String percent(double share) {
        return Double.isNaN(share) ? UNDEFINED : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    static String pValue(double p) {
        if (Double.isNaN(p)) return UNDEFINED;
        return p < 1e-4 ? "< 0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }
}
