package org.atelier.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.atelier.dataset.DatasetInfo;
import org.atelier.dataset.DatasetService;
import org.atelier.fit.DiagnosticsStage;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelService;
import org.atelier.model.ModelStatus;
import org.atelier.project.Project;
import org.atelier.project.ProjectService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Gathers a completed model's report from the stored model, its project and its dataset. */
@Service
public class ReportService {
    private final ModelService models;
    private final ProjectService projects;
    private final DatasetService datasets;
    private final JdbcTemplate jdbc;
    private final String version;
    private final DiagnosticsStage diagnostics;

    public ReportService(ModelService models, ProjectService projects, DatasetService datasets, JdbcTemplate jdbc,
                         @Value("${atelier.version:development}") String version, DiagnosticsStage diagnostics) {
        this.models = models;
        this.diagnostics = diagnostics;
        this.projects = projects;
        this.datasets = datasets;
        this.jdbc = jdbc;
        this.version = version;
    }

    /**
     * The report of model {@code modelId} of project {@code projectId}.
     *
     * @throws org.atelier.project.ProjectNotFoundException when the project does not exist
     * @throws IllegalArgumentException when the model does not exist, belongs to another project or has no results
     */
    public ModelReport report(String projectId, String modelId) {
        Project project = projects.get(projectId);
        ModelDetail model = models.get(modelId);
        if (!model.projectId().equals(projectId)) {
            throw new IllegalArgumentException("Model " + model.label() + " belongs to another project than "
                    + project.name());
        }
        if (model.status() != ModelStatus.COMPLETED || model.metrics() == null) {
            throw new IllegalArgumentException("Model " + model.label() + " has no results (" + model.status().dbValue()
                    + "): only a fitted model has a report");
        }
        DatasetInfo dataset = datasets.get(model.datasetId());
        diagnostics.computeIfMissing(modelId); // e.g. cut short by a restart; models.diagnostics waits for them
        return new ModelReport(project.id(), project.name(), model, dataset.name(), dataset.rowCount(), fittedBy(modelId),
                fittedAt(model), models.diagnostics(modelId), SpecWords.of(model.spec()), version);
    }

    /**
     * When the fit finished (its start for a model stored without an end), from the model's row: the detail carries
     * only when the model was created.
     */
    private Instant fittedAt(ModelDetail model) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT started_at, finished_at FROM models WHERE id = ?", model.id());
        if (rows.isEmpty()) {
            return model.createdAt();
        }
        Object finished = rows.getFirst().get("finished_at");
        Object started = rows.getFirst().get("started_at");
        Object when = finished != null ? finished : started;
        return when instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : model.createdAt();
    }

    /** Who started the fit, as recorded with the model ("unknown" for a model stored before authors were). */
    private String fittedBy(String modelId) {
        String author = models.author(modelId);
        return author == null ? "unknown" : author;
    }
}
