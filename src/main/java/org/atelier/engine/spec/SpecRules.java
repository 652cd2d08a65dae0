package org.atelier.engine.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.atelier.engine.error.ValidationError;
import org.atelier.engine.family.Family;
import org.atelier.engine.family.Link;
import org.atelier.engine.spec.SpecProblem.Field;
import org.atelier.engine.spec.SpecProblem.Place;

/**
 * Every rule a spec must keep, in one place: the engine refuses a spec on the first error ({@link #require}) and
 * the workbench shows them all next to their fields ({@link #check}), so what the engine refuses the workbench
 * learns from the same code. Rules that need the data's values (constant columns, missing values, separation)
 * stay with the fit; the rules here read the spec and, when given, the columns' names, kinds and level counts.
 */
public final class SpecRules {
    /** A categorical with more levels than this gets a warning. */
    public static final int MANY_LEVELS = 100;
    /** A spec with this many terms or more gets a warning. */
    public static final int MANY_TERMS = 100;

    private SpecRules() {
    }

    /**
     * Every problem of {@code spec}, errors and warnings, in the order of the spec's fields. {@code columns} null
     * checks the spec alone (no column is then missing).
     */
    public static List<SpecProblem> check(ModelSpec spec, List<SpecColumn> columns) {
        Map<String, SpecColumn> byName = null;
        if (columns != null) {
            byName = new HashMap<>();
            for (SpecColumn c : columns) {
                byName.put(c.name(), c);
            }
        }
        List<SpecProblem> problems = new ArrayList<>();
        roles(spec, byName, problems);
        family(spec, problems);
        TermRules.terms(spec, byName, problems);
        TermRules.interactions(spec, byName, problems);
        CombinationRules.check(spec, problems);
        TermRules.designWidth(spec, byName, problems);
        validation(spec.validation(), byName, problems);
        return List.copyOf(new LinkedHashSet<>(problems)); // a side shared by two interactions is named once
    }

    /** Refuses {@code spec} with the first error {@link #check} finds. */
    public static void require(ModelSpec spec, List<SpecColumn> columns) {
        for (SpecProblem problem : check(spec, columns)) {
            if (problem.isError()) {
                throw new ValidationError(problem.message());
            }
        }
    }

    private static void roles(ModelSpec spec, Map<String, SpecColumn> byName, List<SpecProblem> problems) {
        String response = spec.response();
        Field field = Field.of(Place.RESPONSE, "response");
        if (response == null || response.isBlank()) {
            problems.add(SpecProblem.error(field, "Select a response variable"));
        } else if (byName != null && !byName.containsKey(response)) {
            problems.add(SpecProblem.error(field, "Response column '" + response + "' is not in the dataset"));
        } else if (byName != null && !byName.get(response).numeric()) {
            problems.add(SpecProblem.error(field, "Response column '" + response + "' is not numeric"));
        }
        numericColumn(spec.offset(), Field.of(Place.OFFSET, "offset"), "Offset", byName, problems);
        numericColumn(spec.weights(), Field.of(Place.WEIGHTS, "weights"), "Weights", byName, problems);
    }

    private static void numericColumn(String column, Field field, String role, Map<String, SpecColumn> byName,
                                      List<SpecProblem> problems) {
        if (column == null || byName == null) {
            return;
        }
        SpecColumn c = byName.get(column);
        if (c == null) {
            problems.add(SpecProblem.error(field, role + " column '" + column + "' is not in the dataset"));
        } else if (!c.numeric()) {
            problems.add(SpecProblem.error(field, role + " column '" + column + "' is not numeric"));
        }
    }

    /** The family's own rules (its name, the Tweedie power) by building it, then θ and the link. */
    private static void family(ModelSpec spec, List<SpecProblem> problems) {
        if (spec.theta() != null && !(spec.theta() > 0 && Double.isFinite(spec.theta()))) {
            problems.add(SpecProblem.error(Field.of(Place.FAMILY, "theta"),
                    "Negative binomial theta must be positive (or Auto), got " + spec.theta()));
        }
        Family family;
        try {
            family = Family.of(spec.family(), spec.varPower(), Double.NaN);
        } catch (ValidationError e) {
            boolean power = "tweedie".equalsIgnoreCase(spec.family());
            problems.add(SpecProblem.error(Field.of(Place.FAMILY, power ? "var_power" : "family"), e.getMessage()));
            return;
        }
        if (spec.link() == null) {
            return;
        }
        Link link;
        try {
            link = Link.of(spec.link());
        } catch (ValidationError e) {
            problems.add(SpecProblem.error(Field.of(Place.FAMILY, "link"), e.getMessage()));
            return;
        }
        if (!family.allowedLinks().contains(link)) {
            problems.add(SpecProblem.error(Field.of(Place.FAMILY, "link"), "The " + link.id() + " link is not available"
                    + " for the " + family.id() + " family (allowed: " + FamilyChoice.of(family.id()).links() + ")"));
        }
    }

    /** The hold-out's own rule, then its column against the dataset. */
    private static void validation(Validation v, Map<String, SpecColumn> byName, List<SpecProblem> problems) {
        if (v == null) {
            return;
        }
        String problem = v.problem();
        if (problem != null) {
            problems.add(SpecProblem.error(Field.of(Place.VALIDATION, "method"), problem));
        } else if (v.method() == Validation.Method.COLUMN && byName != null && !byName.containsKey(v.column())) {
            problems.add(SpecProblem.error(Field.of(Place.VALIDATION, "column"), "Validation column '" + v.column()
                    + "' is not in the dataset"));
        }
    }

    /**
     * What is wrong with a spline's df, k and degree as {option, message}, or null: the rule the spec check and the
     * spline encoder share.
     */
    public static String[] splineProblem(String column, boolean natural, Integer df, Integer k, Integer degree) {
        return TermRules.splineProblem(column, natural, df, k, degree);
    }

    /** True when the family is the negative binomial under any of its names. */
    static boolean negativeBinomial(ModelSpec spec) {
        try {
            return FamilyChoice.of(spec.family()).id().equals("negbinomial");
        } catch (ValidationError e) {
            return false;
        }
    }
}
