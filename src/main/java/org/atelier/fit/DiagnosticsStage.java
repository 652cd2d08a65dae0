package org.atelier.fit;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RejectedExecutionException;
import org.atelier.config.FitActivity;
import org.atelier.config.Json;
import org.atelier.dataset.DatasetService;
import org.atelier.engine.diagnostics.Diagnostics;
import org.atelier.engine.diagnostics.DiagnosticsOptions;
import org.atelier.engine.diagnostics.DiagnosticsProgress;
import org.atelier.engine.diagnostics.DiagnosticsReport;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.fit.ModelSerializer;
import org.atelier.engine.frame.Frame;
import org.atelier.model.DiagnosticsCache;
import org.atelier.model.ModelDiagnostics;
import org.atelier.model.ModelService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The fit's diagnostics stage: the engine's validation figures on the training rows and the hold-out (lift for 10,
 * 5 and 20 buckets, Gini, A/E by every column, residuals), stored with the model so that reopening it never
 * recomputes them. Drop-one tests are not part of it: they refit the model once per term and run on request
 * ({@link ModelValidationService}).
 *
 * <p>Nothing in the results' first tab needs them, so they wait for the results: they start once the results are
 * on their way to the browsers and no fit has been queued or running for a moment (the browser draws the results on
 * the same cores, on a laptop or here; running beside the next fit they held its engine back). They
 * run on a one-thread pool of their own, so their parallel loops never take the common pool the engine's use. The model is
 * {@linkplain DiagnosticsCache#expect pending} from before its results are stored until the figures are, so no
 * reader takes it for a model without diagnostics. A cancel of the fit does not reach them (its end is the model's).
 */
@Component
public class DiagnosticsStage {
    private static final Logger LOG = LoggerFactory.getLogger(DiagnosticsStage.class);

    private final ModelService models;
    private final DiagnosticsCache cache;
    private final DatasetService datasets;
    private final FitActivity fits;
    /** Takes the models in the order their fits completed, waits for their turn, stores their figures. */
    private final ExecutorService queue = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "atelier-diagnostics");
        thread.setDaemon(true);
        return thread;
    });
    /** Computes them: one thread, which the engine's parallel loops inside them then share. */
    private final ForkJoinPool kernels = new ForkJoinPool(1, pool -> {
        ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        thread.setName("atelier-diagnostics-kernels");
        thread.setDaemon(true);
        return thread;
    }, null, false);

    /** {@code fits}: what the stage gives way to (they start once no fit has run for a moment). */
    DiagnosticsStage(ModelService models, DiagnosticsCache cache, DatasetService datasets, FitActivity fits) {
        this.models = models;
        this.cache = cache;
        this.datasets = datasets;
        this.fits = fits;
    }

    /** From now on the model's diagnostics are on their way: called before its results are stored. */
    void expect(String modelId) {
        cache.expect(modelId);
    }

    /**
     * Computes the diagnostics of a fit on {@code frame}, the dataset it was fitted from, once {@code resultsOut}
     * is done (the results stored and published; cancelled when they will not be), and stores them.
     */
    void start(String modelId, FittedModel fitted, Frame frame, CompletableFuture<Void> resultsOut) {
        submit(modelId, () -> {
            resultsOut.join();
            return new Inputs(fitted, frame);
        });
    }

    /**
     * A completed model stored without diagnostics (the server stopped between storing its results and its
     * diagnostics, or it was fitted before Atelier computed them): computes them now from the stored model and its
     * dataset, in the background. Nothing happens when the model has them or they are already on their way.
     *
     * @return whether they are now being computed (the caller waits with {@link ModelService#whenDiagnosticsSettled})
     */
    public boolean computeIfMissing(String modelId) {
        if (!models.lacksDiagnostics(modelId) || !cache.expect(modelId)) {
            return false;
        }
        LOG.info("Model {} has no diagnostics stored: computing them", modelId);
        submit(modelId, () -> new Inputs(ModelSerializer.read(models.modelBytes(modelId)),
                datasets.frame(models.get(modelId).datasetId())));
        return true;
    }

    private record Inputs(FittedModel fitted, Frame frame) {
    }

    @FunctionalInterface
    private interface InputSource {
        Inputs get() throws Exception;
    }

    /** Whether the model is gone (its project deleted); false when that cannot be read either (shutting down). */
    private boolean deleted(String modelId) {
        try {
            return !models.exists(modelId);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void submit(String modelId, InputSource inputs) {
        cache.expect(modelId);
        try {
            queue.execute(() -> {
                try {
                    Inputs in = inputs.get();
                    fits.giveWay(); // started just as the next fit's results were drawn, they slowed them
                    ModelDiagnostics figures = kernels.submit(
                            () -> compute(in.fitted(), in.frame(), DiagnosticsProgress.NONE)).get();
                    models.storeDiagnostics(modelId, figures);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // shutting down
                } catch (CancellationException e) {
                    LOG.debug("Diagnostics of model {} not computed: its results were not stored", modelId);
                } catch (ExecutionException e) {
                    LOG.warn("Diagnostics of model {} not computed: {}", modelId, e.getCause().toString());
                } catch (Exception | OutOfMemoryError e) {
                    if (deleted(modelId)) {
                        // deleted with its project while they waited: nobody will read them
                        LOG.debug("Diagnostics of model {} not stored: the model was deleted", modelId);
                        return;
                    }
                    // e.g. its results never stored: its tabs say no figures are stored
                    LOG.warn("Diagnostics of model {} not stored: {}", modelId, e.toString());
                } finally {
                    cache.abandon(modelId); // nothing when they were stored
                }
            });
        } catch (RejectedExecutionException e) {
            cache.abandon(modelId); // shutting down
        }
    }

    /** The model's diagnostics as stored. */
    public static ModelDiagnostics compute(FittedModel fitted, Frame frame, DiagnosticsProgress progress) {
        DiagnosticsReport report = Diagnostics.report(fitted, frame, DiagnosticsOptions.DEFAULT, progress);
        return Json.MAPPER.convertValue(report, ModelDiagnostics.class);
    }

    @PreDestroy
    void stop() {
        queue.shutdownNow();
        kernels.shutdownNow();
    }
}
