package org.atelier.scoring;

import jakarta.annotation.PreDestroy;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.atelier.config.AtelierProperties;
import org.atelier.config.Json;
import org.atelier.data.DatasetException;
import org.atelier.data.DatasetReader;
import org.atelier.dataset.DatasetInfo;
import org.atelier.dataset.DatasetService;
import org.atelier.engine.diagnostics.DiagnosticSet;
import org.atelier.engine.diagnostics.Diagnostics;
import org.atelier.engine.diagnostics.DiagnosticsOptions;
import org.atelier.engine.error.CancelledError;
import org.atelier.engine.error.GlmException;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.fit.ModelSerializer;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.score.ScoreMonitor;
import org.atelier.engine.score.Scorer;
import org.atelier.engine.score.Scores;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelDiagnostics;
import org.atelier.model.ModelFile;
import org.atelier.model.ModelService;
import org.atelier.model.ModelStatus;
import org.springframework.stereotype.Service;

/**
 * Takes a completed model out of the workbench: scores a dataset of its project, or an uploaded file, with the
 * stored model (its {@code model_bytes}, never a refit) into a predictions CSV; computes its out-of-time diagnostics
 * on another dataset of the project and stores them; and gives its model file. Runs go one at a time in the
 * background, with progress, and can be cancelled. Predictions files live in ATELIER_HOME/scores until the server
 * stops or newer runs push them out.
 */
@Service
public class ScoringService {
    /** Predictions files kept for download; older ones are deleted. */
    static final int FILES_KEPT = 16;
    /** Uploads kept in memory for scoring: a 678K-row portfolio takes about 80 MB. */
    static final int UPLOADS_KEPT = 2;

