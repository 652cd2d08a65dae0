package org.atelier.fit;

import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.atelier.codegen.CodeGenerator;
import org.atelier.codegen.GeneratedCode;
import org.atelier.config.AtelierProperties;
import org.atelier.config.FitActivity;
import org.atelier.config.SqliteBusy;
import org.atelier.data.DatasetException;
import org.atelier.dataset.DatasetService;
import org.atelier.engine.error.CancelledError;
import org.atelier.engine.error.GlmException;
import org.atelier.engine.fit.Coefficient;
import org.atelier.engine.fit.FitSettings;
import org.atelier.engine.fit.FitStatistics;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.fit.GlmFitter;
import org.atelier.engine.fit.ModelSerializer;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.summary.Summary;
import org.atelier.model.CoefficientRow;
import org.atelier.model.CompletedFit;
import org.atelier.model.IterationPoint;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelMetrics;
import org.atelier.model.ModelService;
import org.atelier.project.ProjectDeleted;
import org.atelier.user.Access;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs fits in the background on a bounded pool (one worker per core unless configured), so the UI never
 * blocks and the spec stays editable. Each fit works on the snapshot of spec and dataset taken when it was
 * started, reports its stages and iterations as {@link FitEvent}s, and can be cancelled within one iteration.
 */
@Service
public class FitService implements ApplicationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(FitService.class);
    static final int MAX_QUEUED = 64;

    private final ModelService models;
    private final DatasetService datasets;
    private final FitEvents events;
    private final CodeGenerator code;
    private final Access access;
    private final DiagnosticsStage diagnostics;
    /** Background work (diagnostics, explorations) gives way to the fits this service runs. */
    private final FitActivity activity;
    private final ThreadPoolExecutor pool;
    /**
     * Writes each fit's stored code while its engine runs: a thread of its own, since on the common pool (one worker
     * on two cores) it took the worker the engine's parallel loops share.
     */
    private final ExecutorService codeWriter = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "atelier-fit-code");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, FitJob> jobs = new ConcurrentHashMap<>();

    public FitService(ModelService models, DatasetService datasets, FitEvents events, CodeGenerator code,
                      AtelierProperties properties, Access access, DiagnosticsStage diagnostics,
                      FitActivity activity) {
        this.models = models;
        this.diagnostics = diagnostics;
        this.activity = activity;
        activity.follow(this::hasActiveFits);
        this.datasets = datasets;
        this.events = events;
        this.code = code;
        this.access = access;
        int workers = properties.fitWorkers() > 0 ? properties.fitWorkers() : Runtime.getRuntime().availableProcessors();
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(MAX_QUEUED),
                task -> {
                    Thread thread = new Thread(task, "atelier-fit-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Fits left pending or running by a crash or a restart will never finish: say so in their records. */
    @Override
    public void run(ApplicationArguments args) {
        int interrupted = models.failInterruptedFits();
        if (interrupted > 0) {
            LOG.info("Marked {} fit(s) interrupted by the restart as failed", interrupted);
        }
    }

    /** Records version n+1 of the project's models and queues its fit; returns at once. */
    public ModelDetail start(String projectId, String datasetId, ModelSpec spec) {
        StepTimes times = new StepTimes();
        ModelDetail model = SqliteBusy.retrying("Recording a new model", () -> models.create(projectId, datasetId, spec));
        times.step("create");
        FitJob job = new FitJob(model.id(), projectId, spec.fitOptions().maxIter(), events::publish);
        jobs.put(model.id(), job);
        activity.touch();
        events.publish(job.latest()); // "queued", before a free worker can move the job on
        times.step("publish queued");
        try {
            pool.execute(() -> runGuarded(job, datasetId, spec, times));
        } catch (RejectedExecutionException e) {
            jobs.remove(model.id());
            String message = "Too many fits are queued (" + MAX_QUEUED + "); wait for some to finish";
            failed(job, "QueueFull", message, null);
            return models.get(model.id());
        }
        return model; // as created: pending, which is all a caller learns before the worker moves it on
    }

    /**
     * Asks a queued or running fit to stop; a running one stops at its next iteration. Only the fit's author or an
     * administrator may.
     */
    public void cancel(String modelId) {
        String author;
        try {
            author = models.author(modelId);
        } catch (IllegalArgumentException deleted) {
            return; // the model went with its project: nothing left to cancel
        }
        access.requireAuthorOrAdmin(author, "cancel this fit");
        FitJob job = jobs.get(modelId);
        if (job != null) {
            job.cancel();
        }
    }

    public boolean isActive(String modelId) {
        return jobs.containsKey(modelId);
    }

    /** True while any fit is queued or running: the engine warm-up gives way to it. */
    boolean hasActiveFits() {
        return !jobs.isEmpty();
    }

    /** The last progress of an active fit, so a view opened mid-fit shows where it stands. */
    public Optional<FitEvent.Progress> progress(String modelId) {
        return Optional.ofNullable(jobs.get(modelId)).map(FitJob::latest);
    }

    /** Once a project is deleted its fits stop: their records went with it, and nobody waits for their results. */
    @TransactionalEventListener(fallbackExecution = true)
    void projectDeleted(ProjectDeleted deleted) {
        jobs.values().stream().filter(job -> job.projectId.equals(deleted.projectId())).forEach(FitJob::cancel);
    }

    /**
     * The worker's last resort: whatever escapes a fit (an Error, a failure while writing its failure) is logged and
     * the model is still marked failed, so no model stays pending or fitting and the worker thread lives on.
     */
    private void runGuarded(FitJob job, String datasetId, ModelSpec spec, StepTimes times) {
        try {
            run(job, datasetId, spec, times);
        } catch (Throwable e) {
            LOG.error("Fit {} ended with an unexpected error", job.modelId, e);
            try {
                failed(job, "InternalError", "The fit stopped on an unexpected error ("
                        + e.getClass().getSimpleName() + "); the details are in the server log", null);
            } catch (Throwable again) {
                LOG.error("Fit {}: could not record its failure either", job.modelId, again);
            }
        } finally {
            jobs.remove(job.modelId);
            activity.touch();
            Thread.interrupted();
        }
    }

    private void run(FitJob job, String datasetId, ModelSpec spec, StepTimes times) {
        job.running(Thread.currentThread());
        times.step("queue");
        CompletableFuture<Void> resultsOut = new CompletableFuture<>();
        try {
            if (job.isCancelled()) {
                throw new CancelledError("Fit cancelled before it started");
            }
            SqliteBusy.retrying("Marking " + job.modelId + " fitting", () -> models.markFitting(job.modelId));
            times.step("mark fitting");
            // the stored code does not depend on the fit: it is written on another core while the engine runs
            CompletableFuture<GeneratedCode> generated = CompletableFuture.supplyAsync(
                    () -> code.generate(spec, datasets.fileName(datasetId)), codeWriter); // the user's file name
            job.enter(FitStage.LOADING_DATA);
            Frame frame = datasets.frame(datasetId);
            times.step("load data");
            job.enter(FitStage.BUILDING_DESIGN);
            FittedModel fitted = GlmFitter.fit(spec, frame, new FitSettings(null, job));
            times.step("engine");
            job.enter(FitStage.SAVING); // the results as stored: relativities, summary, the model's bytes
            CompletedFit completed = results(fitted, frame, job, joined(generated), times);
            diagnostics.expect(job.modelId); // before the model reads as completed: no reader takes it for one without
            diagnostics.start(job.modelId, fitted, frame, resultsOut); // once the results are out, not beside them
            SqliteBusy.retrying("Saving the results of " + job.modelId, () -> models.complete(job.modelId, completed));
            times.step("save");
            jobs.remove(job.modelId); // over before anyone hears so: isActive says false to a listener that asks
            activity.touch(); // background work waits a moment more: the results are being drawn
            events.publish(new FitEvent.Completed(job.modelId, job.projectId, completed.metrics()));
            resultsOut.complete(null);
            times.step("publish completed");
            LOG.debug("Fit round trip of {} on the server: {}", job.modelId, times);
        } catch (CancelledError e) {
            cancelled(job);
        } catch (GlmException e) {
            failed(job, e.type(), e.getMessage(), e.suggestion().orElse(null));
        } catch (DatasetException e) {
            failed(job, "DatasetError", e.getMessage(), null);
        } catch (OutOfMemoryError e) {
            failed(job, "MemoryError", "Dataset too large for available memory",
                    "Consider sampling, or start Atelier with a larger heap (-Xmx)");
        } catch (RuntimeException e) {
            if (job.isCancelled()) {
                cancelled(job); // e.g. an interrupted parallel step of the engine, which the user asked for
                return;
            }
            LOG.error("Fit {} failed unexpectedly", job.modelId, e);
            failed(job, "ResultExtractionError", e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        } finally {
            resultsOut.cancel(false); // nothing once they are out; else their diagnostics are not wanted
            jobs.remove(job.modelId);
            Thread.interrupted(); // a cancel that arrived at the very end must not leak into the next job
        }
    }

    private static GeneratedCode joined(CompletableFuture<GeneratedCode> generated) {
        try {
            return generated.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void cancelled(FitJob job) {
        Thread.interrupted(); // Cancel interrupted this thread: the record must still be written
        if (recordEnd(job, () -> models.cancel(job.modelId))) {
            jobs.remove(job.modelId);
            events.publish(new FitEvent.Cancelled(job.modelId, job.projectId));
        }
    }

    private void failed(FitJob job, String type, String message, String suggestion) {
        if (recordEnd(job, () -> models.fail(job.modelId, type, message, suggestion))) {
            jobs.remove(job.modelId);
            events.publish(new FitEvent.Failed(job.modelId, job.projectId, type, message, suggestion));
        }
    }

    /**
     * Writes how the fit ended, retrying while the database is busy. A model deleted meanwhile (with its project)
     * has no record to write: its views still hear that the fit is over, as cancelled.
     *
     * @return whether the record was written
     */
    private boolean recordEnd(FitJob job, Runnable write) {
        if (!models.exists(job.modelId)) {
            LOG.info("Fit {} stopped: its model was deleted (with its project) while it ran", job.modelId);
            jobs.remove(job.modelId);
            events.publish(new FitEvent.Cancelled(job.modelId, job.projectId));
            return false;
        }
        SqliteBusy.retrying("Recording the end of " + job.modelId, write);
        return true;
    }

    private static CompletedFit results(FittedModel fitted, Frame frame, FitJob job, GeneratedCode generated,
                                        StepTimes times) {
        times.step("code");
        FitStatistics s = fitted.statistics();
        ModelMetrics metrics = new ModelMetrics(s.deviance(), s.nullDeviance(), finite(s.aic()), finite(s.bic()),
                s.iterations(), s.converged(), s.nObs(), s.dfModel(), s.dfResid(), s.dispersion(), finite(s.theta()),
                s.fitDurationMs());
        List<CoefficientRow> coefficients = fitted.coefficientTable().stream().map(FitService::row).toList();
        List<IterationPoint> trace = fitted.trace().stream()
                .map(t -> new IterationPoint(t.iteration(), t.deviance(), t.stepHalvings())).toList();
        times.step("coefficients");
        var relativities = RelativityTables.of(fitted, frame);
        times.step("relativities");
        String summary = Summary.render(fitted);
        times.step("summary");
        byte[] bytes = ModelSerializer.write(fitted);
        times.step("serialize");
        return new CompletedFit(metrics, summary, coefficients, relativities, trace, bytes, generated.java(),
                generated.python(), job.stageTimings(), fitted.warnings());
    }

    static CoefficientRow row(Coefficient c) {
        return new CoefficientRow(c.feature(), c.factorName(), c.estimate(), c.stdError(), c.statistic(), c.pValue(),
                c.ciLower(), c.ciUpper(), c.significance());
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
        codeWriter.shutdownNow();
    }
}
