package org.atelier.model;

import java.util.List;
import java.util.Map;

/** Everything a finished fit hands over for storage. */
public record CompletedFit(ModelMetrics metrics, String summaryText, List<CoefficientRow> coefficients,
                           List<FactorRelativities> relativities, List<IterationPoint> trace, byte[] modelBytes,
                           String javaCode, String pythonCode, Map<String, Long> stageTimings,
                           List<String> warnings) {
    public CompletedFit {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
