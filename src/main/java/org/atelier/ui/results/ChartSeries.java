package org.atelier.ui.results;

import com.vaadin.flow.component.charts.model.AbstractPlotOptions;
import com.vaadin.flow.component.charts.model.DataSeries;
import com.vaadin.flow.component.charts.model.DataSeriesItem;
import com.vaadin.flow.component.charts.model.Marker;
import com.vaadin.flow.component.charts.model.MarkerSymbolEnum;
import com.vaadin.flow.component.charts.model.PlotOptionsArea;
import com.vaadin.flow.component.charts.model.PlotOptionsArearange;
import com.vaadin.flow.component.charts.model.PlotOptionsColumn;
import com.vaadin.flow.component.charts.model.PlotOptionsErrorbar;
import com.vaadin.flow.component.charts.model.PlotOptionsLine;
import com.vaadin.flow.component.charts.model.PlotOptionsScatter;

/**
 * The series the results charts are made of, each in the one look every chart gives it: the exposure as a pale
 * area, intervals as error bars or a band, estimates as bars, lines or circles, each with its tooltip line (see
 * {@link ChartTheme#dot}). Data points are added by the chart.
 */
final class ChartSeries {
    static final String INTERVAL_TOOLTIP = "CI: [{point.low:.4f}, {point.high:.4f}]<br/>";

    private ChartSeries() {
    }

    static DataSeries series(String name, String id, AbstractPlotOptions options) {
        DataSeries series = new DataSeries(name);
        series.setId(id);
        series.setPlotOptions(options);
        return series;
    }

    /** A line on the given y axis, its tooltip "● name: value" in {@code valueFormat}. */
    static DataSeries line(String name, String id, int colorIndex, int yAxis, String valueFormat) {
        DataSeries line = series(name, id, lineOptions(name, colorIndex, valueFormat));
        line.setyAxis(yAxis);
        return line;
    }

    static PlotOptionsLine lineOptions(String name, int colorIndex, String valueFormat) {
        PlotOptionsLine options = new PlotOptionsLine();
        options.setColorIndex(colorIndex);
        options.setTooltip(ChartTheme.pointFormat(ChartTheme.dot(name, valueFormat)));
        return options;
    }

    /** Bars, their tooltip "● name: value" in {@code valueFormat}; {@code className} may be null. */
    static DataSeries columns(String name, String id, int colorIndex, String className, String valueFormat) {
        PlotOptionsColumn options = new PlotOptionsColumn();
        options.setColorIndex(colorIndex);
        if (className != null) {
            options.setClassName(className);
        }
        options.setTooltip(ChartTheme.pointFormat(ChartTheme.dot(name, valueFormat)));
        return series(name, id, options);
    }

    /** The exposure as a pale filled area without markers, on the given (right-hand) y axis. */
    static DataSeries exposureArea(String name, String id, int yAxis) {
        PlotOptionsArea area = new PlotOptionsArea();
        area.setColorIndex(ChartTheme.EXPOSURE);
        area.setClassName("atelier-exposure");
        area.setFillOpacity(0.2);
        area.setMarker(new Marker(false));
        area.setTooltip(ChartTheme.pointFormat(ChartTheme.dot(name, "{point.y:,.0f}")));
        DataSeries exposure = series(name, id, area);
        exposure.setyAxis(yAxis);
        return exposure;
    }

    /** Error bars, one per point added with {@link #range}. */
    static DataSeries intervals(String name, String id, String tooltip) {
        PlotOptionsErrorbar errorbar = new PlotOptionsErrorbar();
        errorbar.setClassName("atelier-ci");
        errorbar.setTooltip(ChartTheme.pointFormat(tooltip));
        return series(name, id, errorbar);
    }

    /** An interval at a category. */
    static DataSeriesItem range(String name, Number low, Number high) {
        DataSeriesItem range = new DataSeriesItem();
        range.setName(name);
        range.setLow(low);
        range.setHigh(high);
        return range;
    }

    /** An interval at x, for a band or for error bars set off their category. */
    static DataSeriesItem range(double x, Number low, Number high) {
        DataSeriesItem range = new DataSeriesItem();
        range.setX(x);
        range.setLow(low);
        range.setHigh(high);
        return range;
    }

    /** A confidence band around a curve, points added with {@link #range(double, Number, Number)}. */
    static DataSeries band(String name, String id, int colorIndex, String tooltip) {
        PlotOptionsArearange options = new PlotOptionsArearange();
        options.setColorIndex(colorIndex);
        options.setClassName("atelier-ci-band");
        options.setFillOpacity(0.2);
        options.setLineWidth(0);
        options.setTooltip(ChartTheme.pointFormat(tooltip));
        return series(name, id, options);
    }

    /** Estimates as circles, where a bar would suggest a quantity from zero (a coefficient, two models side by side). */
    static DataSeries markers(String name, String id, int colorIndex, String tooltip) {
        PlotOptionsScatter scatter = new PlotOptionsScatter();
        scatter.setColorIndex(colorIndex);
        Marker marker = new Marker(true);
        marker.setSymbol(MarkerSymbolEnum.CIRCLE);
        marker.setRadius(5);
        scatter.setMarker(marker);
        scatter.setTooltip(ChartTheme.pointFormat(tooltip));
        return series(name, id, scatter);
    }
}
