package org.atelier.ui.results;

import com.vaadin.flow.component.charts.Chart;
import com.vaadin.flow.component.charts.model.Configuration;
import com.vaadin.flow.component.charts.model.DataSeries;
import com.vaadin.flow.component.charts.model.DataSeriesItem;
import com.vaadin.flow.component.charts.model.Label;
import com.vaadin.flow.component.charts.model.Marker;
import com.vaadin.flow.component.charts.model.PlotLine;
import com.vaadin.flow.component.charts.model.PlotOptionsLine;
import com.vaadin.flow.component.charts.model.XAxis;
import com.vaadin.flow.component.charts.model.YAxis;
import java.util.List;
import org.atelier.model.CurvePoint;
import org.atelier.model.FactorRelativities;
import org.atelier.model.LevelRelativity;

/**
 * The Emblem-style relativity chart. A categorical factor: one bar per level with its 95% interval
 * as error bars, the exposure behind each level as a filled area on a second axis, a dashed reference at 1.0
 * and the base level marked. A continuous term: the fitted curve exp(f(x) − f(b)) inside its confidence band, with
 * its base value b marked by a labelled vertical line ("base 50 (exposure-weighted median)") where the curve is 1.
 */
final class RelativityCharts {
    static final String RELATIVITY = "relativity";
    static final String INTERVAL = "relativity-ci";
    static final String EXPOSURE = "exposure";
    static final String CURVE = "curve";
    static final String BAND = "curve-band";
    static final String BASE_LINE = "atelier-base-value";

    private RelativityCharts() {
    }

    static Chart of(FactorRelativities factor, String id) {
        return factor.hasLevels() ? levels(factor, id) : curve(factor, id);
    }

    static Chart levels(FactorRelativities factor, String id) {
        Chart chart = ChartTheme.chart(id, "atelier-relativity-chart");
        Configuration conf = chart.getConfiguration();
        List<LevelRelativity> levels = factor.levelRows();

        conf.addxAxis(ChartTheme.categoryAxis(levels.stream().map(RelativityCharts::levelLabel).toList()));

        YAxis relativityAxis = ChartTheme.axis("Relativity");
        relativityAxis.setMin(0);
        relativityAxis.addPlotLine(ChartTheme.referenceLine(1.0));
        conf.addyAxis(relativityAxis);
        conf.addyAxis(ChartTheme.rightAxis("Exposure"));

        // one box per level: relativity, interval and exposure together
        ChartTheme.sharedTooltip(conf, "Level: {point.key}");

        DataSeries exposure = ChartSeries.exposureArea("Exposure", EXPOSURE, 1);
        DataSeries bars = ChartSeries.columns("Relativity", RELATIVITY, ChartTheme.RELATIVITY, "atelier-relativity",
                "{point.y:.4f}");
        DataSeries interval = ChartSeries.intervals("95% CI", INTERVAL, ChartSeries.INTERVAL_TOOLTIP);

        for (LevelRelativity level : levels) {
            String label = ChartTheme.text(levelLabel(level));
            exposure.add(new DataSeriesItem(label, level.exposure()));
            DataSeriesItem bar = new DataSeriesItem(label, level.relativity());
            if (level.base()) {
                bar.setClassName(ChartTheme.BASE_LEVEL);
            }
            bars.add(bar);
            interval.add(ChartSeries.range(label, level.ciLower(), level.ciUpper()));
        }
        // drawn in this order: the exposure area behind the bars, the intervals on top
        conf.addSeries(exposure);
        conf.addSeries(bars);
        conf.addSeries(interval);
        return chart;
    }

    static Chart curve(FactorRelativities factor, String id) {
        Chart chart = ChartTheme.chart(id, "atelier-curve-chart");
        Configuration conf = chart.getConfiguration();
        XAxis x = ChartTheme.xAxis(ChartTheme.text(factor.factor()));
        if (factor.baseLabel() != null) {
            x.addPlotLine(baseLine(factor.base(), factor.baseLabel()));
        }
        conf.addxAxis(x);
        YAxis y = ChartTheme.axis("Relativity");
        y.addPlotLine(ChartTheme.referenceLine(1.0));
        conf.addyAxis(y);
        ChartTheme.sharedTooltip(conf, ChartTheme.text(factor.factor()) + ": {point.key:.2f}");
        conf.addSeries(band(factor.curve(), "95% CI", BAND, ChartTheme.RELATIVITY));
        conf.addSeries(line(factor.curve(), "Relativity", CURVE, ChartTheme.RELATIVITY));
        return chart;
    }

    /** The vertical line at the curve's base value, labelled with the value and how it was chosen. */
    static PlotLine baseLine(double base, String label) {
        PlotLine line = ChartTheme.referenceLine(base);
        line.setClassName(ChartTheme.REFERENCE_LINE + " " + BASE_LINE);
        line.setId(BASE_LINE);
        Label text = new Label();
        text.setText(label);
        text.setRotation(0);
        text.setY(14);
        text.setX(4);
        line.setLabel(text);
        return line;
    }

    static DataSeries band(List<CurvePoint> curve, String name, String id, int colorIndex) {
        DataSeries band = ChartSeries.band(name, id, colorIndex, ChartSeries.INTERVAL_TOOLTIP);
        for (CurvePoint p : curve) {
            band.add(ChartSeries.range(p.x(), p.lower(), p.upper()));
        }
        return band;
    }

    static DataSeries line(List<CurvePoint> curve, String name, String id, int colorIndex) {
        PlotOptionsLine options = ChartSeries.lineOptions(name, colorIndex, "{point.y:.4f}");
        options.setMarker(new Marker(false));
        DataSeries line = ChartSeries.series(name, id, options);
        for (CurvePoint p : curve) {
            line.add(new DataSeriesItem(p.x(), p.relativity()));
        }
        return line;
    }

    /** "R11 (base)": the base level is named on the axis too, so the mark survives a black-and-white print. */
    static String levelLabel(LevelRelativity level) {
        return level.base() ? level.level() + " (base)" : level.level();
    }
}
