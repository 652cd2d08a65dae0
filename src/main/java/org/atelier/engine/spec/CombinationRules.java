package org.atelier.engine.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.atelier.engine.spec.SpecProblem.Field;
import org.atelier.engine.spec.SpecProblem.Place;

/**
 * The rules of {@link SpecRules} for the fit options: the penalty's options, the iterations, the caps on folds and
 * path size, and what the engine does not fit together (regularization, penalized smooths, monotone terms, an
 * estimated θ).
 */
final class CombinationRules {
    private CombinationRules() {
    }

    /** Regularization runs when it is named or alpha is not 0 (then as an elastic net). */
    static boolean regularized(FitOptions o) {
        return o.regularization() != null || o.alpha() != 0;
    }

    static void check(ModelSpec spec, List<SpecProblem> problems) {
        FitOptions options = spec.fitOptions();
        boolean regularized = regularized(options);
        if (regularized) {
            penalty(options, problems);
        }
        if (options.maxIter() < 1 || !(options.tol() > 0)) {
            problems.add(SpecProblem.error(Field.of(Place.FIT_OPTIONS, "max_iter"), "Max iterations must be at least 1"
                    + " and the tolerance positive (got " + options.maxIter() + ", " + options.tol() + ")"));
        }
        caps(options, problems);
        List<TermSpec> mains = TermRules.mainEffects(spec);
        List<TermSpec> smooths = new ArrayList<>();
        List<TermSpec> monotone = new ArrayList<>();
        for (TermSpec term : mains) {
            if (TermRules.penalizedSpline(term)) {
                smooths.add(term);
            } else if (term.monotonicity() != null && term.type().takesMonotonicity()) {
                monotone.add(term);
            }
        }
        for (TermSpec smooth : regularized ? smooths : List.<TermSpec>of()) {
            problems.add(SpecProblem.error(field(smooth, spec, "df"), "'" + smooth.name() + "' is a penalized smooth,"
                    + " which regularization does not support: give the spline df, or set regularization to None"));
        }
        for (TermSpec term : monotone) {
            if (regularized) {
                problems.add(SpecProblem.error(field(term, spec, "monotonicity"), "'" + term.name() + "' is monotone,"
                        + " which regularization does not support: set its monotonicity to none, or regularization to None"));
            } else if (!smooths.isEmpty()) {
                List<String> names = smooths.stream().map(s -> "'" + s.name() + "'").toList();
                problems.add(SpecProblem.error(field(term, spec, "monotonicity"), "'" + term.name() + "' is monotone,"
                        + " which cannot be fitted together with the penalized smooth" + (names.size() > 1 ? "s " : " ")
                        + String.join(", ", names) + ": give " + (names.size() > 1 ? "those splines" : "that spline")
                        + " df, or set the monotonicity of '" + term.name() + "' to none"));
            }
        }
        String needsTheta = regularized ? "regularization" : !smooths.isEmpty() ? "penalized smooths"
                : !monotone.isEmpty() ? "monotone terms" : null;
        if (needsTheta != null && spec.theta() == null && SpecRules.negativeBinomial(spec)) {
            problems.add(SpecProblem.error(Field.of(Place.FAMILY, "theta"), "A negative binomial with " + needsTheta
                    + " needs a fixed theta: set theta instead of Auto"));
        }
    }

    /** The penalty's options; the one copy the penalized fit relies on. */
    private static void penalty(FitOptions o, List<SpecProblem> problems) {
        String name = (o.regularization() == null ? PenaltyKind.ELASTIC_NET : o.regularization()).id();
        if (!(o.alpha() >= 0) || !Double.isFinite(o.alpha())) {
            problems.add(SpecProblem.error(Field.of(Place.FIT_OPTIONS, "alpha"), "Alpha (penalty strength) must be a"
                    + " finite number ≥ 0, got " + o.alpha()));
        }
        if (!(o.l1Ratio() >= 0 && o.l1Ratio() <= 1)) {
            problems.add(SpecProblem.error(Field.of(Place.FIT_OPTIONS, "l1_ratio"), "L1 ratio must be between 0 (ridge)"
                    + " and 1 (lasso), got " + o.l1Ratio()));
        }
        if (o.cv() != null && o.cv() < 2) {
            problems.add(SpecProblem.error(Field.of(Place.FIT_OPTIONS, "cv"), "CV folds must be at least 2, got " + o.cv()));
        }
        if (o.cv() == null && o.alpha() == 0) {
            problems.add(SpecProblem.error(Field.of(Place.FIT_OPTIONS, "alpha"), "Regularization '" + name
                    + "' needs alpha > 0, or CV folds to choose alpha"));
        }
        if (o.cv() != null && o.nAlphas() < 2) {
            problems.add(SpecProblem.error(Field.of(Place.FIT_OPTIONS, "n_alphas"), "Alpha path size (n_alphas) must be"
                    + " at least 2 for a cross-validated path, got " + o.nAlphas()));
        }
    }

    private static void caps(FitOptions options, List<SpecProblem> problems) {
        if (options.cv() != null && options.cv() > SpecLimits.MAX_CV_FOLDS) {
            problems.add(SpecProblem.error(Field.of(Place.FIT_OPTIONS, "cv"), String.format(Locale.ROOT,
                    "CV folds (cv) is %,d: at most %,d are allowed; 5 or 10 folds are usual", options.cv(),
                    SpecLimits.MAX_CV_FOLDS)));
        }
        if (options.nAlphas() > SpecLimits.MAX_N_ALPHAS) {
            problems.add(SpecProblem.error(Field.of(Place.FIT_OPTIONS, "n_alphas"), String.format(Locale.ROOT,
                    "Alpha path size (n_alphas) is %,d: at most %,d are allowed; 20 to 100 are usual",
                    options.nAlphas(), SpecLimits.MAX_N_ALPHAS)));
        }
    }

    /** A term's field; a main effect only an interaction brings in belongs to the interactions. */
    private static Field field(TermSpec term, ModelSpec spec, String option) {
        int index = spec.terms().indexOf(term);
        return index >= 0 ? new Field(Place.TERM, index, term.name(), option)
                : new Field(Place.INTERACTION, -1, term.name(), option);
    }
}
