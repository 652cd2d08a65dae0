package org.atelier.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.atelier.data.ColumnProfile;
import org.atelier.engine.expr.ExpressionParser;
import org.atelier.engine.fit.HoldOut;
import org.atelier.engine.spec.InteractionSpec;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.TermType;
import org.atelier.engine.spec.Validation;

/**
 * Checks a spec against the dataset's column profiles before anything is fitted (missing or wrongly typed columns,
 * a response used as a factor, factors with too many levels), so the workbench can disable Fit with a reason and warn next to the term concerned. The option
 * combinations the engine refuses without reading data are checked by {@link OptionCombinations}.
 */
public final class SpecValidator {
    static final int MANY_LEVELS = 100;
    static final int MANY_TERMS = 100;

    private SpecValidator() {
    }

    public static List<SpecIssue> validate(ModelSpec spec, List<ColumnProfile> columns) {
        Map<String, ColumnProfile> byName = new HashMap<>();
        for (ColumnProfile c : columns) {
            byName.put(c.name(), c);
        }
        List<SpecIssue> issues = new ArrayList<>();
        String response = spec.response();
        if (response == null || response.isBlank()) {
            issues.add(SpecIssue.error(SpecIssue.RESPONSE, "Select a response variable"));
        } else if (!byName.containsKey(response)) {
            issues.add(SpecIssue.error(SpecIssue.RESPONSE, "Response column '" + response + "' is not in the dataset"));
        } else if (!byName.get(response).isNumeric()) {
            issues.add(SpecIssue.error(SpecIssue.RESPONSE, "Response column '" + response + "' is not numeric"));
        }
        numericColumn(spec.offset(), SpecIssue.OFFSET, "Offset", byName, issues);
        numericColumn(spec.weights(), SpecIssue.WEIGHTS, "Weights", byName, issues);
        family(spec, issues);
        if (spec.terms().isEmpty()) {
            issues.add(SpecIssue.error(SpecIssue.TERMS, "Add at least one factor"));
        } else if (spec.terms().size() >= MANY_TERMS) {
            issues.add(SpecIssue.warning(SpecIssue.TERMS, spec.terms().size()
                    + " terms: fitting may be slow and hard to read"));
        }
        for (TermSpec term : spec.terms()) {
            term(term, spec, byName, issues);
            OptionCombinations.term(term, issues);
        }
        for (InteractionSpec interaction : spec.interactions()) {
            for (TermSpec side : List.of(interaction.first(), interaction.second())) {
                if (!byName.containsKey(side.name())) {
                    issues.add(SpecIssue.error(SpecIssue.INTERACTIONS, "Interaction " + interaction.first().name()
                            + " × " + interaction.second().name() + ": '" + side.name() + "' is not in the dataset"));
                }
            }
        }
        OptionCombinations.model(spec, issues);
        SpecSizeLimits.check(spec, byName, issues);
        validation(spec.validation(), byName, issues);
        return issues;
    }

    public static boolean canFit(List<SpecIssue> issues) {
        return issues.stream().noneMatch(SpecIssue::isError);
    }

    /** The reason the Fit button is disabled: the first error. */
    public static String firstError(List<SpecIssue> issues) {
        return issues.stream().filter(SpecIssue::isError).map(SpecIssue::message).findFirst().orElse(null);
    }

    /** The hold-out: the engine's own data-free rule, then its column against the dataset. */
    private static void validation(Validation v, Map<String, ColumnProfile> byName, List<SpecIssue> issues) {
        if (v == null) {
            return;
        }
        String problem = HoldOut.problem(v);
        if (problem != null) {
            issues.add(SpecIssue.error(SpecIssue.VALIDATION, problem));
        } else if (v.method() == Validation.Method.COLUMN && !byName.containsKey(v.column())) {
            issues.add(SpecIssue.error(SpecIssue.VALIDATION, "Validation column '" + v.column() + "' is not in the dataset"));
        }
    }

    private static void family(ModelSpec spec, List<SpecIssue> issues) {
        if (spec.family().equals("tweedie") && (spec.varPower() < 1 || spec.varPower() > 2)) {
            issues.add(SpecIssue.error(SpecIssue.FAMILY, "Tweedie var_power must be between 1 and 2"));
        }
        if (spec.family().equals("negbinomial") && spec.theta() != null && !(spec.theta() > 0)) {
            issues.add(SpecIssue.error(SpecIssue.FAMILY, "Negative binomial theta must be positive (or Auto)"));
        }
    }

