package org.atelier.model;

/**
 * A problem with a model spec. Errors stop the fit (the Fit button says why); warnings are shown next to the
 * term or field they concern. {@code subject} is a term's name, or one of RESPONSE, OFFSET, WEIGHTS, FAMILY,
 * TERMS, INTERACTIONS, FIT_OPTIONS (the advanced options: regularization, iterations), VALIDATION (the hold-out).
 * {@code option} is the field within the subject in the spec's JSON words ("df", "alpha", ...), or null.
 */
public record SpecIssue(Severity severity, String subject, String message, String option) {
    public static final String RESPONSE = "#response";
    public static final String OFFSET = "#offset";
    public static final String WEIGHTS = "#weights";
    public static final String FAMILY = "#family";
    public static final String TERMS = "#terms";
    public static final String INTERACTIONS = "#interactions";
    public static final String FIT_OPTIONS = "#fitOptions";
    public static final String VALIDATION = "#validation";

    public enum Severity { ERROR, WARNING }

    public SpecIssue(Severity severity, String subject, String message) {
        this(severity, subject, message, null);
    }

    static SpecIssue error(String subject, String message) {
        return new SpecIssue(Severity.ERROR, subject, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
