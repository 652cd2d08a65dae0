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
    private final PendingDiagnostics pendingDiagnostics;
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

    private static final int DIAGNOSTICS_KEPT = 8;
    /**
     * The diagnostics of recently stored or read models: they are several hundred kB of JSON for a large portfolio
     * (the QQ sample alone is 5,000 points), which took seconds to parse on a loaded machine each time a model's
     * results were opened; a fit's own figures are kept as it stores them, so its results tabs never parse them.
     */
    private final Map<String, ModelDiagnostics> diagnosticsKept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ModelDiagnostics> eldest) {
            return size() > DIAGNOSTICS_KEPT;
        }
    };

    public ModelService(ModelRepository models, ModelResultsStore results, JdbcAggregateTemplate aggregates,
                        JdbcTemplate jdbc, ProjectService projects, Clock clock, Access access,
                        PendingDiagnostics pendingDiagnostics) {
        this.models = models;
        this.results = results;
        this.pendingDiagnostics = pendingDiagnostics;
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
        pendingDiagnostics.await(modelId, DIAGNOSTICS_WAIT);
        java.util.Optional<String> json = results.diagnosticsJson(modelId);
        if (json.isEmpty()) {
            record(modelId); // says which model is unknown
            return java.util.Optional.empty();
        }
        synchronized (diagnosticsKept) {
            ModelDiagnostics kept = diagnosticsKept.get(modelId);
            if (kept != null) {
                return java.util.Optional.of(kept);
            }
        }
        ModelDiagnostics read = Json.MAPPER.readValue(json.get(), ModelDiagnostics.class);
        synchronized (diagnosticsKept) {
            diagnosticsKept.put(modelId, read);
        }
        return java.util.Optional.of(read);
    }

    /** Whether the model's diagnostics are still being computed (its results are there already). */
    public boolean diagnosticsPending(String modelId) {
        return pendingDiagnostics.isPending(modelId);
    }

    /**
     * Runs {@code action} once the model's diagnostics are stored (or known not to come), at once if they are not
     * pending; on the thread that stored them. Answers the handle that drops the action.
     */
    public Runnable whenDiagnosticsSettled(String modelId, Runnable action) {
        return pendingDiagnostics.whenSettled(modelId, action);
    }

    @Transactional
    public void storeDiagnostics(String modelId, ModelDiagnostics diagnostics) {
        record(modelId); // says which model is unknown
        results.saveDiagnostics(modelId, Json.MAPPER.writeValueAsString(diagnostics));
        synchronized (diagnosticsKept) {
            diagnosticsKept.put(modelId, diagnostics);
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
        synchronized (diagnosticsKept) {
            diagnosticsKept.remove(modelId);
        }
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
