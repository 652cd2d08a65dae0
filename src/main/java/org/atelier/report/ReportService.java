package org.atelier.report;

import org.atelier.dataset.DatasetInfo;
import org.atelier.dataset.DatasetService;
import org.atelier.fit.DiagnosticsStage;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelService;
import org.atelier.model.ModelStatus;
import org.atelier.project.Project;
import org.atelier.project.ProjectService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Gathers a completed model's report from the stored model, its project and its dataset. */
@Service
public class ReportService {
    private final ModelService models;
    private final ProjectService projects;
    private final DatasetService datasets;
    private final String version;
    private final DiagnosticsStage diagnostics;

    public ReportService(ModelService models, ProjectService projects, DatasetService datasets,
                         @Value("${atelier.version:development}") String version, DiagnosticsStage diagnostics) {
        this.models = models;
        this.diagnostics = diagnostics;
        this.projects = projects;
        this.datasets = datasets;
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
        ModelService.Provenance provenance = models.provenance(modelId);
        // "unknown" for a model stored before authors were recorded
        String fittedBy = provenance.author() == null ? "unknown" : provenance.author();
        return new ModelReport(project.id(), project.name(), model, dataset.name(), dataset.rowCount(), fittedBy,
                provenance.fittedAt(), models.diagnostics(modelId), SpecWords.of(model.spec()), version);
    }
}