    private final ModelService models;
    private final DatasetService datasets;
    private final OutOfTimeStore outOfTime;
    private final AtelierProperties properties;
    private final Clock clock;
    private final ExecutorService pool = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "atelier-scoring");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Run> running = new ConcurrentHashMap<>();
    private final Map<String, ScoredFile> files = new ConcurrentHashMap<>();
    private final Deque<String> fileOrder = new ArrayDeque<>();
    /** Uploaded data kept for scoring, the most recent last. */
    private final Map<String, Frame> uploads = new java.util.LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Frame> eldest) {
            return size() > UPLOADS_KEPT;
        }
    };

    public ScoringService(ModelService models, DatasetService datasets, OutOfTimeStore outOfTime,
                          AtelierProperties properties, Clock clock) {
        this.models = models;
        this.datasets = datasets;
        this.outOfTime = outOfTime;
        this.properties = properties;
        this.clock = clock;
    }

    /** Where a scoring run's data comes from: a dataset of the project, or a file just uploaded. */
    public sealed interface Source permits DatasetSource, UploadSource {
        String name();
    }

    public record DatasetSource(String datasetId, String name) implements Source {
    }

    /** A file uploaded for scoring only ({@link #readUpload}): it does not become a dataset of the project. */
    public record UploadSource(String uploadId, String name) implements Source {
    }

    /** An upload read for scoring: what the dialog offers as ID columns, and its rows. */
    public record UploadedData(String id, String name, int rows, List<String> columns) {
        public UploadSource source() {
            return new UploadSource(id, name);
        }
    }

    /** A fresh file for an upload to score to stream into (the uploads folder, cleaned at start). */
    public Path newUploadFile(String originalName) {
        return datasets.newUploadFile(originalName);
    }

    /**
     * Reads an uploaded file (CSV or Parquet, within the upload limit) and deletes it; the rows are kept in memory
     * for scoring (the last {@link #UPLOADS_KEPT} uploads).
     *
     * @throws DatasetException naming the problem (format, line, column)
     */
    public UploadedData readUpload(Path file, String name) {
        try {
            Frame frame = DatasetReader.read(file, datasets.maxUploadBytes());
            String id = UUID.randomUUID().toString();
            synchronized (uploads) {
                uploads.put(id, frame);
            }
            return new UploadedData(id, name, frame.rowCount(), frame.columnNames());
        } finally {
            deleteQuietly(file);
        }
    }

    /** The project's datasets a model can score, newest first. */
    public List<DatasetInfo> datasets(String projectId) {
        return datasets.all(projectId);
    }

    /**
     * Starts scoring {@code source} with a completed model, writing the ID columns, {@code mu} and {@code rate};
     * returns the run's id, which {@link #cancel} takes.
     */
    public String score(String modelId, Source source, List<String> idColumns, ScoreListener<ScoredFile> listener) {
        ModelDetail model = completed(modelId);
        return start(listener, run -> {
            long started = System.nanoTime();
            Frame frame = read(source, listener);
            PredictionsCsv.idColumns(frame, idColumns);
            Scores scores = predict(model, frame, run, listener);
            listener.progress(ScoreStage.WRITING, Double.NaN);
            String id = UUID.randomUUID().toString();
            Path file = scoresDir().resolve(id + ".csv");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                PredictionsCsv.write(frame, idColumns, scores, out, () -> run.cancelled);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write the predictions: " + e.getMessage(), e);
            } finally {
                if (run.cancelled) {
                    deleteQuietly(file);
                }
            }
            run.checkCancelled();
            ScoredFile scored = new ScoredFile(id, downloadName(model, source.name()), scores.rows(),
                    (System.nanoTime() - started) / 1_000_000);
            keep(scored);
            return scored;
        });
    }

    /**
     * Starts the out-of-time diagnostics of a completed model on another dataset of its project, which must have
     * the response (and the exposure and weights columns the model uses); stored once computed.
     */
    public String outOfTime(String modelId, String datasetId, ScoreListener<OutOfTime> listener) {
        ModelDetail model = completed(modelId);
        if (model.datasetId().equals(datasetId)) {
            throw new IllegalArgumentException("That is the dataset the model was fitted on: its training and hold-out"
                    + " figures are shown already; choose another dataset of the project");
        }
        DatasetInfo dataset = datasets.get(datasetId);
        return start(listener, run -> {
            Frame frame = read(new DatasetSource(datasetId, dataset.name()), listener);
            FittedModel fitted = fitted(model);
            predict(fitted, frame, run, listener); // the same checks as scoring: missing columns, unseen levels
            listener.progress(ScoreStage.COMPUTING_DIAGNOSTICS, Double.NaN);
            DiagnosticSet set = Diagnostics.compute(fitted, frame, DiagnosticsOptions.DEFAULT);
            run.checkCancelled();
            OutOfTime result = new OutOfTime(datasetId, dataset.name(),
                    Json.MAPPER.convertValue(set, ModelDiagnostics.Part.class), now());
            outOfTime.save(modelId, result);
            return result;
        });
    }

    /** The model's stored out-of-time diagnostics, in the order they were computed. */
    public List<OutOfTime> outOfTime(String modelId) {
        return outOfTime.of(modelId);
    }

    /** Stops a run between two chunks of rows; its listener hears {@code cancelled}. */
    public void cancel(String runId) {
        Run run = running.get(runId);
        if (run != null) {
            run.cancelled = true;
        }
    }

    /** A finished run's predictions file, while it is kept. */
    public java.util.Optional<Path> predictionsFile(String id) {
        return java.util.Optional.ofNullable(files.get(id)).map(f -> scoresDir().resolve(f.id() + ".csv"))
                .filter(Files::isRegularFile);
    }

    /** The completed model's model file, as {@code fit --model-out} writes it (its stored bytes, not a refit). */
    public byte[] modelFile(String modelId) {
        ModelDetail model = completed(modelId);
        String dataset = datasetName(model.datasetId());
        return ModelFile.of(models.modelBytes(modelId), model.label(), dataset, model.createdAt()).toBytes();
    }

    /** "freq-v3.atelier": the project's model version, safe as a file name. */
    public String modelFileName(String modelId) {
        ModelDetail model = models.get(modelId);
        return safe(model.name() == null || model.name().isBlank() ? "model" : model.name()) + "-v" + model.version()
                + ModelFile.EXTENSION;
    }

    private interface Work<T> {
        T run(Run run);
    }

    private <T> String start(ScoreListener<T> listener, Work<T> work) {
        String id = UUID.randomUUID().toString();
        Run run = new Run();
        running.put(id, run);
        pool.execute(() -> {
            try {
                T result = work.run(run);
                listener.finished(result);
            } catch (CancelledError e) {
                listener.cancelled();
            } catch (GlmException e) {
                listener.failed(e.getMessage());
            } catch (DatasetException | IllegalArgumentException | UncheckedIOException e) {
                listener.failed(e.getMessage());
            } catch (RuntimeException | OutOfMemoryError e) {
                listener.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
            } finally {
                running.remove(id);
            }
        });
        return id;
    }

    private Frame read(Source source, ScoreListener<?> listener) {
        listener.progress(ScoreStage.READING_DATA, Double.NaN);
        return switch (source) {
            case DatasetSource d -> datasets.frame(d.datasetId());
            case UploadSource u -> {
                synchronized (uploads) {
                    Frame frame = uploads.get(u.uploadId());
                    if (frame == null) {
                        throw new IllegalArgumentException("The upload " + u.name() + " is no longer kept: upload it again");
                    }
                    yield frame;
                }
            }
        };
    }

    private Scores predict(ModelDetail model, Frame frame, Run run, ScoreListener<?> listener) {
        return predict(fitted(model), frame, run, listener);
    }

    private static Scores predict(FittedModel fitted, Frame frame, Run run, ScoreListener<?> listener) {
        return Scorer.score(fitted, frame, new ScoreMonitor() {
            @Override
            public void onRows(int done, int total) {
                listener.progress(ScoreStage.PREDICTING, total == 0 ? 1 : (double) done / total);
            }

            @Override
            public boolean isCancelled() {
                return run.cancelled;
            }
        });
    }

    private FittedModel fitted(ModelDetail model) {
        return ModelSerializer.read(models.modelBytes(model.id()));
    }

    private ModelDetail completed(String modelId) {
        ModelDetail model = models.get(modelId);
        if (model.status() != ModelStatus.COMPLETED) {
            throw new IllegalArgumentException("Model " + model.label() + " has no fit to score with ("
                    + model.status().dbValue() + ")");
        }
        return model;
    }

    private String datasetName(String datasetId) {
        try {
            return datasets.get(datasetId).name();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private void keep(ScoredFile scored) {
        synchronized (fileOrder) {
            files.put(scored.id(), scored);
            fileOrder.addLast(scored.id());
            while (fileOrder.size() > FILES_KEPT) {
                ScoredFile old = files.remove(fileOrder.removeFirst());
                deleteQuietly(scoresDir().resolve(old.id() + ".csv"));
            }
        }
    }

    /** ATELIER_HOME/scores ({@link ScoresCleanup} empties it at start). */
    private Path scoresDir() {
        Path dir = properties.home().resolve("scores");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    /** "v3-predictions-later.csv": the model's version and the scored data's name, safe as a file name. */
    static String downloadName(ModelDetail model, String sourceName) {
        String base = sourceName == null ? "data" : sourceName.replaceFirst("(?i)\\.(csv(\\.gz)?|parquet)$", "");
        return "v" + model.version() + "-predictions-" + safe(base) + ".csv";
    }

    private static String safe(String name) {
        String safe = name.strip().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return safe.isEmpty() ? "model" : safe.toLowerCase(Locale.ROOT);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a left-over file under scores/ is removed at the next start
        }
    }

    private static final class Run {
        volatile boolean cancelled;

        void checkCancelled() {
            if (cancelled) {
                throw new CancelledError("Scoring cancelled");
            }
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
