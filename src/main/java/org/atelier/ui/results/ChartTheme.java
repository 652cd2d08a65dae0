package org.atelier.ui.results;

import com.vaadin.flow.component.charts.Chart;
import com.vaadin.flow.component.charts.model.AxisTitle;
import com.vaadin.flow.component.charts.model.Configuration;
import com.vaadin.flow.component.charts.model.DashStyle;
import com.vaadin.flow.component.charts.model.HorizontalAlign;
import com.vaadin.flow.component.charts.model.Labels;
import com.vaadin.flow.component.charts.model.LayoutDirection;
import com.vaadin.flow.component.charts.model.Legend;
import com.vaadin.flow.component.charts.model.PlotLine;
import com.vaadin.flow.component.charts.model.SeriesTooltip;
import com.vaadin.flow.component.charts.model.VerticalAlign;
import com.vaadin.flow.component.charts.model.XAxis;
import com.vaadin.flow.component.charts.model.YAxis;
import java.util.List;

/**
 * The shared look of the results charts. Vaadin Charts runs in styled mode, so colours are not set
 * here but chosen by colour index and series class; atelier.css maps the indexes to the product's palette
 * (blue relativity, amber exposure, ...) for both Lumo themes and for print, and styles the dashed reference line.
 */
final class ChartTheme {
    /** Colour indexes, see --vaadin-charts-color-N in atelier.css. */
    static final int RELATIVITY = 0;
    static final int EXPOSURE = 1;
    static final int SECOND_MODEL = 2;
    /** A model's relativity drawn beside observed and fitted rates (the model one-way view). */
    static final int MODEL_RELATIVITY = 4;

    static final String REFERENCE_LINE = "atelier-reference-line";
    static final String BASE_LEVEL = "atelier-base-level";

    private ChartTheme() {
    }

    static Chart chart(String id, String kindClass) {
        Chart chart = new Chart();
        chart.setId(id);
        chart.addClassNames("atelier-chart", kindClass);
        chart.setWidthFull();
        chart.setHeight("360px");
        Configuration conf = chart.getConfiguration();
        // Vaadin Charts 25 defaults to Highcharts' own (white, light-only) colours; styled mode takes them
        // from CSS instead, so the chart follows the Lumo theme and atelier.css
        conf.getChart().setStyledMode(true);
        conf.getChart().setSpacingTop(20);
        Legend legend = conf.getLegend();
        legend.setLayout(LayoutDirection.HORIZONTAL);
        legend.setAlign(HorizontalAlign.CENTER);
        legend.setVerticalAlign(VerticalAlign.BOTTOM);
        return chart;
    }

    /**
     * The dashed line a relativity is read against (1.0), or an estimate (0.0). The dash is drawn by CSS in
     * styled mode; dashStyle and width keep it dashed in an unstyled export.
     */
    static PlotLine referenceLine(double value) {
        PlotLine line = new PlotLine();
        line.setValue(value);
        line.setClassName(REFERENCE_LINE);
        line.setDashStyle(DashStyle.DASH);
        line.setWidth(1);
        line.setZIndex(4);
        return line;
    }

    static YAxis axis(String title) {
        YAxis axis = new YAxis();
        axis.setTitle(new AxisTitle(title));
        return axis;
    }

    /**
     * A value axis on the right, from 0 and without grid lines of its own, so that its lines do not cross the main
     * axis' (the exposure behind the bars, a second rate, a model's relativity).
     */
    static YAxis rightAxis(String title) {
        YAxis axis = axis(title);
        axis.setOpposite(true);
        axis.setMin(0);
        axis.setGridLineWidth(0);
        return axis;
    }

    static XAxis xAxis(String title) {
        XAxis x = new XAxis();
        x.setTitle(new AxisTitle(title));
        return x;
    }

    /**
     * An axis of named categories (levels, bands, features) as chart text, turned by 45°: names such as "R11" or
     * "18 – 25" overlap when written horizontally.
     */
    static XAxis categoryAxis(List<String> names) {
        XAxis x = new XAxis();
        x.setCategories(names.stream().map(ChartTheme::text).toArray(String[]::new));
        Labels labels = new Labels();
        labels.setRotation(-45);
        x.setLabels(labels);
        return x;
    }

    /**
     * One tooltip box for every series at the hovered point (a bar, its interval and its exposure together), headed
     * by {@code header} (Highcharts' format, e.g. "Level: {point.key}") or by Highcharts' default when null.
     */
    static void sharedTooltip(Configuration conf, String header) {
        conf.getTooltip().setShared(true);
        if (header != null) {
            conf.getTooltip().setHeaderFormat("<span class=\"highcharts-header\">" + header + "</span><br/>");
        }
    }

    static SeriesTooltip pointFormat(String format) {
        SeriesTooltip tooltip = new SeriesTooltip();
        tooltip.setPointFormat(format);
        return tooltip;
    }

    /**
     * A level, factor or feature name as chart text: HTML-escaped, so a level named {@code <b>B</b>} is shown as
     * written in axis labels and tooltips instead of being drawn bold (Highcharts reads a subset of HTML in both).
     * Every name that comes from the data goes through here.
     */
    static String text(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** "● Relativity: 1.1570" with the series' own colour dot, as Highcharts draws it in styled mode. */
    static String dot(String label, String value) {
        return "<span class=\"highcharts-color-{point.colorIndex}\">●</span> " + label + ": <b>" + value + "</b><br/>";
    }
}
