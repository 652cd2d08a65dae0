package org.atelier.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atelier.config.Json;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/**
 * A model's results, stored beside its row in one table per reader (migration V8): what the results view shows,
 * the serialised model that scoring, rating tables and validation read, and the stored diagnostics. Each is
 * written in one statement and read only by what needs it; a model's row never carries them, so History and the
 * project list read none of them. Rows go with their model (ON DELETE CASCADE).
 */
@Repository
class ModelResultsStore {
    private static final TypeReference<List<CoefficientRow>> COEFFICIENTS = new TypeReference<>() { };
    private static final TypeReference<List<FactorRelativities>> RELATIVITIES = new TypeReference<>() { };
    private static final TypeReference<List<IterationPoint>> TRACE = new TypeReference<>() { };
    private static final TypeReference<List<String>> WARNINGS = new TypeReference<>() { };
    private static final TypeReference<Map<String, Long>> TIMINGS = new TypeReference<>() { };

    private final JdbcTemplate jdbc;

    ModelResultsStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A completed fit's results and serialised model; a model completes once, a repeat would replace them. */
    void save(String modelId, CompletedFit fit) {
        jdbc.update("""
                        INSERT OR REPLACE INTO model_results (model_id, summary_text, coef_table_json, relativities_json,
                            trace_json, stage_timings, warnings, generated_code, generated_python)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                modelId, fit.summaryText(), Json.MAPPER.writeValueAsString(fit.coefficients()),
                Json.MAPPER.writeValueAsString(fit.relativities()), Json.MAPPER.writeValueAsString(fit.trace()),
                Json.MAPPER.writeValueAsString(fit.stageTimings()), Json.MAPPER.writeValueAsString(fit.warnings()),
                fit.javaCode(), fit.pythonCode());
        if (fit.modelBytes() != null) {
            jdbc.update("INSERT OR REPLACE INTO model_fits (model_id, model_bytes) VALUES (?, ?)", modelId,
                    fit.modelBytes());
        }
    }

    ModelResults results(String modelId) {
        List<ModelResults> found = jdbc.query("""
                SELECT summary_text, coef_table_json, relativities_json, trace_json, stage_timings, warnings,
                       generated_code, generated_python
                FROM model_results WHERE model_id = ?""", (rs, i) -> new ModelResults(rs.getString("summary_text"),
                list(rs.getString("coef_table_json"), COEFFICIENTS),
                list(rs.getString("relativities_json"), RELATIVITIES), list(rs.getString("trace_json"), TRACE),
                rs.getString("generated_code"), rs.getString("generated_python"),
                rs.getString("stage_timings") == null ? Map.of()
                        : Json.MAPPER.readValue(rs.getString("stage_timings"), TIMINGS),
                list(rs.getString("warnings"), WARNINGS)), modelId);
        return found.isEmpty() ? ModelResults.NONE : found.getFirst();
    }

    /** The serialised model, or empty when the model has none (not fitted, failed, cancelled). */
    Optional<byte[]> modelBytes(String modelId) {
        return jdbc.queryForList("SELECT model_bytes FROM model_fits WHERE model_id = ?", byte[].class, modelId)
                .stream().findFirst();
    }

    /** The stored diagnostics' JSON, or empty before they are computed (or for a model fitted before them). */
    Optional<String> diagnosticsJson(String modelId) {
        return jdbc.queryForList("SELECT diagnostics_json FROM model_diagnostics WHERE model_id = ?", String.class,
                modelId).stream().findFirst();
    }

    /** Whether diagnostics are stored, without reading their JSON (several hundred kB for a large portfolio). */
    boolean hasDiagnostics(String modelId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM model_diagnostics WHERE model_id = ?", Integer.class,
                modelId);
        return n != null && n > 0;
    }

    void saveDiagnostics(String modelId, String json) {
        jdbc.update("""
                INSERT INTO model_diagnostics (model_id, diagnostics_json) VALUES (?, ?)
                ON CONFLICT (model_id) DO UPDATE SET diagnostics_json = excluded.diagnostics_json""", modelId, json);
    }

    private static <T> List<T> list(String json, TypeReference<List<T>> type) {
        return json == null ? List.of() : Json.MAPPER.readValue(json, type);
    }
}
