package org.atelier.project;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells every view of a project that it was deleted, once the deletion is committed, so a colleague's workbench
 * says "project deleted" at once instead of failing at its next click. Listeners must only hand the news over
 * (UI.access does): they run on the deleting thread.
 */
@Component
public class ProjectEvents {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectEvents.class);

    private final Map<String, List<Consumer<ProjectDeleted>>> byProject = new ConcurrentHashMap<>();

    /** @return call {@code run()} on it to unsubscribe (e.g. when the view detaches) */
    public Runnable subscribeDeleted(String projectId, Consumer<ProjectDeleted> listener) {
        byProject.computeIfAbsent(projectId, k -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> byProject.computeIfPresent(projectId, (k, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    @TransactionalEventListener(fallbackExecution = true)
    void deleted(ProjectDeleted event) {
        List<Consumer<ProjectDeleted>> listeners = byProject.remove(event.projectId());
        if (listeners == null) {
            return;
        }
        for (Consumer<ProjectDeleted> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.debug("A project listener failed: {}", e.toString()); // a closed tab must not stop the others
            }
        }
    }
}
