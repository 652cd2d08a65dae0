package org.atelier.engine.spec;

/**
 * One thing wrong with a spec, found by {@link SpecRules}: an error the engine refuses to fit, or a warning the
 * workbench shows and the engine ignores. {@code field} says where it belongs, so the workbench can show it next
 * to that field.
 */
public record SpecProblem(Severity severity, Field field, String message) {

    public enum Severity { ERROR, WARNING }

    /** The part of the spec a field belongs to. */
    public enum Place { RESPONSE, OFFSET, WEIGHTS, FAMILY, TERMS, TERM, INTERACTION, FIT_OPTIONS, VALIDATION }

    /**
     * Where a problem is: the place, for a term or an interaction its index in the spec's list (-1 for a main effect
     * only an interaction brings in) and its name, and the option concerned in the spec's JSON words ("df", "k",
     * "monotonicity", "alpha", "link", ...) or null for the whole place.
     */
    public record Field(Place place, int index, String name, String option) {
        public static Field of(Place place, String option) {
            return new Field(place, -1, null, option);
        }
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    static SpecProblem error(Field field, String message) {
        return new SpecProblem(Severity.ERROR, field, message);
    }

    static SpecProblem warning(Field field, String message) {
        return new SpecProblem(Severity.WARNING, field, message);
    }
}
