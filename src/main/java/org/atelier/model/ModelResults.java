package org.atelier.model;

import java.util.List;
import java.util.Map;

/** What a completed model's results view shows besides its figures, as stored; empty for a model without them. */
record ModelResults(String summaryText, List<CoefficientRow> coefficients, List<FactorRelativities> relativities,
                    List<IterationPoint> trace, String javaCode, String pythonCode, Map<String, Long> stageTimings,
                    List<String> warnings) {
    static final ModelResults NONE = new ModelResults(null, List.of(), List.of(), List.of(), null, null, Map.of(),
            List.of());
}
