package org.atelier.ui.results;

import com.vaadin.flow.component.charts.Chart;
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
import java.util.List;
import org.atelier.model.CoefficientRow;

/**
 * A factor's coefficients on the link scale, each estimate a marker with its 95% interval as error bars
 * around the dashed zero line: the drill-down chart of a model without a log link, where relativities
 * would mean nothing.
 */
final class CoefficientChart {
    static final String ESTIMATE = "estimate";
    static final String INTERVAL = "estimate-ci";

    private CoefficientChart() {
    }

    static Chart of(List<CoefficientRow> rows, String id) {
        Chart chart = ChartTheme.chart(id, "atelier-coefficient-chart");
        Configuration conf = chart.getConfiguration();
        XAxis x = new XAxis();
        x.setCategories(rows.stream().map(r -> ChartTheme.text(r.feature())).toArray(String[]::new));
        Labels labels = new Labels();
        labels.setRotation(-45);
        x.setLabels(labels);
        conf.addxAxis(x);
        YAxis y = ChartTheme.axis("Estimate");
        y.addPlotLine(ChartTheme.referenceLine(0.0));
        conf.addyAxis(y);
        conf.getTooltip().setShared(true);

        DataSeries estimates = new DataSeries("Estimate");
        estimates.setId(ESTIMATE);
        PlotOptionsScatter scatter = new PlotOptionsScatter();
        scatter.setColorIndex(ChartTheme.RELATIVITY);
        Marker marker = new Marker(true);
        marker.setSymbol(MarkerSymbolEnum.CIRCLE);
        marker.setRadius(5);
        scatter.setMarker(marker);
        scatter.setTooltip(ChartTheme.pointFormat(ChartTheme.dot("Estimate", "{point.y:.4f}")));
        estimates.setPlotOptions(scatter);

        DataSeries interval = new DataSeries("95% CI");
        interval.setId(INTERVAL);
        PlotOptionsErrorbar errorbar = new PlotOptionsErrorbar();
        errorbar.setClassName("atelier-ci");
        errorbar.setTooltip(ChartTheme.pointFormat("CI: [{point.low:.4f}, {point.high:.4f}]<br/>"));
        interval.setPlotOptions(errorbar);

        for (CoefficientRow row : rows) {
            estimates.add(new DataSeriesItem(ChartTheme.text(row.feature()), row.estimate()));
            DataSeriesItem range = new DataSeriesItem();
            range.setName(ChartTheme.text(row.feature()));
            range.setLow(row.ciLower());
            range.setHigh(row.ciUpper());
            interval.add(range);
        }
        conf.addSeries(estimates);
        conf.addSeries(interval);
        return chart;
    }
}
