package org.atelier.ui.results;

import com.vaadin.flow.component.charts.Chart;
import com.vaadin.flow.component.charts.model.Configuration;
import com.vaadin.flow.component.charts.model.DataSeries;
import com.vaadin.flow.component.charts.model.DataSeriesItem;
import com.vaadin.flow.component.charts.model.PlotOptionsLine;
import com.vaadin.flow.component.charts.model.YAxis;
import com.vaadin.flow.component.html.Div;
import java.util.List;

/**
 * The one-way chart, shared by the Explore tab and (with fitted lines added) a model's one-way view: per level or
 * band, the exposure as bars on the right axis, the observed rate with its 95% interval on the left axis, and the
 * overall rate as a dashed line. {@link #addLine} draws a further series on the rate axis (a fitted rate),
 * {@link #addRelativity} a model's relativity on an axis of its own (its 1 dashed), so it reads as the model states
 * it.
 * Points without an interval (a model's A/E by level has none) draw no error bars.
 */
public class OneWayChart extends Div {
    public static final String EXPOSURE = "one-way-exposure";
    public static final String RATE = "one-way-rate";
    public static final String INTERVAL = "one-way-ci";
    public static final String RELATIVITY_AXIS = "one-way-relativity-axis";

    /** One level or band as drawn: its label, exposure, observed rate and interval. */
    public record Point(String level, double exposure, double rate, double lower, double upper) {
    }

    private final Chart chart;
    private final List<Point> points;
    private final PlotOptionsLine observed;

    public OneWayChart(String id, String factor, List<Point> points, double overallRate) {
        this.points = List.copyOf(points);
        chart = ChartTheme.chart(id, "atelier-one-way-chart");
        Configuration conf = chart.getConfiguration();
        conf.addxAxis(ChartTheme.categoryAxis(points.stream().map(Point::level).toList()));
        YAxis rateAxis = ChartTheme.axis("Observed rate");
        rateAxis.setMin(0);
        rateAxis.addPlotLine(ChartTheme.referenceLine(overallRate));
        conf.addyAxis(rateAxis);
        conf.addyAxis(ChartTheme.rightAxis("Exposure"));
        ChartTheme.sharedTooltip(conf, ChartTheme.text(factor) + ": {point.key}");

        DataSeries exposure = ChartSeries.columns("Exposure", EXPOSURE, ChartTheme.EXPOSURE, "atelier-exposure",
                "{point.y:,.1f}");
        exposure.setyAxis(1);
        observed = ChartSeries.lineOptions("Observed rate", ChartTheme.RELATIVITY, "{point.y:.4f}");
        DataSeries rate = ChartSeries.series("Observed rate", RATE, observed);
        DataSeries interval = ChartSeries.intervals("95% CI", INTERVAL, ChartSeries.INTERVAL_TOOLTIP);
        for (Point p : points) {
            exposure.add(new DataSeriesItem(ChartTheme.text(p.level()), p.exposure()));
            rate.add(new DataSeriesItem(ChartTheme.text(p.level()), finite(p.rate())));
            interval.add(ChartSeries.range(ChartTheme.text(p.level()), finite(p.lower()), finite(p.upper())));
        }
        conf.addSeries(exposure);
        conf.addSeries(rate);
        if (points.stream().anyMatch(p -> Double.isFinite(p.lower()) || Double.isFinite(p.upper()))) {
            conf.addSeries(interval);
        }
        add(chart);
        setWidthFull();
    }

    /**
     * Another line on the rate axis, one value per level in the chart's order (a fitted rate, say), drawn dashed over
     * the observed rate so that both stay visible where they coincide.
     */
    public void addLine(String name, String id, List<Double> values) {
        if (values.size() != points.size()) {
            throw new IllegalArgumentException(name + " has " + values.size() + " values for " + points.size()
                    + " levels");
        }
        PlotOptionsLine line = ChartSeries.lineOptions(name, ChartTheme.SECOND_MODEL, "{point.y:.4f}");
        line.setClassName("atelier-fitted");
        observed.setClassName("atelier-observed"); // wider, under the dashed line
        DataSeries series = ChartSeries.series(name, id, line);
        for (int i = 0; i < values.size(); i++) {
            series.add(new DataSeriesItem(ChartTheme.text(points.get(i).level()), finite(values.get(i))));
        }
        chart.getConfiguration().addSeries(series);
    }

    /** A relativity per level, in the chart's order, on a third axis (right) with its reference at 1. */
    public void addRelativity(String name, String id, List<Double> values) {
        if (values.size() != points.size()) {
            throw new IllegalArgumentException(name + " has " + values.size() + " values for " + points.size()
                    + " levels");
        }
        Configuration conf = chart.getConfiguration();
        YAxis axis = ChartTheme.rightAxis("Relativity");
        axis.setId(RELATIVITY_AXIS);
        axis.addPlotLine(ChartTheme.referenceLine(1.0));
        conf.addyAxis(axis);
        PlotOptionsLine line = ChartSeries.lineOptions(name, ChartTheme.MODEL_RELATIVITY, "{point.y:.4f}");
        line.setClassName("atelier-model-relativity");
        DataSeries series = ChartSeries.series(name, id, line);
        series.setyAxis(conf.getyAxes().getNumberOfAxes() - 1);
        for (int i = 0; i < values.size(); i++) {
            series.add(new DataSeriesItem(points.get(i).level(), finite(values.get(i))));
        }
        conf.addSeries(series);
    }

    public Chart chart() {
        return chart;
    }

    private static Number finite(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }
}
