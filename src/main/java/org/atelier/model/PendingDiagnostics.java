package org.atelier.model;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/**
 * Models whose validation figures are still being computed after their results were stored. A fit publishes its
 * results first and computes the diagnostics beside them (they took about a third of the click-to-results time),
 * so for a moment a completed model has no diagnostics yet: a reader of the stored figures waits for them
 * ({@link ModelService#diagnostics}) and never takes such a model for one stored without any, while the results
 * view asks first, says "Computing diagnostics…" and fills its tabs when they land.
 */
@Component
public class PendingDiagnostics {
    private final Map<String, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();

    /** From now until {@link #settle}, the model's diagnostics are on their way. */
    public void expect(String modelId) {
        pending.putIfAbsent(modelId, new CompletableFuture<>());
    }

    /** The model's diagnostics are stored, or will never be (their computation failed, the model was deleted). */
    public void settle(String modelId) {
        CompletableFuture<Void> settled = pending.remove(modelId);
        if (settled != null) {
            settled.complete(null);
        }
    }

    public boolean isPending(String modelId) {
        return pending.containsKey(modelId);
    }

    /**
     * Runs {@code action} once the model's diagnostics are settled: on the thread that settles them, or at once
     * when they already are.
     *
     * @return call {@code run()} on it to drop the action (e.g. when the view showing the model detaches)
     */
    public Runnable whenSettled(String modelId, Runnable action) {
        AtomicBoolean wanted = new AtomicBoolean(true);
        CompletableFuture<Void> settled = pending.get(modelId);
        if (settled == null) {
            action.run();
        } else {
            settled.thenRun(() -> {
                if (wanted.get()) {
                    action.run();
                }
            });
        }
        return () -> wanted.set(false);
    }

    /** Waits at most {@code max} for the model's diagnostics to settle; false when they still have not. */
    boolean await(String modelId, Duration max) {
        CompletableFuture<Void> settled = pending.get(modelId);
        if (settled == null) {
            return true;
        }
        try {
            settled.get(max.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true; // never completed exceptionally: settle completes it normally
        }
    }
}
