package org.atelier.engine.explore;

/** One entry of the data-quality report: the column it is about, a stable code and a one-line message. */
public record ReportEntry(String column, String code, String message) {
}
