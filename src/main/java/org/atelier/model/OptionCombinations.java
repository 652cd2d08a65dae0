package org.atelier.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.InteractionSpec;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.TermSpec;

/**
 * The option checks the engine makes at fit time without reading the data (GlmFitter, RegularizedFit, Encoders,
 * PenalizedFits), mirrored for {@link SpecValidator} so the workbench refuses such a spec before Fit: term options
 * that do not apply to the term's type, the penalty options, and the combinations of regularization, penalized
 * smooths and monotone terms that the engine does not fit together. The engine keeps its own checks.
 */
final class OptionCombinations {
    static final Set<String> DIRECTIONS = Set.of("increasing", "decreasing");
    static final Set<String> REGULARIZATIONS = Set.of("ridge", "lasso", "elastic_net");
    static final Set<String> SELECTIONS = Set.of("min", "1se");
    static final Set<String> NEGATIVE_BINOMIAL = Set.of("negbinomial", "negativebinomial", "negative_binomial");

    private OptionCombinations() {
    }

    /** A bs or ns without df: a penalized smooth of k basis columns (k = 10 when neither df nor k is given). */
    static boolean penalizedSpline(TermSpec term) {
        return term.type().isSpline() && term.df() == null;
    }

    /** A monotonicity the engine applies: a direction on a type that takes it. */
    static boolean monotone(TermSpec term) {
        return term.monotonicity() != null && term.type().takesMonotonicity();
    }

    /** The options of one term that its type does not take. */
    static void term(TermSpec term, List<SpecIssue> issues) {
        String name = term.name();
        String type = term.type().id();
        if (term.monotonicity() != null) {
            if (!monotone(term)) {
                issues.add(SpecIssue.error(name, "'" + name + "' is " + type + ": monotonicity applies to linear,"
                        + " expression and bs terms only; set it to none"));
            } else if (penalizedSpline(term)) {
                issues.add(SpecIssue.error(name, "'" + name + "' is a penalized smooth, which cannot be"
                        + " monotone-constrained: give the bs df, or set monotonicity to none"));
            }
        }
        if (term.type() != org.atelier.engine.spec.TermType.TARGET_ENCODING && (term.priorWeight() != null || term.nPermutations() != null)) {
            issues.add(SpecIssue.error(name, "'" + name + "' is " + type + ": prior weight and permutations apply to"
                    + " target_encoding terms only; clear them"));
        }
    }

    /** The interactions, the penalty options and what the engine does not combine. */
    static void model(ModelSpec spec, List<SpecIssue> issues) {
        for (InteractionSpec interaction : spec.interactions()) {
            interaction(interaction, spec.response(), issues);
        }
        FitOptions options = spec.fitOptions();
        boolean regularized = options.regularization() != null || options.alpha() != 0;
        if (regularized) {
            penalty(options, issues);
        }
        if (options.maxIter() < 1 || !(options.tol() > 0)) {
            issues.add(SpecIssue.error(SpecIssue.FIT_OPTIONS, "Max iterations must be at least 1 and the tolerance"
                    + " positive (got " + options.maxIter() + ", " + options.tol() + ")"));
        }
        List<TermSpec> smooths = new ArrayList<>();
        List<TermSpec> monotone = new ArrayList<>();
        for (TermSpec term : mainEffects(spec)) {
            if (penalizedSpline(term)) {
                smooths.add(term);
            } else if (monotone(term)) {
                monotone.add(term);
            }
        }
        for (TermSpec smooth : regularized ? smooths : List.<TermSpec>of()) {
            issues.add(SpecIssue.error(subject(smooth, spec), "'" + smooth.name() + "' is a penalized smooth, which"
                    + " regularization does not support: give the spline df, or set regularization to None"));
        }
        for (TermSpec term : monotone) {
            if (regularized) {
                issues.add(SpecIssue.error(subject(term, spec), "'" + term.name() + "' is monotone, which"
                        + " regularization does not support: set its monotonicity to none, or regularization to None"));
            } else if (!smooths.isEmpty()) {
                List<String> names = smooths.stream().map(s -> "'" + s.name() + "'").toList();
                issues.add(SpecIssue.error(subject(term, spec), "'" + term.name() + "' is monotone, which cannot be"
                        + " fitted together with the penalized smooth" + (names.size() > 1 ? "s " : " ")
                        + String.join(", ", names) + ": give " + (names.size() > 1 ? "those splines" : "that spline")
                        + " df, or set the monotonicity of '" + term.name() + "' to none"));
            }
        }
        String needsTheta = regularized ? "regularization" : !smooths.isEmpty() ? "penalized smooths"
                : !monotone.isEmpty() ? "monotone terms" : null;
        if (needsTheta != null && NEGATIVE_BINOMIAL.contains(spec.family()) && spec.theta() == null) {
            issues.add(SpecIssue.error(SpecIssue.FAMILY, "A negative binomial with " + needsTheta
                    + " needs a fixed theta: set theta instead of Auto"));
        }
    }

