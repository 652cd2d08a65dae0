package org.atelier.ui.results;

import com.vaadin.flow.component.charts.Chart;
import com.vaadin.flow.component.charts.model.AxisTitle;
import com.vaadin.flow.component.charts.model.Configuration;
import com.vaadin.flow.component.charts.model.DashStyle;
import com.vaadin.flow.component.charts.model.DataSeries;
import com.vaadin.flow.component.charts.model.DataSeriesItem;
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
    private static final String BUCKET_HEADER = "Bucket {point.key}";

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
        conf.addyAxis(ChartTheme.rightAxis("Rate"));
        conf.addyAxis(exposureAxis(buckets.stream().mapToDouble(LiftBucket::exposure).max().orElse(0)));
        ChartTheme.sharedTooltip(conf, BUCKET_HEADER);

        DataSeries exposure = ChartSeries.exposureArea("Exposure", EXPOSURE, 2);
        DataSeries ae = ChartSeries.columns("A/E", AE, ChartTheme.RELATIVITY, "atelier-ae", "{point.y:.3f}");
        DataSeries interval = ChartSeries.intervals("95% interval", AE_INTERVAL,
                "95% interval: [{point.low:.3f}, {point.high:.3f}]<br/>");
        DataSeries actual = ChartSeries.line("Actual rate", ACTUAL_RATE, ACTUAL, 1, "{point.y:.4f}");
        DataSeries predicted = ChartSeries.line("Predicted rate", PREDICTED_RATE, ChartTheme.SECOND_MODEL, 1,
                "{point.y:.4f}");
        for (LiftBucket b : buckets) {
            String name = Integer.toString(b.bucket());
            exposure.add(new DataSeriesItem(name, b.exposure()));
            ae.add(new DataSeriesItem(name, b.ae()));
            interval.add(ChartSeries.range(name, b.aeLower(), b.aeUpper()));
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
        XAxis x = ChartTheme.xAxis("Share of exposure, highest predicted rate first");
        x.setMin(0);
        x.setMax(1);
        conf.addxAxis(x);
        YAxis y = ChartTheme.axis("Share of actual");
        y.setMin(0);
        y.setMax(1);
        conf.addyAxis(y);
        DataSeries curve = ChartSeries.line("Lorenz curve", LORENZ, ChartTheme.RELATIVITY, 0, "{point.y:.3f}");
        for (LorenzPoint p : points) {
            curve.add(new DataSeriesItem(p.exposureShare(), p.actualShare()));
        }
        DataSeries diagonal = ChartSeries.line("No ranking", DIAGONAL, ACTUAL, 0, "{point.y:.3f}");
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
        ChartTheme.sharedTooltip(conf, BUCKET_HEADER);
        DataSeries exposure = ChartSeries.exposureArea("Exposure", EXPOSURE, 1);
        DataSeries actual = ChartSeries.line("Actual", "actual-index", ACTUAL, 0, "{point.y:.3f}");
        DataSeries a = ChartSeries.line(other, "other-index", ChartTheme.RELATIVITY, 0, "{point.y:.3f}");
        DataSeries b = ChartSeries.line(shown, "shown-index", ChartTheme.SECOND_MODEL, 0, "{point.y:.3f}");
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
        YAxis axis = ChartTheme.rightAxis("Exposure");
        if (largest > 0) {
            axis.setMax(3 * largest);
        }
        return axis;
    }

    private static XAxis bucketAxis(int k) {
        XAxis x = ChartTheme.xAxis("Bucket (equal exposure, by predicted rate)");
        x.setCategories(IntStream.rangeClosed(1, k).mapToObj(Integer::toString).toArray(String[]::new));
        return x;
    }
}
