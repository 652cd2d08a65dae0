package org.atelier.model;

import java.time.Instant;

/** One line of a project's model history, newest first; {@code author} is null for models older than authors. */
public record ModelHistoryRow(String id, int version, String name, ModelStatus status, String family,
                              String terms, Double deviance, Double aic, Double bic, Long fitDurationMs,
                              Instant createdAt, String author) {

    /** "v3 · my label" or "v3". */
    public String label() {
        return name == null || name.isBlank() ? "v" + version : "v" + version + " · " + name;
    }
}
