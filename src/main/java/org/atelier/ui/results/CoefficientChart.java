package org.atelier.ui.results;

import com.vaadin.flow.component.charts.Chart;
import com.vaadin.flow.component.charts.model.Configuration;
import com.vaadin.flow.component.charts.model.DataSeries;
import com.vaadin.flow.component.charts.model.DataSeriesItem;
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
        conf.addxAxis(ChartTheme.categoryAxis(rows.stream().map(CoefficientRow::feature).toList()));
        YAxis y = ChartTheme.axis("Estimate");
        y.addPlotLine(ChartTheme.referenceLine(0.0));
        conf.addyAxis(y);
        ChartTheme.sharedTooltip(conf, null);

        DataSeries estimates = ChartSeries.markers("Estimate", ESTIMATE, ChartTheme.RELATIVITY,
                ChartTheme.dot("Estimate", "{point.y:.4f}"));
        DataSeries interval = ChartSeries.intervals("95% CI", INTERVAL, ChartSeries.INTERVAL_TOOLTIP);

        for (CoefficientRow row : rows) {
            estimates.add(new DataSeriesItem(ChartTheme.text(row.feature()), row.estimate()));
            interval.add(ChartSeries.range(ChartTheme.text(row.feature()), row.ciLower(), row.ciUpper()));
        }
        conf.addSeries(estimates);
        conf.addSeries(interval);
        return chart;
    }
}
