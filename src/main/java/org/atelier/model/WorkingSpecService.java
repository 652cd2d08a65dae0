package org.atelier.model;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.project.ProjectService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The spec a user is editing in each project (the working spec), stored with the project so that unsaved
 * edits survive leaving the workbench, another browser and a restart. Edits arrive at typing speed, so
 * {@link #saveSoon} keeps only the latest spec per project and writes it once the edits pause, on a
 * background thread; {@link #restore} first writes what is still waiting, so it always reads the latest edit.
 */
@Service
public class WorkingSpecService {
    private static final Logger LOG = LoggerFactory.getLogger(WorkingSpecService.class);
    static final Duration QUIET = Duration.ofMillis(400);

    private final ProjectService projects;
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("working-spec-writer").daemon().factory());
    private final Object writing = new Object();
    private final Map<String, ModelSpec> pending = new HashMap<>();
    private final Map<String, ScheduledFuture<?>> scheduled = new HashMap<>();

    public WorkingSpecService(ProjectService projects) {
        this.projects = projects;
    }

    /** What opening a project finds: its working spec, none yet, or one this version cannot read. */
    public record Restored(Optional<ModelSpec> spec, String problem) {
        static Restored none() {
            return new Restored(Optional.empty(), null);
        }
    }

    /** Writes the spec now (e.g. the sample project's ready model), replacing any edit still waiting. */
    public void save(String projectId, ModelSpec spec) {
        synchronized (writing) {
            takePending(projectId);
            projects.saveWorkingSpec(projectId, ModelSpecJson.write(spec));
        }
    }

    /** Keeps the spec as the project's working spec once the edits pause. */
    public synchronized void saveSoon(String projectId, ModelSpec spec) {
        pending.put(projectId, spec);
        ScheduledFuture<?> previous = scheduled.put(projectId,
                writer.schedule(() -> flushQuietly(projectId), QUIET.toMillis(), TimeUnit.MILLISECONDS));
        if (previous != null) {
            previous.cancel(false);
        }
    }

    /**
     * The project's working spec. Stored JSON this version cannot read (written by another version, or edited
     * by hand) does not stop the project from opening: it comes back as a problem to tell the user about.
     */
    public Restored restore(String projectId) {
        flush(projectId);
        Optional<String> json = projects.workingSpec(projectId);
        if (json.isEmpty() || json.get().isBlank()) {
            return Restored.none();
        }
        try {
            return new Restored(Optional.of(ModelSpecJson.readDraft(json.get())), null);
        } catch (RuntimeException e) {
            return new Restored(Optional.empty(), "The spec saved for this project could not be read ("
                    + e.getMessage() + "), so it starts empty. A model in History still holds its own spec.");
        }
    }

    /**
     * Writes the waiting edit of one project, if any. A reader waits for a write under way; an editor never
     * does (it only touches the pending map), so a slow write cannot stall the UI.
     */
    void flush(String projectId) {
        synchronized (writing) {
            ModelSpec spec = takePending(projectId);
            if (spec != null) {
                projects.saveWorkingSpec(projectId, ModelSpecJson.write(spec));
            }
        }
    }

    private void flushQuietly(String projectId) {
        try {
            flush(projectId);
        } catch (RuntimeException e) {
            LOG.warn("Could not save the working spec of project {}: {}", projectId, e.getMessage());
        }
    }

    private synchronized ModelSpec takePending(String projectId) {
        ScheduledFuture<?> task = scheduled.remove(projectId);
        if (task != null) {
            task.cancel(false);
        }
        return pending.remove(projectId);
    }

    /** On shutdown no edit is lost: what still waits is written before the database closes. */
    @PreDestroy
    void flushAll() {
        writer.shutdownNow();
        String[] waiting;
        synchronized (this) {
            waiting = pending.keySet().toArray(String[]::new);
        }
        for (String projectId : waiting) {
            flushQuietly(projectId);
        }
    }
}
