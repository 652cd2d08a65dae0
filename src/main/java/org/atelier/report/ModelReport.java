package org.atelier.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelDiagnostics;

/**
 * Everything a completed model's printed report shows, read from what was stored when it was fitted (no refit, no
 * data read): the project, the model with its results, the dataset it was fitted on, who fitted it and when, the
 * validation figures (empty for a model fitted before they existed), the spec in words and the Atelier version
 * writing the report.
 */
public record ModelReport(String projectId, String projectName, ModelDetail model, String datasetName,
                          int datasetRows, String fittedBy, Instant fittedAt, Optional<ModelDiagnostics> diagnostics,
                          List<SpecLine> specification, String atelierVersion) {
    public ModelReport {
        specification = List.copyOf(specification);
    }

    /** "v3 · Frequency" as the running header and the title name the model. */
    public String modelLabel() {
        return model.label();
    }
}
