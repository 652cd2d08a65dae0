package org.atelier.model;

import java.util.List;
import java.util.Map;
import org.atelier.data.ColumnProfile;
import org.atelier.engine.spec.InteractionSpec;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.SpecLimits;
import org.atelier.engine.spec.TermSpec;

/**
 * The engine's size caps ({@link SpecLimits}) as spec issues, so the workbench refuses before Fit what the engine
 * would refuse: df, k, folds and penalties over their caps, and a design whose columns, estimated from the
 * profiles' level counts, go over the cap on design columns.
 */
final class SpecSizeLimits {
    private SpecSizeLimits() {
    }

    static void check(ModelSpec spec, Map<String, ColumnProfile> byName, List<SpecIssue> issues) {
        for (SpecLimits.Breach breach : SpecLimits.check(spec)) {
            String subject = switch (breach.scope()) {
                case TERM -> breach.term();
                case INTERACTION -> SpecIssue.INTERACTIONS;
                case FIT_OPTIONS -> SpecIssue.FIT_OPTIONS;
            };
            issues.add(SpecIssue.error(subject, breach.message()));
        }
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
            issues.add(SpecIssue.error(SpecIssue.TERMS, tooWide));
        }
    }

    /** Design columns of a term: its levels less the base for a categorical, its df or k for a spline, else 1. */
    private static long width(TermSpec term, Map<String, ColumnProfile> byName) {
        ColumnProfile profile = byName.get(term.name());
        return switch (term.type()) {
            case CATEGORICAL -> profile == null ? 1 : Math.max(1, profile.nUnique() - 1);
            case BS, NS -> term.df() != null ? term.df() : term.k() != null ? term.k() : 10;
            default -> 1;
        };
    }
}
