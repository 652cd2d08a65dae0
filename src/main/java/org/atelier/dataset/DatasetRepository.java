package org.atelier.dataset;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface DatasetRepository extends ListCrudRepository<Dataset, String> {

    @Query("SELECT * FROM datasets WHERE project_id = :projectId ORDER BY uploaded_at DESC, rowid DESC LIMIT 1")
    Optional<Dataset> findLatest(String projectId);

    @Query("SELECT * FROM datasets WHERE project_id = :projectId ORDER BY uploaded_at DESC, rowid DESC")
    List<Dataset> findByProject(String projectId);

    @Query("""
            SELECT id FROM datasets d WHERE project_id = :projectId AND id <> :keep
            AND NOT EXISTS (SELECT 1 FROM models m WHERE m.dataset_id = d.id)""")
    List<String> findUnused(String projectId, String keep);

    /** One statement, so a model created meanwhile on the dataset keeps it. */
    @Modifying
    @Query("DELETE FROM datasets WHERE id = :id AND NOT EXISTS (SELECT 1 FROM models m WHERE m.dataset_id = :id)")
    int deleteIfUnused(String id);
}
