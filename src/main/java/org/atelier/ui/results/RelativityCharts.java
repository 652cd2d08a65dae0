package org.atelier.ui.results;

import com.vaadin.flow.component.charts.Chart;
import com.vaadin.flow.component.charts.model.AxisTitle;
import com.vaadin.flow.component.charts.model.Configuration;
import com.vaadin.flow.component.charts.model.DataSeries;
import com.vaadin.flow.component.charts.model.DataSeriesItem;
import com.vaadin.flow.component.charts.model.Label;
import com.vaadin.flow.component.charts.model.Labels;
import com.vaadin.flow.component.charts.model.Marker;
import com.vaadin.flow.component.charts.model.PlotOptionsArea;
import com.vaadin.flow.component.charts.model.PlotOptionsArearange;
import com.vaadin.flow.component.charts.model.PlotOptionsColumn;
import com.vaadin.flow.component.charts.model.PlotOptionsErrorbar;
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

        XAxis x = new XAxis();
        x.setCategories(levels.stream().map(l -> ChartTheme.text(levelLabel(l))).toArray(String[]::new));
        Labels labels = new Labels();
        labels.setRotation(-45); // level names such as "R11" or "B12" overlap when written horizontally
        x.setLabels(labels);
        conf.addxAxis(x);

        YAxis relativityAxis = ChartTheme.axis("Relativity");
        relativityAxis.setMin(0);
        relativityAxis.addPlotLine(ChartTheme.referenceLine(1.0));
        conf.addyAxis(relativityAxis);
        YAxis exposureAxis = ChartTheme.axis("Exposure");
        exposureAxis.setOpposite(true);
        exposureAxis.setMin(0);
        exposureAxis.setGridLineWidth(0);
        conf.addyAxis(exposureAxis);

        conf.getTooltip().setShared(true); // one box per level: relativity, interval and exposure together
        conf.getTooltip().setHeaderFormat("<span class=\"highcharts-header\">Level: {point.key}</span><br/>");

        DataSeries exposure = new DataSeries("Exposure");
        exposure.setId(EXPOSURE);
        PlotOptionsArea area = new PlotOptionsArea();
        area.setColorIndex(ChartTheme.EXPOSURE);
        area.setClassName("atelier-exposure");
        area.setFillOpacity(0.2);
        area.setMarker(new Marker(false));
        area.setTooltip(ChartTheme.pointFormat(ChartTheme.dot("Exposure", "{point.y:,.0f}")));
        exposure.setPlotOptions(area);
        exposure.setyAxis(1);

        DataSeries bars = new DataSeries("Relativity");
        bars.setId(RELATIVITY);
        PlotOptionsColumn column = new PlotOptionsColumn();
        column.setColorIndex(ChartTheme.RELATIVITY);
        column.setClassName("atelier-relativity");
        column.setTooltip(ChartTheme.pointFormat(ChartTheme.dot("Relativity", "{point.y:.4f}")));
        bars.setPlotOptions(column);

        DataSeries interval = new DataSeries("95% CI");
        interval.setId(INTERVAL);
        PlotOptionsErrorbar errorbar = new PlotOptionsErrorbar();
        errorbar.setClassName("atelier-ci");
        errorbar.setTooltip(ChartTheme.pointFormat("CI: [{point.low:.4f}, {point.high:.4f}]<br/>"));
        interval.setPlotOptions(errorbar);

        for (LevelRelativity level : levels) {
            String label = ChartTheme.text(levelLabel(level));
            exposure.add(new DataSeriesItem(label, level.exposure()));
            DataSeriesItem bar = new DataSeriesItem(label, level.relativity());
            if (level.base()) {
                bar.setClassName(ChartTheme.BASE_LEVEL);
            }
            bars.add(bar);
            DataSeriesItem range = new DataSeriesItem();
            range.setName(label);
            range.setLow(level.ciLower());
            range.setHigh(level.ciUpper());
            interval.add(range);
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
        XAxis x = new XAxis();
        x.setTitle(new AxisTitle(ChartTheme.text(factor.factor())));
        if (factor.baseLabel() != null) {
            x.addPlotLine(baseLine(factor.base(), factor.baseLabel()));
        }
        conf.addxAxis(x);
        YAxis y = ChartTheme.axis("Relativity");
        y.addPlotLine(ChartTheme.referenceLine(1.0));
        conf.addyAxis(y);
        conf.getTooltip().setShared(true);
        conf.getTooltip().setHeaderFormat("<span class=\"highcharts-header\">" + ChartTheme.text(factor.factor())
                + ": {point.key:.2f}</span><br/>");
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
        DataSeries band = new DataSeries(name);
        band.setId(id);
        PlotOptionsArearange options = new PlotOptionsArearange();
        options.setColorIndex(colorIndex);
        options.setClassName("atelier-ci-band");
        options.setFillOpacity(0.2);
        options.setLineWidth(0);
        options.setTooltip(ChartTheme.pointFormat("CI: [{point.low:.4f}, {point.high:.4f}]<br/>"));
        band.setPlotOptions(options);
        for (CurvePoint p : curve) {
            DataSeriesItem item = new DataSeriesItem();
            item.setX(p.x());
            item.setLow(p.lower());
            item.setHigh(p.upper());
            band.add(item);
        }
        return band;
    }

    static DataSeries line(List<CurvePoint> curve, String name, String id, int colorIndex) {
        DataSeries line = new DataSeries(name);
        line.setId(id);
        PlotOptionsLine options = new PlotOptionsLine();
        options.setColorIndex(colorIndex);
        options.setMarker(new Marker(false));
        options.setTooltip(ChartTheme.pointFormat(ChartTheme.dot(name, "{point.y:.4f}")));
        line.setPlotOptions(options);
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
