package org.atelier.engine.spec;

import java.util.List;

/**
 * One factor of a model. {@code name} is the key of the spec's {@code terms} map: the column for
 * most types, the new feature's name for an expression. Options that do not apply to the type are null; so is
 * {@code monotonicity} for an unconstrained term. The type is never null: the JSON reader refuses a term without one.
 */
public record TermSpec(String name, TermType type, Integer df, Integer k, Integer degree, Monotonicity monotonicity,
                       List<String> levels, String expr, Double priorWeight, Integer nPermutations) {

    public TermSpec {
        java.util.Objects.requireNonNull(type, "type");
        levels = levels == null ? null : List.copyOf(levels);
    }

    public static TermSpec linear(String column) {
        return new TermSpec(column, TermType.LINEAR, null, null, null, null, null, null, null, null);
    }

    public static TermSpec categorical(String column) {
        return new TermSpec(column, TermType.CATEGORICAL, null, null, null, null, null, null, null, null);
    }

    public static TermSpec categorical(String column, List<String> levels) {
        return new TermSpec(column, TermType.CATEGORICAL, null, null, null, null, levels, null, null, null);
    }

    public static TermSpec bs(String column, int df, Integer degree) {
        return new TermSpec(column, TermType.BS, df, null, degree, null, null, null, null, null);
    }

    public static TermSpec ns(String column, int df) {
        return new TermSpec(column, TermType.NS, df, null, null, null, null, null, null, null);
    }

    public static TermSpec expression(String name, String expr) {
        return new TermSpec(name, TermType.EXPRESSION, null, null, null, null, null, expr, null, null);
    }

    /** The same options under another name (interactions name their variables separately). */
    public TermSpec named(String newName) {
        return new TermSpec(newName, type, df, k, degree, monotonicity, levels, expr, priorWeight, nPermutations);
    }
}
