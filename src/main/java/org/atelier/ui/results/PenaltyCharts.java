package org.atelier.ui.results;

import com.vaadin.flow.component.charts.Chart;
import com.vaadin.flow.component.charts.model.AxisTitle;
import com.vaadin.flow.component.charts.model.AxisType;
import com.vaadin.flow.component.charts.model.Configuration;
import com.vaadin.flow.component.charts.model.DataSeries;
import com.vaadin.flow.component.charts.model.DataSeriesItem;
import com.vaadin.flow.component.charts.model.Marker;
import com.vaadin.flow.component.charts.model.PlotLine;
import com.vaadin.flow.component.charts.model.PlotOptionsArearange;
import com.vaadin.flow.component.charts.model.PlotOptionsLine;
import com.vaadin.flow.component.charts.model.XAxis;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;
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
                path.penalty(), path.folds() == null ? 0 : path.folds(), path.selection(),
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
        conf.getTooltip().setShared(true);
        conf.getTooltip().setHeaderFormat("<span class=\"highcharts-header\">α {point.key:.3e}</span><br/>");
        DataSeries band = new DataSeries("± 1 SE");
        band.setId(CV_BAND);
        PlotOptionsArearange range = new PlotOptionsArearange();
        range.setColorIndex(ChartTheme.RELATIVITY);
        range.setClassName("atelier-ci-band");
        range.setFillOpacity(0.2);
        range.setLineWidth(0);
        range.setTooltip(ChartTheme.pointFormat("± 1 SE: [{point.low:.5f}, {point.high:.5f}]<br/>"));
        band.setPlotOptions(range);
        DataSeries mean = new DataSeries("Mean deviance");
        mean.setId(CV_MEAN);
        PlotOptionsLine line = new PlotOptionsLine();
        line.setColorIndex(ChartTheme.RELATIVITY);
        line.setMarker(new Marker(true));
        line.setTooltip(ChartTheme.pointFormat(ChartTheme.dot("Mean deviance", "{point.y:.5f}")));
        mean.setPlotOptions(line);
        for (PenaltyPath.CvPoint p : path.cv()) {
            DataSeriesItem item = new DataSeriesItem();
            item.setX(p.alpha());
            item.setLow(p.meanDeviance() - p.standardError());
            item.setHigh(p.meanDeviance() + p.standardError());
            band.add(item);
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
            if (feature.equals("Intercept") || feature.equals("(Intercept)")) {
                continue;
            }
            DataSeries series = new DataSeries(feature);
            PlotOptionsLine line = new PlotOptionsLine();
            line.setColorIndex(j % 6);
            line.setMarker(new Marker(false));
            line.setTooltip(ChartTheme.pointFormat(ChartTheme.dot(feature, "{point.y:.4f}")));
            series.setPlotOptions(line);
            for (PenaltyPath.PathPoint p : path.path()) {
                series.add(new DataSeriesItem(p.alpha(), p.coefficients().get(j)));
            }
            conf.addSeries(series);
        }
        return chart;
    }

    private static XAxis alphaAxis(PenaltyPath path) {
        XAxis x = new XAxis();
        x.setType(AxisType.LOGARITHMIC);
        x.setReversed(true); // from α_max, every coefficient zero, down to the least penalized fit
        x.setTitle(new AxisTitle("α (log scale)"));
        PlotLine chosen = ChartTheme.referenceLine(path.alpha());
        chosen.setLabel(new com.vaadin.flow.component.charts.model.Label("chosen α"));
        x.addPlotLine(chosen);
        return x;
    }
}
