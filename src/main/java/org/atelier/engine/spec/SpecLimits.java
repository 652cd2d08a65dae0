package org.atelier.engine.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The caps on what a spec may ask for, in one place: the engine refuses a spec over them before it allocates
 * anything, and the workbench's spec validator shows the same refusal before Fit. Each cap is far above what a
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

    /** Where a breach is: a term (its name), an interaction, or the fit options. */
    public enum Scope { TERM, INTERACTION, FIT_OPTIONS }

    /** A cap the spec goes over: where, and the message naming the field, the value and the cap. */
    public record Breach(Scope scope, String term, String message) {
    }

    /** Every cap the spec goes over, without reading data. */
    public static List<Breach> check(ModelSpec spec) {
        List<Breach> breaches = new ArrayList<>();
        for (TermSpec term : spec.terms()) {
            spline(term, Scope.TERM, "Term '" + term.name() + "'", breaches);
        }
        for (InteractionSpec interaction : spec.interactions()) {
            String pair = "Interaction " + interaction.first().name() + " × " + interaction.second().name() + ", side '";
            for (TermSpec side : List.of(interaction.first(), interaction.second())) {
                spline(side, Scope.INTERACTION, pair + side.name() + "'", breaches);
            }
        }
        FitOptions options = spec.fitOptions();
        if (options.cv() != null && options.cv() > MAX_CV_FOLDS) {
            breaches.add(new Breach(Scope.FIT_OPTIONS, null, String.format(Locale.ROOT,
                    "CV folds (cv) is %,d: at most %,d are allowed; 5 or 10 folds are usual", options.cv(), MAX_CV_FOLDS)));
        }
        if (options.nAlphas() > MAX_N_ALPHAS) {
            breaches.add(new Breach(Scope.FIT_OPTIONS, null, String.format(Locale.ROOT,
                    "Alpha path size (n_alphas) is %,d: at most %,d are allowed; 20 to 100 are usual", options.nAlphas(),
                    MAX_N_ALPHAS)));
        }
        return breaches;
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

    private static void spline(TermSpec term, Scope scope, String where, List<Breach> breaches) {
        if (!term.type().isSpline()) {
            return;
        }
        if (term.df() != null && term.df() > MAX_SPLINE_DF) {
            breaches.add(new Breach(scope, term.name(), String.format(Locale.ROOT, "%s: df is %,d: a %s has at most %,d"
                    + " degrees of freedom; 3 to 10 are usual", where, term.df(), term.type(), MAX_SPLINE_DF)));
        }
        if (term.k() != null && term.k() > MAX_SPLINE_DF) {
            breaches.add(new Breach(scope, term.name(), String.format(Locale.ROOT, "%s: k is %,d: a penalized %s has at"
                    + " most %,d basis columns; 10 to 20 are usual", where, term.k(), term.type(), MAX_SPLINE_DF)));
        }
    }
}
