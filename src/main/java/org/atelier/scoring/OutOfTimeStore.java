package org.atelier.scoring;

import java.time.Instant;
import java.util.List;
import org.atelier.config.Json;
import org.atelier.model.ModelDiagnostics;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The out_of_time_diagnostics table: one row per model and scored dataset, replaced when computed again. */
@Component
class OutOfTimeStore {
    private final JdbcTemplate jdbc;

    OutOfTimeStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void save(String modelId, OutOfTime result) {
        jdbc.update("""
                INSERT INTO out_of_time_diagnostics (model_id, dataset_id, dataset_name, computed_at, diagnostics_json)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (model_id, dataset_id) DO UPDATE SET dataset_name = excluded.dataset_name,
                    computed_at = excluded.computed_at, diagnostics_json = excluded.diagnostics_json""",
                modelId, result.datasetId(), result.datasetName(), result.computedAt().toEpochMilli(),
                Json.MAPPER.writeValueAsString(result.part()));
    }

    /** The model's stored out-of-time parts, oldest first (the order they were computed in). */
    List<OutOfTime> of(String modelId) {
        return jdbc.query("""
                SELECT dataset_id, dataset_name, computed_at, diagnostics_json FROM out_of_time_diagnostics
                WHERE model_id = ? ORDER BY computed_at, dataset_name""", (rs, i) -> new OutOfTime(
                rs.getString("dataset_id"), rs.getString("dataset_name"),
                Json.MAPPER.readValue(rs.getString("diagnostics_json"), ModelDiagnostics.Part.class),
                Instant.ofEpochMilli(rs.getLong("computed_at"))), modelId);
    }
}
