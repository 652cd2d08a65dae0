package org.atelier.ui.report;

import java.util.Locale;

/** The parts of the report a user can leave out before printing; the title block always prints. */
enum ReportSection {
    SPECIFICATION("Specification"),
    SUMMARY("Summary"),
    COEFFICIENTS("Coefficients"),
    FACTORS("Factors"),
    DIAGNOSTICS("Diagnostics"),
    WARNINGS("Warnings"),
    CODE("Generated code");

    private final String title;

    ReportSection(String title) {
        this.title = title;
    }

    String title() {
        return title;
    }

    /** The name a link uses: {@code ?omit=code,warnings}. */
    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ReportSection ofKey(String key) {
        for (ReportSection s : values()) {
            if (s.key().equalsIgnoreCase(key.strip())) {
                return s;
            }
        }
        return null;
    }
}
