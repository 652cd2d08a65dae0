package org.atelier.model;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ModelRepository extends ListCrudRepository<ModelRecord, String> {

    @Query("SELECT COALESCE(MAX(version), 0) FROM models WHERE project_id = :projectId")
    int maxVersion(String projectId);

    @Modifying
    @Query("""
            UPDATE models SET status = 'failed', error_type = 'Interrupted',
                   error_message = 'Interrupted by restart', finished_at = :now
            WHERE status IN ('pending', 'fitting')""")
    int failInterrupted(java.time.Instant now);
}
