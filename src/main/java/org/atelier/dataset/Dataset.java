package org.atelier.dataset;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A dataset row as stored: the file lives at {@code projects/{projectId}/{filePath}} under ATELIER_HOME;
 * {@code columnsJson} holds the column profiles and {@code warningsJson} the data warnings, both as JSON;
 * {@code author} is the user who uploaded it (null for datasets older than authors).
 */
@Table("datasets")
record Dataset(
        @Id String id,
        String projectId,
        String name,
        String filePath,
        String fileFormat,
        Integer nRows,
        Integer nCols,
        @Column("columns") String columnsJson,
        @Column("warnings") String warningsJson,
        Instant uploadedAt,
        String explorationJson,
        String author) {
}
