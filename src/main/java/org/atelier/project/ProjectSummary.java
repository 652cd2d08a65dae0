package org.atelier.project;

import java.time.Instant;

/** One row of the project selector: what a user needs to pick a project. */
public record ProjectSummary(String id, String name, String description, Instant updatedAt, int modelCount) {
}
