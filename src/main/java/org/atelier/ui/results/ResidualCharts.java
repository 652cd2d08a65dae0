package org.atelier.ui.results;

import com.vaadin.flow.component.charts.Chart;
import com.vaadin.flow.component.charts.model.AxisTitle;
import com.vaadin.flow.component.charts.model.Configuration;
import com.vaadin.flow.component.charts.model.DashStyle;
import com.vaadin.flow.component.charts.model.DataSeries;
import com.vaadin.flow.component.charts.model.DataSeriesItem;
import com.vaadin.flow.component.charts.model.Marker;
import com.vaadin.flow.component.charts.model.PlotOptionsLine;
import com.vaadin.flow.component.charts.model.PlotOptionsScatter;
import com.vaadin.flow.component.charts.model.XAxis;
import com.vaadin.flow.component.charts.model.YAxis;
import java.util.List;
import org.atelier.model.ModelDiagnostics.FactorAe;
import org.atelier.model.ModelDiagnostics.FactorLevel;
import org.atelier.model.ModelDiagnostics.QqPoint;
import org.atelier.model.ModelDiagnostics.ResidualBin;

/**
 * The Residuals tab's charts: mean deviance and Pearson residuals per lift bucket against its predicted rate (a
 * calibrated model stays on 0), the normal QQ plot of a seeded sample of deviance residuals against the line y = x,
 * and the mean residuals per level of a column with the exposure behind each level.
 */
final class ResidualCharts {
    static final String DEVIANCE = "deviance-residual";
    static final String PEARSON = "pearson-residual";
    static final String QQ = "qq";
    static final String QQ_LINE = "qq-line";
    static final int MAX_QQ_POINTS = 1_000;

    private ResidualCharts() {
    }

    static Chart versusFitted(List<ResidualBin> bins, String id) {
        Chart chart = ChartTheme.chart(id, "atelier-residual-chart");
        Configuration conf = chart.getConfiguration();
        conf.addxAxis(ChartTheme.xAxis("Predicted rate (mean of the lift bucket)"));
        YAxis y = ChartTheme.axis("Mean residual");
        y.addPlotLine(ChartTheme.referenceLine(0.0));
        conf.addyAxis(y);
        ChartTheme.sharedTooltip(conf, "Predicted rate {point.key:.4f}");
        DataSeries deviance = ChartSeries.line("Deviance residual", DEVIANCE, ChartTheme.RELATIVITY, 0, "{point.y:.4f}");
        DataSeries pearson = ChartSeries.line("Pearson residual", PEARSON, ChartTheme.SECOND_MODEL, 0, "{point.y:.4f}");
        for (ResidualBin bin : bins) {
            deviance.add(new DataSeriesItem(bin.predictedRate(), bin.meanDevianceResidual()));
            pearson.add(new DataSeriesItem(bin.predictedRate(), bin.meanPearsonResidual()));
        }
        conf.addSeries(deviance);
        conf.addSeries(pearson);
        return chart;
    }

    static Chart qq(List<QqPoint> points, String id) {
        Chart chart = ChartTheme.chart(id, "atelier-qq-chart");
        Configuration conf = chart.getConfiguration();
        conf.addxAxis(ChartTheme.xAxis("Normal quantile"));
        conf.addyAxis(ChartTheme.axis("Deviance residual"));
        DataSeries sample = new DataSeries("Deviance residuals");
        sample.setId(QQ);
        PlotOptionsScatter scatter = new PlotOptionsScatter();
        scatter.setColorIndex(ChartTheme.RELATIVITY);
        scatter.setMarker(new Marker(true));
        scatter.getMarker().setRadius(2);
        scatter.setTurboThreshold(0); // Highcharts refuses more than 1,000 point objects without it
        scatter.setTooltip(ChartTheme.pointFormat("Quantile {point.x:.3f}: residual {point.y:.3f}<br/>"));
        sample.setPlotOptions(scatter);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (QqPoint p : drawn(points)) {
            sample.add(new DataSeriesItem(p.theoretical(), p.sample()), false, false);
            lo = Math.min(lo, Math.min(p.theoretical(), p.sample()));
            hi = Math.max(hi, Math.max(p.theoretical(), p.sample()));
        }
        DataSeries line = new DataSeries("y = x");
        line.setId(QQ_LINE);
        PlotOptionsLine options = new PlotOptionsLine();
        options.setColorIndex(LiftCharts.ACTUAL);
        options.setDashStyle(DashStyle.DASH);
        options.setMarker(new Marker(false));
        options.setEnableMouseTracking(false);
        line.setPlotOptions(options);
        if (!points.isEmpty()) {
            line.add(new DataSeriesItem(lo, lo));
            line.add(new DataSeriesItem(hi, hi));
        }
        conf.addSeries(sample);
        conf.addSeries(line);
        return chart;
    }

    /**
     * The QQ points drawn: the stored sample has up to 5,000, which take seconds to send and draw; the tails, where a
     * QQ plot is read, keep every point, the middle (|quantile| under 2) every few, so at most about
     * {@link #MAX_QQ_POINTS} remain.
     */
    static List<QqPoint> drawn(List<QqPoint> points) {
        if (points.size() <= MAX_QQ_POINTS) {
            return points;
        }
        long tails = points.stream().filter(p -> Math.abs(p.theoretical()) >= 2).count();
        long middle = points.size() - tails;
        long step = Math.max(1, (middle + MAX_QQ_POINTS - tails - 1) / Math.max(1, MAX_QQ_POINTS - tails));
        List<QqPoint> out = new java.util.ArrayList<>();
        int seen = 0;
        for (QqPoint p : points) {
            if (Math.abs(p.theoretical()) >= 2 || seen++ % step == 0) {
                out.add(p);
            }
        }
        return out;
    }

    static Chart byLevel(FactorAe factor, String id) {
        Chart chart = ChartTheme.chart(id, "atelier-residual-factor-chart");
        Configuration conf = chart.getConfiguration();
        List<FactorLevel> levels = factor.levels();
        XAxis x = ChartTheme.categoryAxis(levels.stream().map(FactorLevel::level).toList());
        x.setTitle(new AxisTitle(ChartTheme.text(factor.column()) + (factor.banded() ? " (bands of equal exposure)" : "")));
        conf.addxAxis(x);
        YAxis y = ChartTheme.axis("Mean residual");
        y.addPlotLine(ChartTheme.referenceLine(0.0));
        conf.addyAxis(y);
        conf.addyAxis(ChartTheme.rightAxis("Exposure"));
        ChartTheme.sharedTooltip(conf, ChartTheme.text(factor.column()) + ": {point.key}");
        DataSeries exposure = ChartSeries.exposureArea("Exposure", LiftCharts.EXPOSURE, 1);
        DataSeries deviance = ChartSeries.columns("Deviance residual", DEVIANCE, ChartTheme.RELATIVITY, null, "{point.y:.4f}");
        DataSeries pearson = ChartSeries.columns("Pearson residual", PEARSON, ChartTheme.SECOND_MODEL, null, "{point.y:.4f}");
        for (FactorLevel level : levels) {
            exposure.add(new DataSeriesItem(ChartTheme.text(level.level()), level.exposure()));
            deviance.add(new DataSeriesItem(ChartTheme.text(level.level()), level.meanDevianceResidual()));
            pearson.add(new DataSeriesItem(ChartTheme.text(level.level()), level.meanPearsonResidual()));
        }
        conf.addSeries(exposure);
        conf.addSeries(deviance);
        conf.addSeries(pearson);
        return chart;
    }
}
