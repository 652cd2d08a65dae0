package org.atelier.model;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A model as stored: its spec snapshot (JSON) and, once fitted, the results a user reads again without
 * refitting. JSON columns: coefficients, relativities, the IRLS trace, the stage timings and the fit's warnings.
 */
@Table("models")
record ModelRecord(
        @Id String id,
        String projectId,
        String datasetId,
        int version,
        String name,
        Instant createdAt,
        @Column("spec") String specJson,
        String status,
        String errorMessage,
        String errorType,
        String errorSuggestion,
        Long fitDurationMs,
        String summaryText,
        String coefTableJson,
        String relativitiesJson,
        String diagnosticsJson,
        Double deviance,
        Double nullDeviance,
        Double aic,
        Double bic,
        Boolean converged,
        Integer iterations,
        Integer nObs,
        Double dfModel,
        Double dfResid,
        byte[] modelBytes,
        String generatedCode,
        String generatedPython,
        String traceJson,
        String stageTimings,
        Instant startedAt,
        Instant finishedAt,
        Double dispersion,
        Double theta,
        String warnings) {

    static ModelRecord pending(String id, String projectId, String datasetId, int version, String specJson,
                               Instant now) {
        return new ModelRecord(id, projectId, datasetId, version, "", now, specJson, ModelStatus.PENDING.dbValue(),
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, "[]");
    }
}
