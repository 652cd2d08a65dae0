package org.atelier.fit;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.atelier.engine.fit.FitMonitor;
import org.atelier.engine.fit.IterationTrace;

/**
 * One queued or running fit: its cancellation flag, the stage it is in (the service's own stages and the ones the
 * engine reports, each timed on its own), and the throttle that keeps progress to at most ten updates a second per
 * model however fast the iterations or α steps come; a stage change is always sent.
 */
final class FitJob implements FitMonitor {
    static final Duration MIN_TIME_BETWEEN_UPDATES = Duration.ofMillis(100);

    final String modelId;
    final String projectId;
    final int maxIterations;
    private final Consumer<FitEvent> publish;
    private final InstantSource clock;
    private final Map<String, Long> stageMillis = new LinkedHashMap<>();
    private final List<IterationTrace> iterations = new ArrayList<>();
    private volatile boolean cancelled;
    private volatile FitEvent.Progress latest;
    private volatile Thread runner;
    private FitStage stage;
    private Instant stageStarted;
    private Instant lastPublished = Instant.MIN;
    /** The engine's iteration limit for the current iterations (the spec's max_iter until it says otherwise). */
    private int iterationLimit;
    /** Whether the current stage has sent its first iteration or α step (that one always goes out). */
    private boolean detailSent;

    FitJob(String modelId, String projectId, int maxIterations, Consumer<FitEvent> publish) {
        this(modelId, projectId, maxIterations, publish, InstantSource.system());
    }

    /** With the time source the throttle and the stage timings read (a test's fixed clock). */
    FitJob(String modelId, String projectId, int maxIterations, Consumer<FitEvent> publish, InstantSource clock) {
        this.modelId = modelId;
        this.clock = clock;
        this.projectId = projectId;
        this.maxIterations = maxIterations;
        this.publish = publish;
        this.iterationLimit = maxIterations;
        this.latest = new FitEvent.Progress(modelId, projectId, FitStage.QUEUED, 0, maxIterations, Double.NaN,
                Double.NaN);
    }

    void enter(FitStage next) {
        closeStage();
        stage = next;
        stageStarted = clock.instant();
        detailSent = false;
        emit(new FitEvent.Progress(modelId, projectId, next, 0, iterationLimit, Double.NaN, Double.NaN), true);
    }

    @Override
    public void onStage(Stage engineStage, int limit) {
        FitStage next = FitStage.of(engineStage);
        if (limit > 0 && (next == FitStage.ITERATING || next == FitStage.LAMBDA_SEARCH)) {
            iterationLimit = limit;
        }
        if (next == stage) {
            return;
        }
        closeStage();
        stage = next;
        stageStarted = clock.instant();
        detailSent = false;
        // a smooth searches λ at the start of each iteration: the one after the last reported
        int iteration = next == FitStage.LAMBDA_SEARCH ? iterations.size() + 1 : 0;
        emit(new FitEvent.Progress(modelId, projectId, next, iteration, iterationLimit, Double.NaN, Double.NaN), true);
    }

    @Override
    public void onIteration(IterationTrace trace) {
        iterations.add(trace);
        if (stage != FitStage.ITERATING) {
            closeStage();
            stage = FitStage.ITERATING;
            stageStarted = clock.instant();
            detailSent = false;
        }
        boolean firstIteration = !detailSent;
        detailSent = true;
        double change = iterations.size() < 2 ? Double.NaN
                : trace.deviance() - iterations.get(iterations.size() - 2).deviance();
        emit(new FitEvent.Progress(modelId, projectId, FitStage.ITERATING, trace.iteration(), iterationLimit,
                trace.deviance(), change), firstIteration);
    }

    @Override
    public void onPathStep(int alpha, int alphas, int fold, int folds) {
        if (stage != FitStage.CV_PATH) {
            closeStage();
            stage = FitStage.CV_PATH;
            stageStarted = clock.instant();
            detailSent = false;
        }
        boolean entered = !detailSent;
        detailSent = true;
        emit(new FitEvent.Progress(modelId, projectId, FitStage.CV_PATH, 0, iterationLimit, Double.NaN, Double.NaN,
                alpha, alphas, fold, folds), entered);
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
        stageStarted = clock.instant();
        return Map.copyOf(stageMillis);
    }

    private void closeStage() {
        if (stage != null) {
            stageMillis.merge(stage.name().toLowerCase(Locale.ROOT),
                    Duration.between(stageStarted, clock.instant()).toMillis(), Long::sum);
        }
    }

    private void emit(FitEvent.Progress progress, boolean always) {
        latest = progress;
        Instant now = clock.instant();
        if (always || lastPublished == Instant.MIN
                || Duration.between(lastPublished, now).compareTo(MIN_TIME_BETWEEN_UPDATES) >= 0) {
            lastPublished = now;
            publish.accept(progress);
        }
    }
}
