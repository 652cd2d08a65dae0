package org.atelier.model;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A model as a History line and a project see it: its spec snapshot (JSON), status, error, summary figures, times
 * and author. Its results are stored apart ({@link ModelResultsStore}) and read only by what shows them, so
 * reading this row never touches them. {@code metrics} is null until the fit completes.
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
        String errorType,
        String errorMessage,
        String errorSuggestion,
        @Embedded.Nullable ModelMetrics metrics,
        Instant startedAt,
        Instant finishedAt,
        String author) {

    static ModelRecord pending(String id, String projectId, String datasetId, int version, String specJson,
                               Instant now, String author) {
        return new ModelRecord(id, projectId, datasetId, version, "", now, specJson, ModelStatus.PENDING.dbValue(),
                null, null, null, null, null, null, author);
    }

    ModelRecord named(String newName) {
        return new ModelRecord(id, projectId, datasetId, version, newName, createdAt, specJson, status, errorType,
                errorMessage, errorSuggestion, metrics, startedAt, finishedAt, author);
    }

    /** Completed: its figures, and no error. */
    ModelRecord completed(ModelMetrics figures, Instant at) {
        return new ModelRecord(id, projectId, datasetId, version, name, createdAt, specJson,
                ModelStatus.COMPLETED.dbValue(), null, null, null, figures, startedAt, at, author);
    }

    /** Failed or cancelled: the error's parts given replace the stored ones, a null part keeps what is stored. */
    ModelRecord ended(ModelStatus ending, String type, String message, String suggestion, Instant at) {
        return new ModelRecord(id, projectId, datasetId, version, name, createdAt, specJson, ending.dbValue(),
                type == null ? errorType : type, message == null ? errorMessage : message,
                suggestion == null ? errorSuggestion : suggestion, metrics, startedAt, at, author);
    }
}