    /** Mirrors RegularizedFit.Penalty.of, which runs when regularization is set or alpha is not 0. */
    private static void penalty(FitOptions o, List<SpecIssue> issues) {
        String name = o.regularization() == null ? "elastic_net" : o.regularization().id();
        List<String> problems = new ArrayList<>();
        if (!(o.alpha() >= 0) || !Double.isFinite(o.alpha())) {
            problems.add("Alpha (penalty strength) must be a finite number ≥ 0, got " + o.alpha());
        }
        if (!(o.l1Ratio() >= 0 && o.l1Ratio() <= 1)) {
            problems.add("L1 ratio must be between 0 (ridge) and 1 (lasso), got " + o.l1Ratio());
        }
        if (o.cv() != null && o.cv() < 2) {
            problems.add("CV folds must be at least 2, got " + o.cv());
        }
        if (o.cv() == null && o.alpha() == 0) {
            problems.add("Regularization '" + name + "' needs alpha > 0, or CV folds to choose alpha");
        }
        if (o.cv() != null && o.nAlphas() < 2) {
            problems.add("Alpha path size (n_alphas) must be at least 2 for a cross-validated path, got " + o.nAlphas());
        }
        problems.forEach(p -> issues.add(SpecIssue.error(SpecIssue.FIT_OPTIONS, p)));
    }

    /** Mirrors Encoders.learn: options a product interaction's sides cannot take. */
    private static void interaction(InteractionSpec interaction, String response, List<SpecIssue> issues) {
        TermSpec a = interaction.first();
        TermSpec b = interaction.second();
        String pair = "Interaction " + a.name() + " × " + b.name() + ": ";
        if (interaction.targetEncoding() && interaction.frequencyEncoding()) {
            issues.add(SpecIssue.error(SpecIssue.INTERACTIONS, pair + "choose target encoding or frequency encoding,"
                    + " not both"));
        }
        if (!interaction.targetEncoding() && (interaction.priorWeight() != null || interaction.nPermutations() != null)) {
            issues.add(SpecIssue.error(SpecIssue.INTERACTIONS, pair + "prior weight and permutations apply to a"
                    + " target-encoded interaction only: set target encoding, or clear them"));
        }
        for (TermSpec side : List.of(a, b)) {
            if (side.name().equals(response)) {
                issues.add(SpecIssue.error(SpecIssue.INTERACTIONS, pair + "'" + side.name() + "' is the response"
                        + " variable, which cannot be used in an interaction"));
            }
        }
        if (interaction.targetEncoding() || interaction.frequencyEncoding()) {
            return; // one encoded feature over the combined levels: the sides' own options do not enter
        }
        for (TermSpec side : List.of(a, b)) {
            String name = "'" + side.name() + "'";
            if (side.monotonicity() != null) {
                issues.add(SpecIssue.error(SpecIssue.INTERACTIONS, pair + "monotonicity on " + name + " applies to"
                        + " main effects only: set it to none inside the interaction"));
            } else if (side.type().isEncoded()) {
                issues.add(SpecIssue.error(SpecIssue.INTERACTIONS, pair + name + " is " + side.type().id() + ", which"
                        + " cannot enter a product: set target or frequency encoding on the interaction instead"));
            } else if (penalizedSpline(side)) {
                issues.add(SpecIssue.error(SpecIssue.INTERACTIONS, pair + "the spline of " + name + " needs df inside"
                        + " an interaction (penalized smooths are main effects only)"));
            }
        }
    }

    /** The terms, then the sides interactions bring in as main effects (as Encoders.learn orders them). */
    private static List<TermSpec> mainEffects(ModelSpec spec) {
        List<TermSpec> mains = new ArrayList<>(spec.terms());
        for (InteractionSpec interaction : spec.interactions()) {
            for (TermSpec side : List.of(interaction.first(), interaction.second())) {
                if (interaction.includeMain() && mains.stream().noneMatch(t -> t.name().equals(side.name()))) {
                    mains.add(side);
                }
            }
        }
        return mains;
    }

    /** A term's card shows its issues; a main effect only an interaction brings in has no card. */
    private static String subject(TermSpec term, ModelSpec spec) {
        return spec.terms().contains(term) ? term.name() : SpecIssue.INTERACTIONS;
    }
}
