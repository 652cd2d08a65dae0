package org.atelier.engine.explore;

import java.util.List;
import java.util.Map;

/**
 * Everything the Explore tab and the {@code explore} command show: the response summary, a one-way table per
 * column (file order), the factors' strengths ranked (strongest first; empty when the report has errors), the
 * associations and the data-quality report.
 */
public record Exploration(ExploreChoice choice, ResponseSummary response, Map<String, OneWay> oneWay,
                          List<FactorStrength> strength, List<Association> associations, QualityReport report) {
    public Exploration {
        oneWay = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(oneWay));
        strength = List.copyOf(strength);
        associations = List.copyOf(associations);
    }
}
