package org.atelier.fit;

import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.atelier.config.Json;
import org.atelier.dataset.DatasetService;
import org.atelier.engine.diagnostics.Diagnostics;
import org.atelier.engine.diagnostics.DropOneMonitor;
import org.atelier.engine.error.CancelledError;
import org.atelier.engine.error.GlmException;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.fit.HoldOut;
import org.atelier.engine.fit.ModelSerializer;
import org.atelier.engine.frame.Frame;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelDiagnostics;
import org.atelier.model.ModelService;
import org.atelier.model.ModelStatus;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;

/**
 * Validation figures computed on request for completed models: the double lift of one model against another
 * (on the spot: two predictions and a sort) and drop-one tests (one refit per term, so in the background, with
 * progress, cancellable, and stored with the model once done).
 */
@Service
public class ModelValidationService {
    private static final TypeReference<List<ModelDiagnostics.DoubleLiftBucket>> DOUBLE_LIFT = new TypeReference<>() { };
    private static final TypeReference<List<ModelDiagnostics.DropOneTest>> DROP_ONE = new TypeReference<>() { };

    /** What a drop-one run tells its caller, on the run's thread. */
    public interface DropOneListener {
        /** Refitting without term {@code done} + 1 of {@code total} ({@code term} null once all are done). */
        void progress(int done, int total, String term);

        void finished(List<ModelDiagnostics.DropOneTest> tests);

        void failed(String message);

        void cancelled();
    }

    private final ModelService models;
    private final DatasetService datasets;
    private final ExecutorService pool = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "atelier-drop-one");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Run> running = new ConcurrentHashMap<>();

    public ModelValidationService(ModelService models, DatasetService datasets) {
        this.models = models;
        this.datasets = datasets;
    }

    /**
     * The double lift of model B against model A, two completed models of the same dataset, on the dataset's rows
     * (with {@code holdOut}, on A's hold-out rows when A has a validation).
     */
    public List<ModelDiagnostics.DoubleLiftBucket> doubleLift(String modelA, String modelB, int buckets, boolean holdOut) {
        ModelDetail a = completed(modelA);
        ModelDetail b = completed(modelB);
        if (!a.datasetId().equals(b.datasetId())) {
            throw new IllegalArgumentException("A double lift compares two models of the same dataset: " + a.label()
                    + " and " + b.label() + " were fitted on different ones");
        }
        FittedModel fittedA = ModelSerializer.read(models.modelBytes(modelA));
        FittedModel fittedB = ModelSerializer.read(models.modelBytes(modelB));
        Frame frame = datasets.frame(a.datasetId());
        if (holdOut && fittedA.spec().validation() != null) {
            frame = HoldOut.split(fittedA.spec(), frame).test();
        }
        return Json.MAPPER.convertValue(Diagnostics.doubleLift(fittedA, fittedB, frame, buckets), DOUBLE_LIFT);
    }

    /** Starts the drop-one tests of a completed model; a run already going for it is left to finish. */
    public void startDropOne(String modelId, DropOneListener listener) {
        ModelDetail model = completed(modelId);
        Run run = new Run();
        if (running.putIfAbsent(modelId, run) != null) {
            return;
        }
        pool.execute(() -> {
            run.thread = Thread.currentThread();
            Runnable outcome;
            try {
                FittedModel fitted = ModelSerializer.read(models.modelBytes(modelId));
                Frame frame = datasets.frame(model.datasetId());
                List<ModelDiagnostics.DropOneTest> tests = Json.MAPPER.convertValue(
                        Diagnostics.dropOne(fitted, frame, run.monitor(listener)), DROP_ONE);
                ModelDiagnostics stored = models.diagnostics(modelId)
                        .orElse(new ModelDiagnostics(null, null, null));
                models.storeDiagnostics(modelId, stored.withDropOne(tests));
                outcome = () -> listener.finished(tests);
            } catch (CancelledError e) {
                outcome = listener::cancelled;
            } catch (GlmException e) {
                outcome = () -> listener.failed(e.oneLine());
            } catch (RuntimeException e) {
                outcome = () -> listener.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
            } finally {
                // the run is over before anyone hears of it: a listener that asks isDropOneRunning gets false
                running.remove(modelId);
                Thread.interrupted();
            }
            outcome.run();
        });
    }

    /** Stops a model's drop-one run at its next IRLS iteration. */
    public void cancelDropOne(String modelId) {
        Run run = running.get(modelId);
        if (run != null) {
            run.cancelled = true;
            Thread thread = run.thread;
            if (thread != null) {
                thread.interrupt();
            }
        }
    }

    public boolean isDropOneRunning(String modelId) {
        return running.containsKey(modelId);
    }

    private ModelDetail completed(String modelId) {
        ModelDetail model = models.get(modelId);
        if (model.status() != ModelStatus.COMPLETED) {
            throw new IllegalArgumentException("Model " + model.label() + " has no fit (" + model.status() + ")");
        }
        return model;
    }

    private static final class Run {
        volatile boolean cancelled;
        volatile Thread thread;

        DropOneMonitor monitor(DropOneListener listener) {
            return new DropOneMonitor() {
                @Override
                public boolean isCancelled() {
                    return cancelled;
                }

                @Override
                public void onTerm(int index, int total, String term) {
                    listener.progress(index, total, term);
                }
            };
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
