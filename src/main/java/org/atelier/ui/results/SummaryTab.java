package org.atelier.ui.results;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelMetrics;

/** The Summary tab: the fit's warnings (if any), its figures as cards, then the statsmodels-style summary text. */
class SummaryTab extends Div {
    final FitWarnings warnings;
    final List<MetricCard> cards;
    final Pre summary;

    SummaryTab(ModelDetail model) {
        addClassName("atelier-results-summary");
        cards = cards(model.metrics(), model.spec().family());
        Div grid = new Div();
        grid.addClassName("atelier-metric-grid");
        cards.forEach(grid::add);
        summary = new Pre(model.summaryText() == null ? "" : model.summaryText());
        summary.addClassName("atelier-code");
        summary.setId("model-summary");
        warnings = new FitWarnings("model-warnings", model.warnings());
        add(warnings, grid, summary);
    }

    static List<MetricCard> cards(ModelMetrics m, String family) {
        List<MetricCard> out = new ArrayList<>();
        out.add(new MetricCard("Deviance", Formats.amount(m.deviance())));
        out.add(new MetricCard("AIC", Formats.amount(m.aic())));
        out.add(new MetricCard("BIC", Formats.amount(m.bic())));
        out.add(new MetricCard("Iterations", Formats.count(m.iterations())));
        out.add(new MetricCard("Converged", m.converged() ? "✓ Yes" : "✗ No"));
        out.add(new MetricCard("Observations", Formats.count(m.nObs())));
        out.add(new MetricCard("df model", Formats.degrees(m.dfModel())));
        out.add(new MetricCard("df residual", Formats.degrees(m.dfResid())));
        out.add(new MetricCard("Null deviance", Formats.amount(m.nullDeviance())));
        out.add(new MetricCard("Fit time", Formats.duration(m.fitDurationMs())));
        if (hasEstimatedDispersion(family)) {
            out.add(new MetricCard("Dispersion", Formats.estimate(m.dispersion())));
        }
        if (m.theta() != null) {
            out.add(new MetricCard("Theta", Formats.estimate(m.theta())));
        }
        return out;
    }

    /** Poisson, binomial and negative binomial fix φ = 1: a "1.0000" card would only look like a result. */
    static boolean hasEstimatedDispersion(String family) {
        return switch (family == null ? "gaussian" : family.toLowerCase(Locale.ROOT)) {
            case "poisson", "binomial", "negbinomial", "negativebinomial", "negative_binomial" -> false;
            default -> true;
        };
    }
}
