package org.atelier.ui.results;

import com.vaadin.flow.component.charts.Chart;
import com.vaadin.flow.component.charts.model.AxisTitle;
import com.vaadin.flow.component.charts.model.Configuration;
import com.vaadin.flow.component.charts.model.DashStyle;
import com.vaadin.flow.component.charts.model.DataSeries;
import com.vaadin.flow.component.charts.model.DataSeriesItem;
import com.vaadin.flow.component.charts.model.Marker;
import com.vaadin.flow.component.charts.model.PlotOptionsArea;
import com.vaadin.flow.component.charts.model.PlotOptionsColumn;
import com.vaadin.flow.component.charts.model.PlotOptionsErrorbar;
import com.vaadin.flow.component.charts.model.PlotOptionsLine;
import com.vaadin.flow.component.charts.model.XAxis;
import com.vaadin.flow.component.charts.model.YAxis;
import java.util.List;
import java.util.stream.IntStream;
import org.atelier.model.ModelDiagnostics.DoubleLiftBucket;
import org.atelier.model.ModelDiagnostics.Lift;
import org.atelier.model.ModelDiagnostics.LiftBucket;
import org.atelier.model.ModelDiagnostics.LorenzPoint;

/**
 * The Lift tab's charts. Lift: per bucket of equal exposure (ranked by predicted rate) the A/E bar with its 95%
 * interval, the actual and predicted rates as lines on a second axis and the exposure as an area on a third.
 * Lorenz: cumulative share of actual against cumulative share of exposure, riskiest first, over the diagonal of a
 * model that ranks nothing. Double lift: actual and both models' expected, each as an index to its own average.
 */
final class LiftCharts {
    static final int ACTUAL = 3;
    static final String AE = "ae";
    static final String AE_INTERVAL = "ae-ci";
    static final String ACTUAL_RATE = "actual-rate";
    static final String PREDICTED_RATE = "predicted-rate";
    static final String EXPOSURE = "exposure";
    static final String LORENZ = "lorenz";
    static final String DIAGONAL = "diagonal";

    private LiftCharts() {
    }

    static Chart lift(Lift lift, String id) {
        Chart chart = ChartTheme.chart(id, "atelier-lift-chart");
        Configuration conf = chart.getConfiguration();
        List<LiftBucket> buckets = lift.buckets();
        conf.addxAxis(bucketAxis(buckets.size()));
        YAxis aeAxis = ChartTheme.axis("A/E");
        aeAxis.setMin(0);
        aeAxis.addPlotLine(ChartTheme.referenceLine(1.0));
        conf.addyAxis(aeAxis);
        YAxis rateAxis = ChartTheme.axis("Rate");
        rateAxis.setOpposite(true);
        rateAxis.setMin(0);
        rateAxis.setGridLineWidth(0);
        conf.addyAxis(rateAxis);
        conf.addyAxis(exposureAxis(buckets.stream().mapToDouble(LiftBucket::exposure).max().orElse(0)));
        conf.getTooltip().setShared(true);
        conf.getTooltip().setHeaderFormat("<span class=\"highcharts-header\">Bucket {point.key}</span><br/>");

        DataSeries exposure = area("Exposure", EXPOSURE, 2);
        DataSeries ae = new DataSeries("A/E");
        ae.setId(AE);
        PlotOptionsColumn column = new PlotOptionsColumn();
        column.setColorIndex(ChartTheme.RELATIVITY);
        column.setClassName("atelier-ae");
        column.setTooltip(ChartTheme.pointFormat(ChartTheme.dot("A/E", "{point.y:.3f}")));
        ae.setPlotOptions(column);
        DataSeries interval = new DataSeries("95% interval");
        interval.setId(AE_INTERVAL);
        PlotOptionsErrorbar errorbar = new PlotOptionsErrorbar();
        errorbar.setClassName("atelier-ci");
        errorbar.setTooltip(ChartTheme.pointFormat("95% interval: [{point.low:.3f}, {point.high:.3f}]<br/>"));
        interval.setPlotOptions(errorbar);
        DataSeries actual = line("Actual rate", ACTUAL_RATE, ACTUAL, 1, "{point.y:.4f}");
        DataSeries predicted = line("Predicted rate", PREDICTED_RATE, ChartTheme.SECOND_MODEL, 1, "{point.y:.4f}");
        for (LiftBucket b : buckets) {
            String name = Integer.toString(b.bucket());
            exposure.add(new DataSeriesItem(name, b.exposure()));
            ae.add(new DataSeriesItem(name, b.ae()));
            DataSeriesItem range = new DataSeriesItem();
            range.setName(name);
            range.setLow(b.aeLower());
            range.setHigh(b.aeUpper());
            interval.add(range);
            actual.add(new DataSeriesItem(name, b.actualRate()));
            predicted.add(new DataSeriesItem(name, b.predictedRate()));
        }
        conf.addSeries(exposure);
        conf.addSeries(ae);
        conf.addSeries(interval);
        conf.addSeries(actual);
        conf.addSeries(predicted);
        return chart;
    }

