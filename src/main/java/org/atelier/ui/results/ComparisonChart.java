package org.atelier.ui.results;

import com.vaadin.flow.component.charts.Chart;
import com.vaadin.flow.component.charts.model.Configuration;
import com.vaadin.flow.component.charts.model.DataSeries;
import com.vaadin.flow.component.charts.model.DataSeriesItem;
import com.vaadin.flow.component.charts.model.PlotOptionsErrorbar;
import com.vaadin.flow.component.charts.model.YAxis;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.atelier.model.FactorRelativities;
import org.atelier.model.LevelRelativity;

/**
 * Two models' relativities for one factor in one chart: per level a marker with its interval for each model,
 * set slightly apart so both intervals stay readable; for a continuous term the two curves with their bands.
 */
final class ComparisonChart {
    /** How far each model's markers sit from the level's centre, in category widths. */
    static final double OFFSET = 0.15;

    private ComparisonChart() {
    }

    static Chart of(FactorRelativities first, String firstLabel, FactorRelativities second, String secondLabel) {
        if (first.hasLevels() && second.hasLevels()) {
            return levels(first, firstLabel, second, secondLabel);
        }
        Chart chart = ChartTheme.chart("comparison-chart", "atelier-comparison-chart");
        Configuration conf = chart.getConfiguration();
        conf.addxAxis(ChartTheme.xAxis(ChartTheme.text(first.factor())));
        YAxis y = ChartTheme.axis("Relativity");
        y.addPlotLine(ChartTheme.referenceLine(1.0));
        conf.addyAxis(y);
        ChartTheme.sharedTooltip(conf, null);
        conf.addSeries(RelativityCharts.band(first.curve(), firstLabel + " 95% CI", "first-ci", ChartTheme.RELATIVITY));
        conf.addSeries(RelativityCharts.line(first.curve(), firstLabel, "first", ChartTheme.RELATIVITY));
        conf.addSeries(RelativityCharts.band(second.curve(), secondLabel + " 95% CI", "second-ci",
                ChartTheme.SECOND_MODEL));
        conf.addSeries(RelativityCharts.line(second.curve(), secondLabel, "second", ChartTheme.SECOND_MODEL));
        return chart;
    }

    private static Chart levels(FactorRelativities first, String firstLabel, FactorRelativities second,
                                String secondLabel) {
        Chart chart = ChartTheme.chart("comparison-chart", "atelier-comparison-chart");
        Configuration conf = chart.getConfiguration();
        // levels of both models: a level grouped away in one model still shows the other's estimate
        Set<String> union = new LinkedHashSet<>();
        first.levelRows().forEach(l -> union.add(l.level()));
        second.levelRows().forEach(l -> union.add(l.level()));
        List<String> levels = new ArrayList<>(union);
        conf.addxAxis(ChartTheme.categoryAxis(levels));
        YAxis y = ChartTheme.axis("Relativity");
        y.setMin(0);
        y.addPlotLine(ChartTheme.referenceLine(1.0));
        conf.addyAxis(y);
        conf.getTooltip().setHeaderFormat("");
        addModel(conf, first, firstLabel, "first", ChartTheme.RELATIVITY, levels, -OFFSET);
        addModel(conf, second, secondLabel, "second", ChartTheme.SECOND_MODEL, levels, OFFSET);
        return chart;
    }

    private static void addModel(Configuration conf, FactorRelativities factor, String label, String id,
                                 int colorIndex, List<String> levels, double offset) {
        DataSeries markers = ChartSeries.markers(label, id, colorIndex,
                ChartTheme.dot(label + " · {point.name}", "{point.y:.4f}"));
        DataSeries interval = ChartSeries.intervals(label + " 95% CI", id + "-ci", ChartSeries.INTERVAL_TOOLTIP);
        PlotOptionsErrorbar errorbar = (PlotOptionsErrorbar) interval.getPlotOptions();
        errorbar.setColorIndex(colorIndex);
        errorbar.setClassName("atelier-ci atelier-ci-colored");
        errorbar.setLinkedTo(id); // one legend entry per model: hiding the model hides its intervals too
        for (LevelRelativity level : factor.levelRows()) {
            double position = levels.indexOf(level.level()) + offset;
            DataSeriesItem point = new DataSeriesItem(position, level.relativity());
            point.setName(ChartTheme.text(RelativityCharts.levelLabel(level)));
            markers.add(point);
            interval.add(ChartSeries.range(position, level.ciLower(), level.ciUpper()));
        }
        conf.addSeries(markers);
        conf.addSeries(interval);
    }
}
