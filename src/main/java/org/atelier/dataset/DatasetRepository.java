package org.atelier.dataset;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface DatasetRepository extends ListCrudRepository<Dataset, String> {

    @Query("SELECT * FROM datasets WHERE project_id = :projectId ORDER BY uploaded_at DESC, rowid DESC LIMIT 1")
    Optional<Dataset> findLatest(String projectId);

    @Query("SELECT * FROM datasets WHERE project_id = :projectId ORDER BY uploaded_at DESC, rowid DESC")
    List<Dataset> findByProject(String projectId);
}
