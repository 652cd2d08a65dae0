package org.atelier.ui.results;

import com.vaadin.flow.component.charts.Chart;
import com.vaadin.flow.component.charts.model.AxisType;
import com.vaadin.flow.component.charts.model.Configuration;
import com.vaadin.flow.component.charts.model.DataSeries;
import com.vaadin.flow.component.charts.model.DataSeriesItem;
import com.vaadin.flow.component.charts.model.Marker;
import com.vaadin.flow.component.charts.model.PlotLine;
import com.vaadin.flow.component.charts.model.PlotOptionsLine;
import com.vaadin.flow.component.charts.model.XAxis;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import org.atelier.model.CoefficientRow;
import org.atelier.model.PenaltyPath;

/**
 * A cross-validated penalized fit's choice of α: the CV curve (mean held-out deviance per observation ± one
 * standard error against α, the chosen α marked) and the coefficient path (each coefficient against α), both on a
 * logarithmic α axis running from α_max (everything zero) down.
 */
class PenaltyCharts extends Div {
    static final String CV_MEAN = "cv-mean";
    static final String CV_BAND = "cv-band";
    final Chart cvChart;
    Chart pathChart;

    PenaltyCharts(PenaltyPath path) {
        addClassName("atelier-penalty");
        Span what = new Span(String.format(Locale.ROOT, "%s, %d folds, selection %s: α = %s chosen (α_max %s).",
                path.penalty().id(), path.folds() == null ? 0 : path.folds(),
                path.selection() == null ? null : path.selection().id(),
                Formats.estimate(path.alpha()), Formats.estimate(path.alphaMax())));
        what.addClassName("atelier-muted");
        cvChart = cv(path, "cv-curve-chart");
        add(new H4("Cross-validation curve"), what, cvChart, new H4("Coefficient path"));
        if (path.path().isEmpty() || path.path().getFirst().coefficients().isEmpty()) {
            Span none = new Span("This model was fitted before Atelier kept the coefficients along the path: fit it"
                    + " again to see them.");
            none.addClassName("atelier-muted");
            add(none);
        } else {
            pathChart = coefficients(path, "coefficient-path-chart");
            add(pathChart);
        }
    }

    static Chart cv(PenaltyPath path, String id) {
        Chart chart = ChartTheme.chart(id, "atelier-cv-chart");
        Configuration conf = chart.getConfiguration();
        XAxis x = alphaAxis(path);
        conf.addxAxis(x);
        conf.addyAxis(ChartTheme.axis("Mean held-out deviance per observation"));
        ChartTheme.sharedTooltip(conf, "α {point.key:.3e}");
        DataSeries band = ChartSeries.band("± 1 SE", CV_BAND, ChartTheme.RELATIVITY,
                "± 1 SE: [{point.low:.5f}, {point.high:.5f}]<br/>");
        PlotOptionsLine line = ChartSeries.lineOptions("Mean deviance", ChartTheme.RELATIVITY, "{point.y:.5f}");
        line.setMarker(new Marker(true));
        DataSeries mean = ChartSeries.series("Mean deviance", CV_MEAN, line);
        for (PenaltyPath.CvPoint p : path.cv()) {
            band.add(ChartSeries.range(p.alpha(), p.meanDeviance() - p.standardError(),
                    p.meanDeviance() + p.standardError()));
            mean.add(new DataSeriesItem(p.alpha(), p.meanDeviance()));
        }
        conf.addSeries(band);
        conf.addSeries(mean);
        return chart;
    }

    static Chart coefficients(PenaltyPath path, String id) {
        Chart chart = ChartTheme.chart(id, "atelier-path-chart");
        Configuration conf = chart.getConfiguration();
        conf.addxAxis(alphaAxis(path));
        conf.addyAxis(ChartTheme.axis("Coefficient"));
        conf.getLegend().setEnabled(false); // one line per coefficient: the tooltip names it
        for (int j = 0; j < path.features().size(); j++) {
            String feature = path.features().get(j);
            if (CoefficientRow.isIntercept(feature)) {
                continue;
            }
            PlotOptionsLine line = ChartSeries.lineOptions(feature, j % 6, "{point.y:.4f}");
            line.setMarker(new Marker(false));
            DataSeries series = ChartSeries.series(feature, null, line);
            for (PenaltyPath.PathPoint p : path.path()) {
                series.add(new DataSeriesItem(p.alpha(), p.coefficients().get(j)));
            }
            conf.addSeries(series);
        }
        return chart;
    }

    private static XAxis alphaAxis(PenaltyPath path) {
        XAxis x = ChartTheme.xAxis("α (log scale)");
        x.setType(AxisType.LOGARITHMIC);
        x.setReversed(true); // from α_max, every coefficient zero, down to the least penalized fit
        PlotLine chosen = ChartTheme.referenceLine(path.alpha());
        chosen.setLabel(new com.vaadin.flow.component.charts.model.Label("chosen α"));
        x.addPlotLine(chosen);
        return x;
    }
}