    private static void numericColumn(String column, String subject, String role, Map<String, ColumnProfile> byName,
                                      List<SpecIssue> issues) {
        if (column == null) {
            return;
        }
        ColumnProfile profile = byName.get(column);
        if (profile == null) {
            issues.add(SpecIssue.error(subject, role + " column '" + column + "' is not in the dataset"));
        } else if (!profile.isNumeric()) {
            issues.add(SpecIssue.error(subject, role + " column '" + column + "' is not numeric"));
        }
    }

    private static void term(TermSpec term, ModelSpec spec, Map<String, ColumnProfile> byName, List<SpecIssue> issues) {
        String name = term.name();
        if (term.type() == TermType.EXPRESSION) {
            expression(term, byName, issues);
            return;
        }
        ColumnProfile profile = byName.get(name);
        if (profile == null) {
            issues.add(SpecIssue.error(name, "'" + name + "' is not in the dataset"));
            return;
        }
        if (name.equals(spec.response())) {
            issues.add(SpecIssue.error(name, "This column is the response variable"));
        }
        if (name.equals(spec.offset())) {
            issues.add(SpecIssue.warning(name, "Using same column as offset and term"));
        }
        if (profile.nUnique() == 0) {
            issues.add(SpecIssue.error(name, "This column is entirely missing"));
        } else if (profile.nUnique() == 1) {
            issues.add(SpecIssue.warning(name, "This column has no variation"));
        }
        if (!profile.isNumeric() && !term.type().takesText()) {
            issues.add(SpecIssue.error(name, "A text column cannot be " + term.type() + "; use one of "
                    + String.join(", ", TermType.forColumn(false).stream().map(TermType::id).toList())));
        }
        if (term.type() == TermType.CATEGORICAL && profile.nUnique() > MANY_LEVELS) {
            issues.add(SpecIssue.warning(name, MANY_LEVELS + "+ levels — consider target encoding"));
        }
        if (term.type().isSpline()) {
            spline(term, issues);
        }
    }

    private static void spline(TermSpec term, List<SpecIssue> issues) {
        if (term.df() != null && term.k() != null) {
            issues.add(SpecIssue.error(term.name(), "Set either df or k, not both"));
        } else if (term.df() == null && term.k() == null) {
            issues.add(SpecIssue.error(term.name(), "Set the degrees of freedom"));
        } else if (term.df() != null && term.df() < 1) {
            issues.add(SpecIssue.error(term.name(), "Degrees of freedom must be ≥ 1"));
        }
        int degree = term.degree() == null ? 3 : term.degree();
        if (degree < 1 || degree > 3) {
            issues.add(SpecIssue.error(term.name(), "Spline degree must be 1, 2 or 3"));
        } else if (term.type() == TermType.NS && degree != 3) {
            issues.add(SpecIssue.error(term.name(), "'" + term.name() + "' is an ns, which is always cubic: clear the"
                    + " degree (it applies to bs only)"));
        } else if (term.type() == TermType.BS && term.df() != null && term.df() >= 1 && term.df() < degree) {
            issues.add(SpecIssue.error(term.name(), "'" + term.name() + "' has df " + term.df() + ", but a bs of degree "
                    + degree + " needs df ≥ " + degree + ": raise df or lower the degree"));
        }
        if (term.df() == null && term.k() != null && term.k() < 4) {
            issues.add(SpecIssue.error(term.name(), "'" + term.name() + "' is a penalized " + term.type()
                    + " with k " + term.k() + ": a penalized smooth needs k ≥ 4"));
        }
    }

    private static void expression(TermSpec term, Map<String, ColumnProfile> byName, List<SpecIssue> issues) {
        if (term.expr() == null || term.expr().isBlank()) {
            issues.add(SpecIssue.error(term.name(), "Enter an expression"));
            return;
        }
        try {
            Set<String> used = new java.util.TreeSet<>();
            ExpressionParser.parse(term.expr()).collectColumns(used);
            for (String column : used) {
                if (!byName.containsKey(column)) {
                    issues.add(SpecIssue.error(term.name(), "Expression uses '" + column
                            + "', which is not in the dataset"));
                }
            }
        } catch (RuntimeException e) {
            issues.add(SpecIssue.error(term.name(), e.getMessage()));
        }
    }
}
