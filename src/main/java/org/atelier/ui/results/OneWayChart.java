package org.atelier.ui.results;

import com.vaadin.flow.component.charts.Chart;
import com.vaadin.flow.component.charts.model.Configuration;
import com.vaadin.flow.component.charts.model.DataSeries;
import com.vaadin.flow.component.charts.model.DataSeriesItem;
import com.vaadin.flow.component.charts.model.Labels;
import com.vaadin.flow.component.charts.model.PlotOptionsColumn;
import com.vaadin.flow.component.charts.model.PlotOptionsErrorbar;
import com.vaadin.flow.component.charts.model.PlotOptionsLine;
import com.vaadin.flow.component.charts.model.XAxis;
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
        XAxis x = new XAxis();
        x.setCategories(points.stream().map(p -> ChartTheme.text(p.level())).toArray(String[]::new));
        Labels labels = new Labels();
        labels.setRotation(-45); // band labels such as "18 – 25" overlap when written horizontally
        x.setLabels(labels);
        conf.addxAxis(x);
        YAxis rateAxis = ChartTheme.axis("Observed rate");
        rateAxis.setMin(0);
        rateAxis.addPlotLine(ChartTheme.referenceLine(overallRate));
        conf.addyAxis(rateAxis);
        YAxis exposureAxis = ChartTheme.axis("Exposure");
        exposureAxis.setOpposite(true);
        exposureAxis.setMin(0);
        exposureAxis.setGridLineWidth(0);
        conf.addyAxis(exposureAxis);
        conf.getTooltip().setShared(true);
        conf.getTooltip().setHeaderFormat("<span class=\"highcharts-header\">" + ChartTheme.text(factor) + ": {point.key}</span><br/>");

        DataSeries exposure = new DataSeries("Exposure");
        exposure.setId(EXPOSURE);
        PlotOptionsColumn bars = new PlotOptionsColumn();
        bars.setColorIndex(ChartTheme.EXPOSURE);
        bars.setClassName("atelier-exposure");
        bars.setTooltip(ChartTheme.pointFormat(ChartTheme.dot("Exposure", "{point.y:,.1f}")));
        exposure.setPlotOptions(bars);
        exposure.setyAxis(1);

        DataSeries rate = new DataSeries("Observed rate");
        rate.setId(RATE);
        PlotOptionsLine line = new PlotOptionsLine();
        observed = line;
        line.setColorIndex(ChartTheme.RELATIVITY);
        line.setTooltip(ChartTheme.pointFormat(ChartTheme.dot("Observed rate", "{point.y:.4f}")));
        rate.setPlotOptions(line);

        DataSeries interval = new DataSeries("95% CI");
        interval.setId(INTERVAL);
        PlotOptionsErrorbar errorbar = new PlotOptionsErrorbar();
        errorbar.setClassName("atelier-ci");
        errorbar.setTooltip(ChartTheme.pointFormat("CI: [{point.low:.4f}, {point.high:.4f}]<br/>"));
        interval.setPlotOptions(errorbar);
        for (Point p : points) {
            exposure.add(new DataSeriesItem(ChartTheme.text(p.level()), p.exposure()));
            rate.add(new DataSeriesItem(ChartTheme.text(p.level()), finite(p.rate())));
            DataSeriesItem range = new DataSeriesItem();
            range.setName(ChartTheme.text(p.level()));
            range.setLow(finite(p.lower()));
            range.setHigh(finite(p.upper()));
            interval.add(range);
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
        DataSeries series = new DataSeries(name);
        series.setId(id);
        PlotOptionsLine line = new PlotOptionsLine();
        line.setColorIndex(ChartTheme.SECOND_MODEL);
        line.setClassName("atelier-fitted");
        observed.setClassName("atelier-observed"); // wider, under the dashed line
        line.setTooltip(ChartTheme.pointFormat(ChartTheme.dot(name, "{point.y:.4f}")));
        series.setPlotOptions(line);
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
        YAxis axis = ChartTheme.axis("Relativity");
        axis.setId(RELATIVITY_AXIS);
        axis.setOpposite(true);
        axis.setMin(0);
        axis.setGridLineWidth(0);
        axis.addPlotLine(ChartTheme.referenceLine(1.0));
        conf.addyAxis(axis);
        DataSeries series = new DataSeries(name);
        series.setId(id);
        PlotOptionsLine line = new PlotOptionsLine();
        line.setColorIndex(ChartTheme.MODEL_RELATIVITY);
        line.setClassName("atelier-model-relativity");
        line.setTooltip(ChartTheme.pointFormat(ChartTheme.dot(name, "{point.y:.4f}")));
        series.setPlotOptions(line);
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
