package org.atelier.project;

/** A project id that is not (or no longer) in the database, e.g. deleted by a colleague meanwhile. */
public class ProjectNotFoundException extends RuntimeException {
    public ProjectNotFoundException(String projectId) {
        super("Project " + projectId + " no longer exists");
    }
}
