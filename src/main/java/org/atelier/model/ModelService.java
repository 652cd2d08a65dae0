package org.atelier.model;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.atelier.config.Json;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.TermSpec;
import org.atelier.project.ProjectService;
import org.atelier.user.Access;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A project's models: each fit becomes version n+1 with an immutable snapshot of its spec and dataset, and
 * keeps its results (or its error) so history, comparison and reports never need to refit.
 */
@Service
public class ModelService {
    /** The history's columns: a models row holds no results (they are in {@link ModelResultsStore}'s tables). */
    private static final String HISTORY = """
            SELECT id, version, name, status, spec, deviance, aic, bic, fit_duration_ms, created_at, author FROM models
            WHERE project_id = ? ORDER BY version DESC""";
    private static final int FINISHED_KEPT = 32;
    /** Diagnostics take well under a minute even for millions of rows; past this a reader gets what is stored. */
    static final Duration DIAGNOSTICS_WAIT = Duration.ofMinutes(2);

    private final ModelRepository models;
    private final ModelResultsStore results;
    private final JdbcAggregateTemplate aggregates;
    private final JdbcTemplate jdbc;
    private final ProjectService projects;
    private final Clock clock;
    private final Access access;
    private final DiagnosticsCache diagnosticsCache;
    /**
     * The details of recently finished models, so that every browser showing a model that just completed, and
     * a model reopened from History, gets it without reading and parsing its stored results again.
     */
    private final Map<String, ModelDetail> finished = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ModelDetail> eldest) {
            return size() > FINISHED_KEPT;
        }
    };

    public ModelService(ModelRepository models, ModelResultsStore results, JdbcAggregateTemplate aggregates,
                        JdbcTemplate jdbc, ProjectService projects, Clock clock, Access access,
                        DiagnosticsCache diagnosticsCache) {
        this.models = models;
        this.results = results;
        this.diagnosticsCache = diagnosticsCache;
        this.aggregates = aggregates;
        this.jdbc = jdbc;
        this.projects = projects;
        this.clock = clock;
        this.access = access;
    }

    /** Records a new model (status pending) as the project's next version. */
    @Transactional
    public ModelDetail create(String projectId, String datasetId, ModelSpec spec) {
        projects.touch(projectId);
        int version = models.maxVersion(projectId) + 1;
        ModelRecord saved = aggregates.insert(ModelRecord.pending(UUID.randomUUID().toString(), projectId,
                datasetId, version, ModelSpecJson.write(spec), now(), access.author()));
        return detail(saved, ModelResults.NONE);
    }

    public ModelDetail get(String modelId) {
        ModelDetail kept = kept(modelId);
        if (kept != null) {
            return kept;
        }
        ModelDetail detail = detail(record(modelId), results.results(modelId));
        if (!detail.status().isRunning()) {
            keep(detail);
        }
        return detail;
    }

    /** False once the model is deleted, on its own or with its project. */
    public boolean exists(String modelId) {
        return models.existsById(modelId);
    }

    public List<ModelHistoryRow> history(String projectId) {
        return jdbc.query(HISTORY, (rs, i) -> {
            ModelSpec spec = ModelSpecJson.read(rs.getString("spec"));
            String terms = spec.terms().stream().map(TermSpec::name).collect(Collectors.joining(", "));
            return new ModelHistoryRow(rs.getString("id"), rs.getInt("version"), rs.getString("name"),
                    ModelStatus.of(rs.getString("status")), spec.family(), terms, real(rs.getObject("deviance")),
                    real(rs.getObject("aic")), real(rs.getObject("bic")),
                    rs.getObject("fit_duration_ms") instanceof Number n ? n.longValue() : null,
                    Instant.ofEpochMilli(rs.getLong("created_at")), rs.getString("author"));
        }, projectId);
    }

    /** SQLite hands back a REAL as Double, a whole one sometimes as Integer, and NULL as null. */
    private static Double real(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }

    /** The fitted model as serialised by the engine, or null when the model has no fit. */
    public byte[] modelBytes(String modelId) {
        return results.modelBytes(modelId).orElseGet(() -> {
            record(modelId); // says which model is unknown
            return null;
        });
    }

    @Transactional
    public void rename(String modelId, String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.length() > 255) {
            throw new IllegalArgumentException("Model name is " + stripped.length()
                    + " characters long; at most 255 are allowed");
        }
        ModelRecord r = record(modelId);
        forget(modelId);
        models.save(r.named(stripped));
    }

    /**
     * Who started a model's fit (null for one made before authors were recorded) and when the fit finished (its
     * start for a model stored without an end, its creation for one never started).
     */
    public record Provenance(String author, Instant fittedAt) {
    }

    /** The model's {@link Provenance}, from one read of its row. */
    public Provenance provenance(String modelId) {
        List<Provenance> rows = jdbc.query("SELECT author, created_at, started_at, finished_at FROM models WHERE id = ?",
                (rs, i) -> {
                    Object finished = rs.getObject("finished_at");
                    Object when = finished != null ? finished : rs.getObject("started_at");
                    return new Provenance(rs.getString("author"), when instanceof Number n
                            ? Instant.ofEpochMilli(n.longValue()) : Instant.ofEpochMilli(rs.getLong("created_at")));
                }, modelId);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("Model " + modelId + " no longer exists");
        }
        return rows.getFirst();
    }

    /** Who started the model's fit (null for one made before authors were recorded). */
    public String author(String modelId) {
        return record(modelId).author();
    }

    /** Only the model's author or an administrator may delete it. */
    @Transactional
    public void delete(String modelId) {
        access.requireAuthorOrAdmin(author(modelId), "delete this model");
        forget(modelId);
        models.deleteById(modelId);
    }

    @Transactional
    public void markFitting(String modelId) {
        forget(modelId);
        // one statement: a pending row has no results yet, so there is nothing to read and write back
        int updated = jdbc.update("UPDATE models SET status = ?, started_at = ?, finished_at = NULL WHERE id = ?",
                ModelStatus.FITTING.dbValue(), now().toEpochMilli(), modelId);
        if (updated == 0) {
            throw new IllegalArgumentException("Model " + modelId + " no longer exists");
        }
    }

    /**
     * Stores a fit's results: the model's slim row and its results, each one statement, in one transaction (reading
     * and rewriting a row that held the results took 150-3,700 ms of the click-to-results time on a loaded machine).
     */
    @Transactional
    public void complete(String modelId, CompletedFit fit) {
        ModelRecord saved = models.save(record(modelId).completed(fit.metrics(), now()));
        results.save(modelId, fit);
        // what a view reads next: the results as the fit produced them, not parsed back from their JSON
        keep(detail(saved, new ModelResults(fit.summaryText(), fit.coefficients(), fit.relativities(), fit.trace(),
                fit.javaCode(), fit.pythonCode(), fit.stageTimings(), fit.warnings())));
    }

    /**
     * The stored validation figures (computed beside the fit's results, drop-one tests once run), or empty for a
     * model without them (not fitted yet, failed, or fitted before diagnostics existed). While a just completed
     * model's figures are still being computed it waits for them (at most {@link #DIAGNOSTICS_WAIT}).
     */
    public java.util.Optional<ModelDiagnostics> diagnostics(String modelId) {
        ModelDiagnostics known = diagnosticsCache.await(modelId, DIAGNOSTICS_WAIT);
        // the figures in memory spare reading and parsing the JSON; the store still says whether the model has them
        if (known != null && results.hasDiagnostics(modelId)) {
            return java.util.Optional.of(known);
        }
        java.util.Optional<String> json = results.diagnosticsJson(modelId);
        if (json.isEmpty()) {
            record(modelId); // says which model is unknown
            return java.util.Optional.empty();
        }
        ModelDiagnostics read = Json.MAPPER.readValue(json.get(), ModelDiagnostics.class);
        diagnosticsCache.read(modelId, read);
        return java.util.Optional.of(read);
    }

    /** Whether the model's diagnostics are still being computed (its results are there already). */
    public boolean diagnosticsPending(String modelId) {
        return diagnosticsCache.isPending(modelId);
    }

    /**
     * Whether the model is completed, with its fitted model, but has no diagnostics stored nor on their way: e.g.
     * the server stopped between storing its results and its diagnostics, or it was fitted before Atelier computed
     * them. Its diagnostics can be computed from the stored model and its dataset.
     */
    public boolean lacksDiagnostics(String modelId) {
        if (diagnosticsCache.isPending(modelId)) {
            return false;
        }
        Integer lacking = jdbc.queryForObject("""
                SELECT COUNT(*) FROM models m JOIN model_fits f ON f.model_id = m.id WHERE m.id = ? AND m.status = ?
                AND NOT EXISTS (SELECT 1 FROM model_diagnostics d WHERE d.model_id = m.id)""", Integer.class, modelId, ModelStatus.COMPLETED.dbValue());
        return lacking != null && lacking > 0;
    }

    /**
     * Runs {@code action} once the model's diagnostics are stored (or known not to come), at once if they are not
     * pending; on the thread that stored them. Answers the handle that drops the action.
     */
    public Runnable whenDiagnosticsSettled(String modelId, Runnable action) {
        return diagnosticsCache.whenSettled(modelId, action);
    }

    /**
     * Stores the model's validation figures: one column, so the results, blobs and code are neither read nor
     * written again. Readers waiting for them get them once the write is committed.
     */
    @Transactional
    public void storeDiagnostics(String modelId, ModelDiagnostics diagnostics) {
        record(modelId); // says which model is unknown
        results.saveDiagnostics(modelId, Json.MAPPER.writeValueAsString(diagnostics));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    diagnosticsCache.stored(modelId, diagnostics);
                }
            });
        } else {
            diagnosticsCache.stored(modelId, diagnostics);
        }
    }

    @Transactional
    public void fail(String modelId, String errorType, String message, String suggestion) {
        forget(modelId);
        models.save(record(modelId).ended(ModelStatus.FAILED, errorType, message, suggestion, now()));
    }

    @Transactional
    public void cancel(String modelId) {
        forget(modelId);
        models.save(record(modelId).ended(ModelStatus.CANCELLED, "Cancelled", "Fit cancelled by the user", null,
                now()));
    }

    /** At start-up: fits that were pending or running when the server stopped can never finish. */
    @Transactional
    public int failInterruptedFits() {
        return models.failInterrupted(now());
    }

    /**
     * A kept detail, if the model still exists with the same status and name: deleting a project or a dataset
     * deletes its models in the database without this service knowing, and a one-row look-up costs next to nothing.
     */
    private ModelDetail kept(String modelId) {
        ModelDetail detail;
        synchronized (finished) {
            detail = finished.get(modelId);
        }
        if (detail == null) {
            return null;
        }
        List<Map<String, Object>> now = jdbc.queryForList("SELECT status, name FROM models WHERE id = ?", modelId);
        if (now.size() == 1 && detail.status().dbValue().equals(now.getFirst().get("status"))
                && String.valueOf(detail.name()).equals(String.valueOf(now.getFirst().get("name")))) {
            return detail;
        }
        forget(modelId);
        return null;
    }

    private void keep(ModelDetail detail) {
        synchronized (finished) {
            finished.put(detail.id(), detail);
        }
    }

    private void forget(String modelId) {
        synchronized (finished) {
            finished.remove(modelId);
        }
        diagnosticsCache.forget(modelId);
    }

    private ModelRecord record(String modelId) {
        return models.findById(modelId)
                .orElseThrow(() -> new IllegalArgumentException("Model " + modelId + " no longer exists"));
    }

    private static ModelDetail detail(ModelRecord r, ModelResults stored) {
        return new ModelDetail(r.id(), r.projectId(), r.datasetId(), r.version(), r.name(), ModelStatus.of(r.status()),
                r.createdAt(), ModelSpecJson.read(r.specJson()), r.errorType(), r.errorMessage(), r.errorSuggestion(),
                r.metrics(), stored.summaryText(), stored.coefficients(), stored.relativities(), stored.trace(),
                stored.javaCode(), stored.pythonCode(), stored.stageTimings(), stored.warnings());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
