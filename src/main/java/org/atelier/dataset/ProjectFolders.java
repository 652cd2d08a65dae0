package org.atelier.dataset;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.atelier.project.ProjectService;

/** Removing a project folder that holds no recorded project (a creation rolled back or cut short by a kill). */
final class ProjectFolders {
    private ProjectFolders() {
    }

    static void deleteQuietly(Path dir) {
        try {
            ProjectService.deleteRecursively(dir);
        } catch (UncheckedIOException e) {
            // left for the next start's clean-up
        }
    }
}
