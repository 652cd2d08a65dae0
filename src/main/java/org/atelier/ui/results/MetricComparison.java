package org.atelier.ui.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelMetrics;

/**
 * One metric of two models side by side and which is better. Lower deviance, AIC and BIC are better, but
 * only between models of the same response on the same rows (and, for deviance, the same family): otherwise
 * the figures are on different scales and no winner is named.
 */
record MetricComparison(String metric, String first, String second, Better better, String rule) {

    enum Better { FIRST, SECOND, EQUAL, NOT_COMPARED }

    static List<MetricComparison> of(ModelDetail a, ModelDetail b) {
        ModelMetrics ma = a.metrics();
        ModelMetrics mb = b.metrics();
        boolean sameData = Objects.equals(a.spec().response(), b.spec().response()) && ma.nObs() == mb.nObs()
                && Objects.equals(a.datasetId(), b.datasetId());
        boolean sameFamily = sameData && a.spec().family().equalsIgnoreCase(b.spec().family());
        List<MetricComparison> out = new ArrayList<>();
        out.add(lowerIsBetter("Deviance", ma.deviance(), mb.deviance(), sameFamily,
                "lower is better (same family and data)"));
        out.add(lowerIsBetter("AIC", ma.aic(), mb.aic(), sameData, "lower is better (same response and data)"));
        out.add(lowerIsBetter("BIC", ma.bic(), mb.bic(), sameData, "lower is better (same response and data)"));
        out.add(plain("Null deviance", ma, mb, m -> Formats.amount(m.nullDeviance())));
        out.add(plain("df model", ma, mb, m -> Formats.degrees(m.dfModel())));
        out.add(plain("Observations", ma, mb, m -> Formats.count(m.nObs())));
        out.add(plain("Iterations", ma, mb, m -> Formats.count(m.iterations())));
        out.add(plain("Converged", ma, mb, m -> m.converged() ? "✓ Yes" : "✗ No"));
        out.add(plain("Fit time", ma, mb, m -> Formats.duration(m.fitDurationMs())));
        return out;
    }

    private static MetricComparison lowerIsBetter(String metric, Double first, Double second, boolean comparable,
                                                  String rule) {
        Better better;
        if (!comparable || first == null || second == null) {
            better = Better.NOT_COMPARED;
        } else {
            int cmp = Double.compare(first, second);
            better = cmp < 0 ? Better.FIRST : cmp > 0 ? Better.SECOND : Better.EQUAL;
        }
        return new MetricComparison(metric, Formats.amount(first), Formats.amount(second), better,
                comparable ? rule : "not comparable: different response, family or data");
    }

    private static MetricComparison plain(String metric, ModelMetrics a, ModelMetrics b,
                                          Function<ModelMetrics, String> format) {
        return new MetricComparison(metric, format.apply(a), format.apply(b), Better.NOT_COMPARED, "");
    }
}
