package org.atelier.project;

import java.time.Instant;

/**
 * One row of the project selector: what a user needs to pick a project, and its author (null for one made before
 * authors were recorded), so the selector offers Delete only to whom may delete it.
 */
public record ProjectSummary(String id, String name, String description, Instant updatedAt, int modelCount,
                             String author) {
}
