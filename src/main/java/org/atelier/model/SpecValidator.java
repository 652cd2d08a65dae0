package org.atelier.model;

import java.util.ArrayList;
import java.util.List;
import org.atelier.data.ColumnProfile;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.SpecColumn;
import org.atelier.engine.spec.SpecProblem;
import org.atelier.engine.spec.SpecRules;

/**
 * Checks a spec against the dataset's column profiles before anything is fitted, so the workbench can disable Fit
 * with a reason and warn next to the field concerned. The rules are the engine's own ({@link SpecRules}): what the
 * engine would refuse, the workbench refuses before Fit, with the same message.
 */
public final class SpecValidator {
    private SpecValidator() {
    }

    public static List<SpecIssue> validate(ModelSpec spec, List<ColumnProfile> columns) {
        List<SpecColumn> known = columns.stream()
                .map(c -> new SpecColumn(c.name(), c.isNumeric(), c.nUnique())).toList();
        List<SpecIssue> issues = new ArrayList<>();
        boolean noFactor = spec.terms().isEmpty();
        for (SpecProblem problem : SpecRules.check(spec, known)) {
            if (noFactor && problem.field().place().compareTo(SpecProblem.Place.TERMS) >= 0) {
                // the engine fits an intercept-only model (drop-one needs it); the workbench asks for a factor first
                issues.add(SpecIssue.error(SpecIssue.TERMS, "Add at least one factor"));
                noFactor = false;
            }
            issues.add(new SpecIssue(problem.isError() ? SpecIssue.Severity.ERROR : SpecIssue.Severity.WARNING,
                    subject(problem.field()), problem.message(), problem.field().option()));
        }
        if (noFactor) {
            issues.add(SpecIssue.error(SpecIssue.TERMS, "Add at least one factor"));
        }
        return issues;
    }

    public static boolean canFit(List<SpecIssue> issues) {
        return issues.stream().noneMatch(SpecIssue::isError);
    }

    /** The reason the Fit button is disabled: the first error. */
    public static String firstError(List<SpecIssue> issues) {
        return issues.stream().filter(SpecIssue::isError).map(SpecIssue::message).findFirst().orElse(null);
    }

    /** A term's card shows its issues; a main effect only an interaction brings in has no card. */
    private static String subject(SpecProblem.Field field) {
        return switch (field.place()) {
            case RESPONSE -> SpecIssue.RESPONSE;
            case OFFSET -> SpecIssue.OFFSET;
            case WEIGHTS -> SpecIssue.WEIGHTS;
            case FAMILY -> SpecIssue.FAMILY;
            case TERMS -> SpecIssue.TERMS;
            case TERM -> field.name();
            case INTERACTION -> SpecIssue.INTERACTIONS;
            case FIT_OPTIONS -> SpecIssue.FIT_OPTIONS;
            case VALIDATION -> SpecIssue.VALIDATION;
        };
    }
}
