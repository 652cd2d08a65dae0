package org.atelier.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.atelier.engine.spec.ModelSpec;

/** A model with its spec snapshot and, depending on its status, its results or its error. */
public record ModelDetail(String id, String projectId, String datasetId, int version, String name,
                          ModelStatus status, Instant createdAt, ModelSpec spec, String errorType,
                          String errorMessage, String errorSuggestion, ModelMetrics metrics, String summaryText,
                          List<CoefficientRow> coefficients, List<FactorRelativities> relativities,
                          List<IterationPoint> trace, String javaCode, String pythonCode,
                          Map<String, Long> stageTimings, List<String> warnings) {
    public ModelDetail {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public String label() {
        return name == null || name.isBlank() ? "v" + version : "v" + version + " · " + name;
    }
}
