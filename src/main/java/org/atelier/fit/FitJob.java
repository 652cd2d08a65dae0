package org.atelier.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.atelier.engine.fit.FitMonitor;
import org.atelier.engine.fit.IterationTrace;

/**
 * One queued or running fit: its cancellation flag, the stage it is in, and the throttle that keeps
 * progress to at most ten updates a second per model however fast the iterations come.
 */
final class FitJob implements FitMonitor {
    static final long MIN_NANOS_BETWEEN_UPDATES = 100_000_000L;

    final String modelId;
    final String projectId;
    final int maxIterations;
    private final Consumer<FitEvent> publish;
    private final Map<String, Long> stageMillis = new LinkedHashMap<>();
    private final List<IterationTrace> iterations = new ArrayList<>();
    private volatile boolean cancelled;
    private volatile FitEvent.Progress latest;
    private volatile Thread runner;
    private FitStage stage;
    private long stageStarted;
    private long lastPublished;

    FitJob(String modelId, String projectId, int maxIterations, Consumer<FitEvent> publish) {
        this.modelId = modelId;
        this.projectId = projectId;
        this.maxIterations = maxIterations;
        this.publish = publish;
        this.latest = new FitEvent.Progress(modelId, projectId, FitStage.QUEUED, 0, maxIterations, Double.NaN,
                Double.NaN);
    }

    void enter(FitStage next) {
        closeStage();
        stage = next;
        stageStarted = System.nanoTime();
        emit(new FitEvent.Progress(modelId, projectId, next, 0, maxIterations, Double.NaN, Double.NaN), true);
    }

    /** Progress within the current stage (not an iteration): step {@code done} of {@code total}. */
    void stageStep(int done, int total) {
        emit(new FitEvent.Progress(modelId, projectId, stage, done, total, Double.NaN, Double.NaN), true); // a few a fit
    }

    @Override
    public void onIteration(IterationTrace trace) {
        iterations.add(trace);
        boolean firstIteration = stage != FitStage.ITERATING;
        if (firstIteration) {
            closeStage();
            stage = FitStage.ITERATING;
            stageStarted = System.nanoTime();
        }
        double change = iterations.size() < 2 ? Double.NaN
                : trace.deviance() - iterations.get(iterations.size() - 2).deviance();
        emit(new FitEvent.Progress(modelId, projectId, FitStage.ITERATING, trace.iteration(), maxIterations,
                trace.deviance(), change), firstIteration);
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    void cancel() {
        cancelled = true;
        Thread thread = runner;
        if (thread != null) {
            thread.interrupt(); // the engine also stops on interruption, e.g. while building the design
        }
    }

    void running(Thread thread) {
        runner = thread;
    }

    FitEvent.Progress latest() {
        return latest;
    }

    /** Milliseconds spent per stage so far, the current one included. */
    Map<String, Long> stageTimings() {
        closeStage();
        stageStarted = System.nanoTime();
        return Map.copyOf(stageMillis);
    }

    private void closeStage() {
        if (stage != null) {
            stageMillis.merge(stage.name().toLowerCase(Locale.ROOT), (System.nanoTime() - stageStarted) / 1_000_000,
                    Long::sum);
        }
    }

    private void emit(FitEvent.Progress progress, boolean always) {
        latest = progress;
        long now = System.nanoTime();
        if (always || now - lastPublished >= MIN_NANOS_BETWEEN_UPDATES) {
            lastPublished = now;
            publish.accept(progress);
        }
    }
}
