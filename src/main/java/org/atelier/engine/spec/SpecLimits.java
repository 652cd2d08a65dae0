package org.atelier.engine.spec;

import java.util.Locale;

/**
 * The caps on what a spec may ask for, in one place: {@link SpecRules} refuses a spec over them, so the engine
 * refuses it before it allocates anything and the workbench shows the same refusal before Fit. Each cap is far above what a
 * pricing model uses and far below what would exhaust a server's heap (a bs with df 10⁶ asks for 10⁶ columns of n
 * rows each; 100,000 folds or 10⁹ penalties allocate a path per fold or per penalty).
 */
public final class SpecLimits {
    /** Columns of a bs or ns with df, and basis size k of a penalized smooth. */
    public static final int MAX_SPLINE_DF = 100;
    /** Cross-validation folds. */
    public static final int MAX_CV_FOLDS = 50;
    /** Penalties on a regularization path. */
    public static final int MAX_N_ALPHAS = 1_000;
    /** Design columns in all: levels of every categorical and of every interaction, spline columns, numerics. */
    public static final int MAX_DESIGN_COLUMNS = 200_000;

    private SpecLimits() {
    }

    /** The refusal of a design with this many columns, or null when it is within the cap. */
    public static String designColumns(long columns) {
        if (columns <= MAX_DESIGN_COLUMNS) {
            return null;
        }
        return String.format(Locale.ROOT, "The model has %,d design columns (levels of its factors and interactions,"
                + " spline columns): at most %,d are allowed. Merge rare levels, target-encode the factors with many"
                + " levels, or drop an interaction", columns, MAX_DESIGN_COLUMNS);
    }
}
