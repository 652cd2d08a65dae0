package org.atelier.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.InteractionSpec;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.TermSpec;

/**
 * What changed from one model's spec to another's, as the lines a pricing actuary reads when comparing two
 * versions: "Added term: Region (categorical)", "Family: poisson → gamma". Empty when the specs are equal in
 * every respect that changes the fit.
 */
public record SpecDiff(List<String> lines) {
    private static final String NONE = "none";

    public SpecDiff {
        lines = List.copyOf(lines);
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public static SpecDiff between(ModelSpec before, ModelSpec after) {
        List<String> out = new ArrayList<>();
        change(out, "Response", before.response(), after.response());
        terms(out, before.terms(), after.terms());
        change(out, "Family", before.family(), after.family());
        change(out, "Link", link(before), link(after));
        if (isTweedie(before) || isTweedie(after)) {
            change(out, "Variance power", plain(before.varPower()), plain(after.varPower()));
        }
        if (isNegativeBinomial(before) || isNegativeBinomial(after)) {
            change(out, "Theta", theta(before), theta(after));
        }
        change(out, "Offset", orNone(before.offset()), orNone(after.offset()));
        change(out, "Weights", orNone(before.weights()), orNone(after.weights()));
        change(out, "Intercept", before.intercept() ? "included" : "excluded",
                after.intercept() ? "included" : "excluded");
        interactions(out, before.interactions(), after.interactions());
        fitOptions(out, before.fitOptions(), after.fitOptions());
        return new SpecDiff(out);
    }

    private static void terms(List<String> out, List<TermSpec> before, List<TermSpec> after) {
        Map<String, TermSpec> old = byName(before, TermSpec::name);
        Map<String, TermSpec> now = byName(after, TermSpec::name);
        for (TermSpec term : after) {
            TermSpec previous = old.get(term.name());
            if (previous == null) {
                out.add("Added term: " + term.name() + " (" + describe(term) + ")");
            } else {
                List<String> changes = termChanges(previous, term);
                if (!changes.isEmpty()) {
                    out.add("Changed term: " + term.name() + ": " + String.join("; ", changes));
                }
            }
        }
        for (TermSpec term : before) {
            if (!now.containsKey(term.name())) {
                out.add("Removed term: " + term.name() + " (" + describe(term) + ")");
            }
        }
    }

    private static void interactions(List<String> out, List<InteractionSpec> before, List<InteractionSpec> after) {
        Map<String, InteractionSpec> old = byName(before, SpecDiff::interactionName);
        Map<String, InteractionSpec> now = byName(after, SpecDiff::interactionName);
        for (InteractionSpec interaction : after) {
            String name = interactionName(interaction);
            InteractionSpec previous = old.get(name);
            if (previous == null) {
                out.add("Added interaction: " + name);
            } else if (!previous.equals(interaction)) {
                List<String> changes = new ArrayList<>();
                changes.addAll(prefixed(interaction.first().name(), termChanges(previous.first(), interaction.first())));
                changes.addAll(prefixed(interaction.second().name(),
                        termChanges(previous.second(), interaction.second())));
                collect(changes, "main effects", yesNo(previous.includeMain()), yesNo(interaction.includeMain()));
                collect(changes, "target encoding", yesNo(previous.targetEncoding()),
                        yesNo(interaction.targetEncoding()));
                collect(changes, "frequency encoding", yesNo(previous.frequencyEncoding()),
                        yesNo(interaction.frequencyEncoding()));
                out.add("Changed interaction: " + name + ": " + String.join("; ", changes));
            }
        }
        for (InteractionSpec interaction : before) {
            if (!now.containsKey(interactionName(interaction))) {
                out.add("Removed interaction: " + interactionName(interaction));
            }
        }
    }

    private static void fitOptions(List<String> out, FitOptions before, FitOptions after) {
        List<String> changes = new ArrayList<>();
        collect(changes, "max iterations", before.maxIter(), after.maxIter());
        collect(changes, "tolerance", plain(before.tol()), plain(after.tol()));
        collect(changes, "alpha", plain(before.alpha()), plain(after.alpha()));
        collect(changes, "L1 ratio", plain(before.l1Ratio()), plain(after.l1Ratio()));
        collect(changes, "regularization", orNone(before.regularization()), orNone(after.regularization()));
        collect(changes, "CV folds", orNone(before.cv()), orNone(after.cv()));
        collect(changes, "selection", before.selection(), after.selection());
        collect(changes, "alphas", before.nAlphas(), after.nAlphas());
        collect(changes, "seed", orNone(before.seed()), orNone(after.seed()));
        if (!changes.isEmpty()) {
            out.add("Fit options: " + String.join("; ", changes));
        }
    }

    /** The options of a term that differ: "type linear → bs; df — → 5". */
    private static List<String> termChanges(TermSpec before, TermSpec after) {
        List<String> changes = new ArrayList<>();
        collect(changes, "type", before.type(), after.type());
        collect(changes, "df", orDash(before.df()), orDash(after.df()));
        collect(changes, "k", orDash(before.k()), orDash(after.k()));
        collect(changes, "degree", orDash(before.degree()), orDash(after.degree()));
        collect(changes, "monotonicity", orDash(before.monotonicity()), orDash(after.monotonicity()));
        collect(changes, "levels", orDash(before.levels()), orDash(after.levels()));
        collect(changes, "expression", orDash(before.expr()), orDash(after.expr()));
        collect(changes, "prior weight", orDash(before.priorWeight()), orDash(after.priorWeight()));
        collect(changes, "permutations", orDash(before.nPermutations()), orDash(after.nPermutations()));
        return changes;
    }

    /** "categorical", "bs, df 5", "expression: log(Density)". */
    static String describe(TermSpec term) {
        return switch (term.type()) {
            case BS, NS -> term.type().id() + (term.df() == null ? "" : ", df " + term.df());
            case EXPRESSION -> "expression: " + term.expr();
            default -> term.type().id();
        };
    }

    private static String interactionName(InteractionSpec interaction) {
        return interaction.first().name() + " × " + interaction.second().name();
    }

    private static List<String> prefixed(String variable, List<String> changes) {
        return changes.stream().map(change -> variable + " " + change).toList();
    }

    private static void change(List<String> out, String label, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            out.add(label + ": " + before + " → " + after);
        }
    }

    private static void collect(List<String> changes, String label, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(label + " " + before + " → " + after);
        }
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        Map<String, T> out = new LinkedHashMap<>();
        items.forEach(item -> out.put(name.apply(item), item));
        return out;
    }

    /** A null link is the family's default one; saying so keeps "log → default" from reading as a change to nothing. */
    private static String link(ModelSpec spec) {
        return spec.link() == null ? "default" : spec.link();
    }

    private static String theta(ModelSpec spec) {
        return spec.theta() == null ? "estimated" : plain(spec.theta());
    }

    private static boolean isTweedie(ModelSpec spec) {
        return "tweedie".equalsIgnoreCase(spec.family());
    }

    private static boolean isNegativeBinomial(ModelSpec spec) {
        return switch (spec.family().toLowerCase(Locale.ROOT)) {
            case "negbinomial", "negativebinomial", "negative_binomial" -> true;
            default -> false;
        };
    }

    private static String plain(double value) {
        // 25 not 25.0, 1E-8 not 1.0E-8: the numbers as a user typed them
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value).replace(".0E", "E");
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    private static String orNone(Object value) {
        return value == null ? NONE : value.toString();
    }

    private static String orDash(Object value) {
        return value == null ? "—" : value instanceof Double d ? plain(d) : value.toString();
    }
}
