package org.atelier.fit;

import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who listens to which fit: browsers subscribe to a model (its progress) or to a project (its history).
 * Listeners run on one delivery thread of their own, in the order the events were published, never on the fitting
 * thread: Cancel interrupts that thread, and a push written to a browser from an interrupted thread is lost
 * (the view then kept showing "Fitting" until its next request). Listeners must only hand the event over
 * (UI.access does), so one slow browser cannot hold up the others.
 */
@Component
public class FitEvents {
    private static final Logger LOG = LoggerFactory.getLogger(FitEvents.class);

    private final ExecutorService delivery = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "atelier-fit-delivery");
        thread.setDaemon(true);
        return thread;
    });

    private final Map<String, List<Consumer<FitEvent>>> byModel = new ConcurrentHashMap<>();
    private final Map<String, List<Consumer<FitEvent>>> byProject = new ConcurrentHashMap<>();

    /** @return call {@code run()} on it to unsubscribe (e.g. when the view detaches) */
    public Runnable subscribeModel(String modelId, Consumer<FitEvent> listener) {
        return add(byModel, modelId, listener);
    }

    public Runnable subscribeProject(String projectId, Consumer<FitEvent> listener) {
        return add(byProject, projectId, listener);
    }

    void publish(FitEvent event) {
        try {
            delivery.execute(() -> {
                deliver(byModel.get(event.modelId()), event);
                deliver(byProject.get(event.projectId()), event);
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("Fit event {} not delivered: the application is shutting down", event);
        }
    }

    @PreDestroy
    void stop() {
        delivery.shutdownNow();
    }

    private static Runnable add(Map<String, List<Consumer<FitEvent>>> map, String key, Consumer<FitEvent> listener) {
        map.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> map.computeIfPresent(key, (k, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    private static void deliver(List<Consumer<FitEvent>> listeners, FitEvent event) {
        if (listeners == null) {
            return;
        }
        for (Consumer<FitEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                // one closed browser tab must not stop the fit or the other listeners
                LOG.debug("A fit listener failed: {}", e.toString());
            }
        }
    }
}
