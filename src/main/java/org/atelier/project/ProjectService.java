package org.atelier.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.atelier.config.AtelierProperties;
import org.atelier.user.Access;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, renames, lists and deletes projects, together with their files under ATELIER_HOME. */
@Service
public class ProjectService {
    static final int MAX_NAME_LENGTH = 255;

    private final ProjectRepository projects;
    private final JdbcAggregateTemplate aggregates;
    private final JdbcClient jdbc;
    private final AtelierProperties properties;
    private final Clock clock;
    private final Access access;
    @Autowired(required = false) // a field, so the constructor stays as it is
    private ApplicationEventPublisher publisher;

    public ProjectService(ProjectRepository projects, JdbcAggregateTemplate aggregates, JdbcClient jdbc,
                          AtelierProperties properties, Clock clock, Access access) {
        this.projects = projects;
        this.aggregates = aggregates;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.access = access;
    }

    @Transactional
    public Project create(String name, String description) {
        Instant now = now();
        Project project = new Project(UUID.randomUUID().toString(), validName(name),
                description == null ? "" : description.strip(), now, now);
        Project created = aggregates.insert(project);
        // written once and never changed, so it stays out of the record that renames and touches rewrite
        jdbc.sql("UPDATE projects SET author = ? WHERE id = ?").param(access.author()).param(created.id()).update();
        return created;
    }

    /** Who created the project (null for one made before authors were recorded). */
    @Transactional(readOnly = true)
    public Optional<String> author(String projectId) {
        return jdbc.sql("SELECT author FROM projects WHERE id = ?").param(projectId).query(String.class).optional();
    }

    @Transactional(readOnly = true)
    public List<ProjectSummary> list() {
        return jdbc.sql("""
                        SELECT p.id, p.name, p.description, p.updated_at, p.author,
                               (SELECT COUNT(*) FROM models m WHERE m.project_id = p.id) AS model_count
                        FROM projects p ORDER BY p.updated_at DESC, p.name""")
                .query((rs, row) -> new ProjectSummary(rs.getString("id"), rs.getString("name"),
                        rs.getString("description"), Instant.ofEpochMilli(rs.getLong("updated_at")),
                        rs.getInt("model_count"), rs.getString("author")))
                .list();
    }

    @Transactional(readOnly = true)
    public Project get(String projectId) {
        return projects.findById(projectId).orElseThrow(() -> new ProjectNotFoundException(projectId));
    }

    @Transactional
    public Project rename(String projectId, String newName) {
        return projects.save(get(projectId).withName(validName(newName), now()));
    }

    @Transactional
    public Project describe(String projectId, String description) {
        return projects.save(get(projectId).withDescription(description == null ? "" : description.strip(),
                now()));
    }

    /** Marks the project as just modified, so the selector lists recently used projects first. */
    @Transactional
    public void touch(String projectId) {
        projects.save(get(projectId).touchedAt(now()));
    }

    /**
     * The spec last edited in the project, as the JSON text it was saved as (empty when none was saved). The
     * project keeps it as text: reading it as a spec is the model codec's job.
     */
    @Transactional(readOnly = true)
    public Optional<String> workingSpec(String projectId) {
        return jdbc.sql("SELECT working_spec FROM projects WHERE id = ?").param(projectId)
                .query(String.class).optional();
    }

    /** Replaces the project's working spec; a project deleted meanwhile is left alone. */
    @Transactional
    public void saveWorkingSpec(String projectId, String json) {
        jdbc.sql("UPDATE projects SET working_spec = ? WHERE id = ?").param(json).param(projectId).update();
    }

    /**
     * Deletes the project's rows (datasets and models cascade) and then its folder of files; once committed, its
     * running fits stop and every view of it is told ({@link ProjectDeleted}). Only its author or an administrator
     * may (on loopback, the one user may).
     */
    @Transactional
    public void delete(String projectId) {
        Project project = get(projectId);
        access.requireAuthorOrAdmin(author(projectId).orElse(null), "delete the project " + project.name());
        projects.delete(project);
        deleteRecursively(projectDir(projectId));
        if (publisher != null) {
            publisher.publishEvent(new ProjectDeleted(projectId, project.name()));
        }
    }

    /** Milliseconds: what the database keeps, so a saved project equals the one read back. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public Path projectDir(String projectId) {
        return properties.projectsDir().resolve(projectId);
    }

    static String validName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException("Project name must not be empty");
        }
        if (stripped.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("Project name is " + stripped.length()
                    + " characters long; at most " + MAX_NAME_LENGTH + " are allowed");
        }
        return stripped;
    }

    /** Deletes a folder and everything in it (nothing when it is not there). */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the files of project folder " + dir, e);
        }
    }
}