    static Chart lorenz(List<LorenzPoint> points, double gini, String id) {
        Chart chart = ChartTheme.chart(id, "atelier-lorenz-chart");
        Configuration conf = chart.getConfiguration();
        conf.setTitle(String.format(java.util.Locale.ROOT, "Gini %.4f", gini));
        XAxis x = new XAxis();
        x.setTitle(new AxisTitle("Share of exposure, highest predicted rate first"));
        x.setMin(0);
        x.setMax(1);
        conf.addxAxis(x);
        YAxis y = ChartTheme.axis("Share of actual");
        y.setMin(0);
        y.setMax(1);
        conf.addyAxis(y);
        DataSeries curve = line("Lorenz curve", LORENZ, ChartTheme.RELATIVITY, 0, "{point.y:.3f}");
        for (LorenzPoint p : points) {
            curve.add(new DataSeriesItem(p.exposureShare(), p.actualShare()));
        }
        DataSeries diagonal = line("No ranking", DIAGONAL, ACTUAL, 0, "{point.y:.3f}");
        ((PlotOptionsLine) diagonal.getPlotOptions()).setDashStyle(DashStyle.DASH);
        diagonal.add(new DataSeriesItem(0, 0));
        diagonal.add(new DataSeriesItem(1, 1));
        conf.addSeries(curve);
        conf.addSeries(diagonal);
        return chart;
    }

    /** {@code other} is model A (the one compared against), {@code shown} model B, the one whose results these are. */
    static Chart doubleLift(List<DoubleLiftBucket> buckets, String other, String shown, String id) {
        Chart chart = ChartTheme.chart(id, "atelier-double-lift-chart");
        Configuration conf = chart.getConfiguration();
        XAxis x = bucketAxis(buckets.size());
        x.setTitle(new AxisTitle("Bucket by " + ChartTheme.text(shown) + " / " + ChartTheme.text(other) + " predicted, ascending"));
        conf.addxAxis(x);
        YAxis index = ChartTheme.axis("Index to average");
        index.addPlotLine(ChartTheme.referenceLine(1.0));
        conf.addyAxis(index);
        conf.addyAxis(exposureAxis(buckets.stream().mapToDouble(DoubleLiftBucket::exposure).max().orElse(0)));
        conf.getTooltip().setShared(true);
        conf.getTooltip().setHeaderFormat("<span class=\"highcharts-header\">Bucket {point.key}</span><br/>");
        DataSeries exposure = area("Exposure", EXPOSURE, 1);
        DataSeries actual = line("Actual", "actual-index", ACTUAL, 0, "{point.y:.3f}");
        DataSeries a = line(other, "other-index", ChartTheme.RELATIVITY, 0, "{point.y:.3f}");
        DataSeries b = line(shown, "shown-index", ChartTheme.SECOND_MODEL, 0, "{point.y:.3f}");
        for (DoubleLiftBucket bucket : buckets) {
            String name = Integer.toString(bucket.bucket());
            exposure.add(new DataSeriesItem(name, bucket.exposure()));
            actual.add(new DataSeriesItem(name, bucket.actualIndex()));
            a.add(new DataSeriesItem(name, bucket.expectedAIndex()));
            b.add(new DataSeriesItem(name, bucket.expectedBIndex()));
        }
        conf.addSeries(exposure);
        conf.addSeries(actual);
        conf.addSeries(a);
        conf.addSeries(b);
        return chart;
    }

    /**
     * Buckets hold near-equal exposure by construction, so the exposure is a flat band: kept in the lower third of
     * the plot, where it shows a thin bucket without hiding the bars.
     */
    private static YAxis exposureAxis(double largest) {
        YAxis axis = ChartTheme.axis("Exposure");
        axis.setOpposite(true);
        axis.setMin(0);
        if (largest > 0) {
            axis.setMax(3 * largest);
        }
        axis.setGridLineWidth(0);
        return axis;
    }

    private static XAxis bucketAxis(int k) {
        XAxis x = new XAxis();
        x.setTitle(new AxisTitle("Bucket (equal exposure, by predicted rate)"));
        x.setCategories(IntStream.rangeClosed(1, k).mapToObj(Integer::toString).toArray(String[]::new));
        return x;
    }

    static DataSeries line(String name, String id, int colorIndex, int yAxis, String valueFormat) {
        DataSeries line = new DataSeries(name);
        line.setId(id);
        PlotOptionsLine options = new PlotOptionsLine();
        options.setColorIndex(colorIndex);
        options.setTooltip(ChartTheme.pointFormat(ChartTheme.dot(name, valueFormat)));
        line.setPlotOptions(options);
        line.setyAxis(yAxis);
        return line;
    }

    static DataSeries area(String name, String id, int yAxis) {
        DataSeries exposure = new DataSeries(name);
        exposure.setId(id);
        PlotOptionsArea area = new PlotOptionsArea();
        area.setColorIndex(ChartTheme.EXPOSURE);
        area.setClassName("atelier-exposure");
        area.setFillOpacity(0.2);
        area.setMarker(new Marker(false));
        area.setTooltip(ChartTheme.pointFormat(ChartTheme.dot(name, "{point.y:,.0f}")));
        exposure.setPlotOptions(area);
        exposure.setyAxis(yAxis);
        return exposure;
    }
}
