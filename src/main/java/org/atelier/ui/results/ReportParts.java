package org.atelier.ui.results;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.charts.Chart;
import com.vaadin.flow.component.charts.model.Configuration;
import com.vaadin.flow.component.charts.model.PlotOptionsSeries;
import java.util.List;
import org.atelier.model.CoefficientRow;
import org.atelier.model.FactorRelativities;
import org.atelier.model.LevelRelativity;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelDiagnostics;

/**
 * The results' pieces the printed report reuses, so paper and screen draw a factor, a lift or a figure alike: the
 * charts (without animation, so a print never catches one half drawn), the metric cards, the diagnostic flags and
 * the number formats.
 */
public final class ReportParts {
    /** What the report prints for an undefined figure. */
    public static final String UNDEFINED = Formats.UNDEFINED;

    private ReportParts() {
    }

    public static Chart relativityChart(FactorRelativities factor, String id) {
        return still(RelativityCharts.of(factor, id));
    }

    public static Chart liftChart(ModelDiagnostics.Lift lift, String id) {
        return still(LiftCharts.lift(lift, id));
    }

    public static Chart lorenzChart(List<ModelDiagnostics.LorenzPoint> points, double gini, String id) {
        return still(LiftCharts.lorenz(points, gini, id));
    }

    private static Chart still(Chart chart) {
        Configuration conf = chart.getConfiguration();
        conf.getChart().setAnimation(false);
        PlotOptionsSeries series = new PlotOptionsSeries();
        series.setAnimation(false);
        conf.addPlotOptions(series);
        chart.addClassName("atelier-report-chart");
        return chart;
    }

    /** The Summary tab's cards (deviance, AIC, ... fit time), in its order. */
    public static List<Component> metricCards(ModelDetail model) {
        return List.copyOf(SummaryTab.cards(model.metrics(), model.spec().family()));
    }

    public static Component metricCard(String label, String value) {
        return new MetricCard(label, value);
    }

    /** The Diagnostics tab's sentences where the hold-out disagrees with the training rows. */
    public static List<String> diagnosticFlags(ModelDiagnostics diagnostics) {
        return DiagnosticFlags.of(diagnostics);
    }

    /** "z" or "t", the statistic the family's coefficients carry. */
    public static String statistic(ModelDetail model) {
        return SummaryTab.hasEstimatedDispersion(model.spec().family()) ? "t" : "z";
    }

    /** "R11 (base)": the base level named, as chart axes and tables write it. */
    public static String levelLabel(LevelRelativity level) {
        return RelativityCharts.levelLabel(level);
    }

    /** exp(β) of a linear term: the relativity of one more unit. */
    public static LevelRelativity perUnit(CoefficientRow slope) {
        return RelativitiesTab.perUnit(slope);
    }

    public static String estimate(double value) {
        return Formats.estimate(value);
    }

    public static String estimateInterval(double lower, double upper) {
        return Formats.estimateInterval(lower, upper);
    }

    public static String relativity(double value) {
        return Formats.relativity(value);
    }

    public static String interval(double lower, double upper) {
        return Formats.interval(lower, upper);
    }

    public static String exposure(double value) {
        return Formats.exposure(value);
    }

    public static String amount(double value) {
        return Formats.amount(value);
    }

    public static String count(long value) {
        return Formats.count(value);
    }

    public static String pValue(double p) {
        return Formats.pValue(p);
    }

    public static String ae(double ae) {
        return DiagnosticsTab.ae(ae);
    }

    public static String gini(double gini) {
        return DiagnosticsTab.gini(gini);
    }
}
