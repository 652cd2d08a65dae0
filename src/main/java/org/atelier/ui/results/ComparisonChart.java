package org.atelier.ui.results;

import com.vaadin.flow.component.charts.Chart;
import com.vaadin.flow.component.charts.model.AxisTitle;
import com.vaadin.flow.component.charts.model.Configuration;
import com.vaadin.flow.component.charts.model.DataSeries;
import com.vaadin.flow.component.charts.model.DataSeriesItem;
import com.vaadin.flow.component.charts.model.Labels;
import com.vaadin.flow.component.charts.model.Marker;
import com.vaadin.flow.component.charts.model.MarkerSymbolEnum;
import com.vaadin.flow.component.charts.model.PlotOptionsErrorbar;
import com.vaadin.flow.component.charts.model.PlotOptionsScatter;
import com.vaadin.flow.component.charts.model.XAxis;
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
        XAxis x = new XAxis();
        x.setTitle(new AxisTitle(ChartTheme.text(first.factor())));
        conf.addxAxis(x);
        YAxis y = ChartTheme.axis("Relativity");
        y.addPlotLine(ChartTheme.referenceLine(1.0));
        conf.addyAxis(y);
        conf.getTooltip().setShared(true);
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
        XAxis x = new XAxis();
        x.setCategories(levels.stream().map(ChartTheme::text).toArray(String[]::new));
        Labels labels = new Labels();
        labels.setRotation(-45);
        x.setLabels(labels);
        conf.addxAxis(x);
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
        DataSeries markers = new DataSeries(label);
        markers.setId(id);
        PlotOptionsScatter scatter = new PlotOptionsScatter();
        scatter.setColorIndex(colorIndex);
        Marker marker = new Marker(true);
        marker.setSymbol(MarkerSymbolEnum.CIRCLE);
        marker.setRadius(5);
        scatter.setMarker(marker);
        scatter.setTooltip(ChartTheme.pointFormat(ChartTheme.dot(label + " · {point.name}", "{point.y:.4f}")));
        markers.setPlotOptions(scatter);
        DataSeries interval = new DataSeries(label + " 95% CI");
        interval.setId(id + "-ci");
        PlotOptionsErrorbar errorbar = new PlotOptionsErrorbar();
        errorbar.setColorIndex(colorIndex);
        errorbar.setClassName("atelier-ci atelier-ci-colored");
        errorbar.setLinkedTo(id); // one legend entry per model: hiding the model hides its intervals too
        errorbar.setTooltip(ChartTheme.pointFormat("CI: [{point.low:.4f}, {point.high:.4f}]<br/>"));
        interval.setPlotOptions(errorbar);
        for (LevelRelativity level : factor.levelRows()) {
            double position = levels.indexOf(level.level()) + offset;
            DataSeriesItem point = new DataSeriesItem(position, level.relativity());
            point.setName(ChartTheme.text(RelativityCharts.levelLabel(level)));
            markers.add(point);
            DataSeriesItem range = new DataSeriesItem();
            range.setX(position);
            range.setLow(level.ciLower());
            range.setHigh(level.ciUpper());
            interval.add(range);
        }
        conf.addSeries(markers);
        conf.addSeries(interval);
    }
}
