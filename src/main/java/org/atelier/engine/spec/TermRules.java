package org.atelier.engine.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.atelier.engine.expr.ExpressionParser;
import org.atelier.engine.spec.SpecProblem.Field;
import org.atelier.engine.spec.SpecProblem.Place;

/** The rules of {@link SpecRules} for terms and interactions: their columns, their options and their sizes. */
final class TermRules {
    private TermRules() {
    }

    static void terms(ModelSpec spec, Map<String, SpecColumn> byName, List<SpecProblem> problems) {
        Field all = Field.of(Place.TERMS, null);
        if (spec.terms().isEmpty() && !spec.intercept()) {
            problems.add(SpecProblem.error(all, "The model has no terms and no intercept"));
        } else if (spec.terms().size() >= SpecRules.MANY_TERMS) {
            problems.add(SpecProblem.warning(all, spec.terms().size() + " terms: fitting may be slow and hard to read"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < spec.terms().size(); i++) {
            TermSpec term = spec.terms().get(i);
            Field field = new Field(Place.TERM, i, term.name(), null);
            if (!seen.add(term.name())) {
                problems.add(SpecProblem.error(field, "Term '" + term.name() + "' is listed twice"));
            }
            if (term.name().equals(spec.response())) {
                problems.add(SpecProblem.error(field, "'" + term.name() + "' is the response variable: remove it from"
                        + " the terms"));
            }
            column(term, field, spec, byName, problems);
            options(term, field, problems);
            monotonicity(term, field, problems);
        }
    }

    static void interactions(ModelSpec spec, Map<String, SpecColumn> byName, List<SpecProblem> problems) {
        for (int i = 0; i < spec.interactions().size(); i++) {
            InteractionSpec interaction = spec.interactions().get(i);
            TermSpec a = interaction.first();
            TermSpec b = interaction.second();
            String pair = "Interaction " + a.name() + " × " + b.name() + ": ";
            Field field = new Field(Place.INTERACTION, i, a.name() + ":" + b.name(), null);
            Field encoding = new Field(Place.INTERACTION, i, field.name(), "target_encoding");
            if (interaction.targetEncoding() && interaction.frequencyEncoding()) {
                problems.add(SpecProblem.error(encoding, pair + "choose target encoding or frequency encoding, not both"));
            }
            if (!interaction.targetEncoding() && (interaction.priorWeight() != null || interaction.nPermutations() != null)) {
                problems.add(SpecProblem.error(new Field(Place.INTERACTION, i, field.name(), "prior_weight"), pair
                        + "prior weight and permutations apply to a target-encoded interaction only: set target"
                        + " encoding, or clear them"));
            }
            boolean encoded = interaction.targetEncoding() || interaction.frequencyEncoding();
            for (TermSpec side : List.of(a, b)) {
                if (side.name().equals(spec.response())) {
                    problems.add(SpecProblem.error(field, pair + "'" + side.name() + "' is the response variable,"
                            + " which cannot be used in an interaction"));
                } else if (byName != null && side.type() != TermType.EXPRESSION && !byName.containsKey(side.name())) {
                    problems.add(SpecProblem.error(field, pair + "'" + side.name() + "' is not in the dataset"));
                }
                boolean main = interaction.includeMain() && spec.terms().stream().noneMatch(t -> t.name().equals(side.name()));
                if (!encoded || main) {
                    // the side is learned on its own (in the product, or as a main effect): its options apply
                    Field sideField = new Field(Place.INTERACTION, i, field.name(), null);
                    options(side, sideField, problems);
                    if (main) {
                        monotonicity(side, sideField, problems);
                    }
                }
                if (encoded) {
                    continue; // one encoded feature over the combined levels: the sides' own options do not enter
                }
                String name = "'" + side.name() + "'";
                if (side.monotonicity() != null) {
                    problems.add(SpecProblem.error(field, pair + "monotonicity on " + name + " applies to main effects"
                            + " only: set it to none inside the interaction"));
                } else if (side.type().isEncoded()) {
                    problems.add(SpecProblem.error(field, pair + name + " is " + side.type() + ", which cannot enter a"
                            + " product: set target or frequency encoding on the interaction instead"));
                } else if (penalizedSpline(side)) {
                    problems.add(SpecProblem.error(field, pair + "the spline of " + name + " needs df inside an"
                            + " interaction (penalized smooths are main effects only)"));
                }
            }
        }
    }

    /** A bs or ns without df: a penalized smooth of k basis columns (k = 10 when neither df nor k is given). */
    static boolean penalizedSpline(TermSpec term) {
        return term.type().isSpline() && term.df() == null;
    }

    /** The term's column against the dataset: there, of a kind its type reads, with levels. */
    private static void column(TermSpec term, Field field, ModelSpec spec, Map<String, SpecColumn> byName,
                               List<SpecProblem> problems) {
        String name = term.name();
        if (term.type() == TermType.EXPRESSION) {
            expression(term, field, byName, problems);
            return;
        }
        if (byName == null) {
            return;
        }
        SpecColumn column = byName.get(name);
        if (column == null) {
            problems.add(SpecProblem.error(field, "'" + name + "' is not in the dataset"));
            return;
        }
        if (name.equals(spec.offset())) {
            problems.add(SpecProblem.warning(field, "Using same column as offset and term"));
        }
        if (column.distinct() == 0) {
            problems.add(SpecProblem.error(field, "'" + name + "' is entirely missing"));
        } else if (column.distinct() == 1) {
            problems.add(SpecProblem.warning(field, "This column has no variation"));
        }
        Field type = new Field(field.place(), field.index(), name, "type");
        if (!column.numeric() && !term.type().takesText()) {
            problems.add(SpecProblem.error(type, "'" + name + "' is a text column, which cannot be " + term.type()
                    + "; use one of " + String.join(", ", TermType.forColumn(false).stream().map(TermType::id).toList())));
        }
        if (term.type() == TermType.CATEGORICAL && column.distinct() > SpecRules.MANY_LEVELS) {
            problems.add(SpecProblem.warning(type, SpecRules.MANY_LEVELS + "+ levels — consider target encoding"));
        }
    }

    private static void expression(TermSpec term, Field field, Map<String, SpecColumn> byName,
                                   List<SpecProblem> problems) {
        Field expr = new Field(field.place(), field.index(), term.name(), "expr");
        if (term.expr() == null || term.expr().isBlank()) {
            problems.add(SpecProblem.error(expr, "Enter an expression for '" + term.name() + "'"));
            return;
        }
        try {
            Set<String> used = new TreeSet<>();
            ExpressionParser.parse(term.expr()).collectColumns(used);
            for (String column : byName == null ? Set.<String>of() : used) {
                if (!byName.containsKey(column)) {
                    problems.add(SpecProblem.error(expr, "Expression '" + term.name() + "' uses '" + column
                            + "', which is not in the dataset"));
                }
            }
        } catch (RuntimeException e) {
            problems.add(SpecProblem.error(expr, "Term '" + term.name() + "': " + e.getMessage()));
        }
    }

    /** The options a term's type takes: the spline's df, k and degree, and the target encoding's prior weight. */
    private static void options(TermSpec term, Field field, List<SpecProblem> problems) {
        if (term.type().isSpline()) {
            String[] problem = splineProblem(term.name(), term.type() == TermType.NS, term.df(), term.k(), term.degree());
            if (problem != null) {
                problems.add(SpecProblem.error(new Field(field.place(), field.index(), field.name(), problem[0]),
                        problem[1]));
            }
            cap(term, field, "df", term.df(), "%s: df is %,d: a %s has at most %,d degrees of freedom; 3 to 10 are usual",
                    problems);
            cap(term, field, "k", term.k(), "%s: k is %,d: a penalized %s has at most %,d basis columns; 10 to 20 are"
                    + " usual", problems);
        }
        if (term.type() != TermType.TARGET_ENCODING && (term.priorWeight() != null || term.nPermutations() != null)) {
            problems.add(SpecProblem.error(new Field(field.place(), field.index(), field.name(), "prior_weight"), "'"
                    + term.name() + "' is " + term.type() + ": prior weight and permutations apply to target_encoding"
                    + " terms only; clear them"));
        }
    }

    private static void cap(TermSpec term, Field field, String option, Integer value, String format,
                            List<SpecProblem> problems) {
        if (value != null && value > SpecLimits.MAX_SPLINE_DF) {
            String where = field.place() == Place.TERM ? "Term '" + term.name() + "'" : "Interaction " + field.name()
                    .replace(":", " × ") + ", side '" + term.name() + "'";
            problems.add(SpecProblem.error(new Field(field.place(), field.index(), field.name(), option),
                    String.format(Locale.ROOT, format, where, value, term.type(), SpecLimits.MAX_SPLINE_DF)));
        }
    }

    /** A direction on a type that takes one, and never on a penalized smooth. */
    private static void monotonicity(TermSpec term, Field field, List<SpecProblem> problems) {
        if (term.monotonicity() == null) {
            return;
        }
        Field option = new Field(field.place(), field.index(), field.name(), "monotonicity");
        if (!term.type().takesMonotonicity()) {
            problems.add(SpecProblem.error(option, "'" + term.name() + "' is " + term.type() + ": monotonicity applies"
                    + " to linear, expression and bs terms only; set it to none"));
        } else if (penalizedSpline(term)) {
            problems.add(SpecProblem.error(option, "'" + term.name() + "' is a penalized smooth, which cannot be"
                    + " monotone-constrained: give the bs df, or set monotonicity to none"));
        }
    }

    /**
     * What is wrong with a spline's df, k and degree, as {option, message}, or null: the one copy of the rule,
     * which the spline encoder applies too.
     */
    static String[] splineProblem(String column, boolean natural, Integer df, Integer k, Integer degree) {
        String kind = natural ? "ns" : "bs";
        if (df != null && k != null) {
            return new String[] {"df", "'" + column + "': set either df or k, not both"};
        }
        if (df == null && k != null && k < 4) {
            return new String[] {"k", "'" + column + "' is a penalized " + kind + " with k " + k + ": a penalized"
                    + " smooth needs k ≥ 4"};
        }
        int deg = degree == null ? 3 : degree;
        if (natural && deg != 3) {
            return new String[] {"degree", "'" + column + "' is an ns, which is always cubic: clear the degree (it"
                    + " applies to bs only)"};
        }
        if (deg < 1 || deg > 3) {
            return new String[] {"degree", "'" + column + "': spline degree must be 1, 2 or 3, got " + deg};
        }
        if (df != null && df < 1) {
            return new String[] {"df", "'" + column + "': degrees of freedom must be ≥ 1, got " + df};
        }
        if (df != null && !natural && df < deg) {
            return new String[] {"df", "'" + column + "' has df " + df + ", but a bs of degree " + deg + " needs df ≥ "
                    + deg + ": raise df or lower the degree"};
        }
        return null;
    }

    /** The design's columns, estimated from the level counts (known only with columns), against the cap. */
    static void designWidth(ModelSpec spec, Map<String, SpecColumn> byName, List<SpecProblem> problems) {
        long columns = spec.intercept() ? 1 : 0;
        for (TermSpec term : spec.terms()) {
            columns += width(term, byName);
        }
        for (InteractionSpec interaction : spec.interactions()) {
            if (!interaction.targetEncoding() && !interaction.frequencyEncoding()) {
                columns += width(interaction.first(), byName) * width(interaction.second(), byName);
            }
        }
        String tooWide = SpecLimits.designColumns(columns);
        if (tooWide != null) {
            problems.add(SpecProblem.error(Field.of(Place.TERMS, null), tooWide));
        }
    }

    /** Design columns of a term: its levels less the base for a categorical, its df or k for a spline, else 1. */
    private static long width(TermSpec term, Map<String, SpecColumn> byName) {
        SpecColumn column = byName == null ? null : byName.get(term.name());
        return switch (term.type()) {
            case CATEGORICAL -> column == null || column.distinct() < 0 ? 1 : Math.max(1, column.distinct() - 1);
            case BS, NS -> term.df() != null ? term.df() : term.k() != null ? term.k() : 10;
            default -> 1;
        };
    }

    static List<TermSpec> mainEffects(ModelSpec spec) {
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
}
