package org.atelier.project;

/** Published (as a Spring application event) once a project's deletion is committed. */
public record ProjectDeleted(String projectId, String name) {
}
