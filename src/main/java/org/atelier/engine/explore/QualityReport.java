package org.atelier.engine.explore;

import java.util.List;

/**
 * The data-quality report: errors (nothing can be fitted as chosen), warnings (worth a look before fitting) and
 * suggestions (how to specify the factors). The rules are in {@link QualityRules}.
 */
public record QualityReport(List<ReportEntry> errors, List<ReportEntry> warnings, List<ReportEntry> suggestions) {
    public QualityReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        suggestions = List.copyOf(suggestions);
    }
}
