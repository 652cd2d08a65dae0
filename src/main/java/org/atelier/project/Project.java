package org.atelier.project;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A pricing project: a named folder of datasets and the models fitted on them. */
@Table("projects")
public record Project(@Id String id, String name, String description, Instant createdAt, Instant updatedAt) {

    public Project withName(String newName, Instant now) {
        return new Project(id, newName, description, createdAt, now);
    }

    public Project withDescription(String newDescription, Instant now) {
        return new Project(id, name, newDescription, createdAt, now);
    }

    public Project touchedAt(Instant now) {
        return new Project(id, name, description, createdAt, now);
    }
}
