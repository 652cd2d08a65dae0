package org.atelier.model;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/**
 * The models' validation figures in memory, one future per model. Not done yet: the figures are being computed
 * after the model's results were stored (a fit shows its results first), so a reader waits for them
 * ({@link ModelService#diagnostics}) instead of taking the model for one without any, and the results view says
 * "Computing diagnostics…" and fills its tabs when they land. Done: the figures as stored or last read, kept for the
 * last few models because a large portfolio's are several hundred kB of JSON (the QQ sample alone is 5,000 points),
 * which took seconds to parse on a loaded machine each time a model's results were opened.
 */
@Component
public class DiagnosticsCache {
    static final int KEPT = 8;

    /** In access order, so the done entries dropped first are the least recently read; pending ones stay. */
    private final Map<String, CompletableFuture<ModelDiagnostics>> byModel = new LinkedHashMap<>(16, 0.75f, true);

    /**
     * From now until they are stored or {@linkplain #abandon abandoned}, the model's diagnostics are on their way.
     *
     * @return false when they already were (someone else computes them)
     */
    public synchronized boolean expect(String modelId) {
        CompletableFuture<ModelDiagnostics> known = byModel.get(modelId);
        if (known != null && !known.isDone()) {
            return false;
        }
        byModel.put(modelId, new CompletableFuture<>());
        return true;
    }

    public synchronized boolean isPending(String modelId) {
        CompletableFuture<ModelDiagnostics> known = byModel.get(modelId);
        return known != null && !known.isDone();
    }

    /** The figures as just stored (committed): whoever waits for them gets them. */
    void stored(String modelId, ModelDiagnostics diagnostics) {
        CompletableFuture<ModelDiagnostics> waiting;
        synchronized (this) {
            waiting = byModel.get(modelId);
            if (waiting == null || waiting.isDone()) {
                byModel.put(modelId, CompletableFuture.completedFuture(diagnostics));
                waiting = null;
            }
            trim();
        }
        if (waiting != null) {
            waiting.complete(diagnostics); // outside the lock: the actions waiting for it run on this thread
        }
    }

    /** Figures read from the database, kept for the next reader unless newer ones are on their way. */
    synchronized void read(String modelId, ModelDiagnostics diagnostics) {
        if (!byModel.containsKey(modelId)) {
            byModel.put(modelId, CompletableFuture.completedFuture(diagnostics));
            trim();
        }
    }

    /** The model's diagnostics will not come (their computation failed, the model was deleted, shutting down). */
    public void abandon(String modelId) {
        CompletableFuture<ModelDiagnostics> waiting;
        synchronized (this) {
            waiting = byModel.get(modelId);
            if (waiting == null || waiting.isDone()) {
                return;
            }
            byModel.remove(modelId);
        }
        waiting.complete(null);
    }

    /** Drops the kept figures of a model (its row changed or went); figures on their way still arrive. */
    synchronized void forget(String modelId) {
        CompletableFuture<ModelDiagnostics> known = byModel.get(modelId);
        if (known != null && known.isDone()) {
            byModel.remove(modelId);
        }
    }

    /**
     * Runs {@code action} once the model's diagnostics are settled (stored or abandoned): on the thread that settles
     * them, or at once when they are not pending.
     *
     * @return call {@code run()} on it to drop the action (e.g. when the view showing the model detaches)
     */
    public Runnable whenSettled(String modelId, Runnable action) {
        AtomicBoolean wanted = new AtomicBoolean(true);
        CompletableFuture<ModelDiagnostics> pending;
        synchronized (this) {
            pending = byModel.get(modelId);
        }
        if (pending == null || pending.isDone()) {
            action.run();
        } else {
            pending.thenRun(() -> {
                if (wanted.get()) {
                    action.run();
                }
            });
        }
        return () -> wanted.set(false);
    }

    /**
     * The figures in memory, after waiting at most {@code max} for figures on their way; null when none are known
     * here (read the stored ones).
     */
    ModelDiagnostics await(String modelId, Duration max) {
        CompletableFuture<ModelDiagnostics> known;
        synchronized (this) {
            known = byModel.get(modelId);
        }
        if (known == null) {
            return null;
        }
        try {
            return known.get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Drops the least recently read done entries beyond {@link #KEPT}. */
    private void trim() {
        long done = byModel.values().stream().filter(CompletableFuture::isDone).count();
        for (Iterator<CompletableFuture<ModelDiagnostics>> it = byModel.values().iterator(); done > KEPT && it.hasNext(); ) {
            if (it.next().isDone()) {
                it.remove();
                done--;
            }
        }
    }
}
