package org.atelier.ui.results;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.charts.Chart;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import java.util.function.Function;
import org.atelier.engine.spec.TermType;
import org.atelier.model.CoefficientRow;
import org.atelier.model.FactorRelativities;

/**
 * One factor in detail, opened from the coefficient table. A log-link model shows the factor's
 * relativity chart, any other its coefficients with their intervals; below, the level table with coefficient,
 * standard error, statistic, p-value and (log link) relativity and exposure.
 */
class FactorDrillDown extends Dialog {
    final String factor;
    final H3 title;
    final Chart chart;
    final Grid<DrillDownRow> table = new Grid<>();

    /** @param relativities the factor's relativities, null when the model has no log link or none for this term */
    FactorDrillDown(String factor, TermType termType, List<CoefficientRow> coefficients,
                    FactorRelativities relativities, String statistic) {
        this.factor = factor;
        addClassName("atelier-drilldown");
        setWidth("min(1100px, 95vw)");
        setHeight("90vh");
        setResizable(true);
        setDraggable(true);
        List<DrillDownRow> rows = DrillDownRow.of(coefficients, relativities);

        Button back = new Button("Back to all coefficients", VaadinIcon.ARROW_LEFT.create(), e -> close());
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        title = new H3("Factor: " + factor + " (" + description(termType, relativities, rows.size()) + ")");
        title.addClassName("atelier-drilldown-title");
        getHeader().add(back);
        add(title);
        if (relativities != null && !relativities.warnings().isEmpty()) {
            add(new FitWarnings("drilldown-warnings", relativities.warnings()));
        }

        chart = relativities != null ? RelativityCharts.of(relativities, "drilldown-chart")
                : CoefficientChart.of(coefficients, "drilldown-chart");
        add(chart);

        table.setId("drilldown-table");
        table.addThemeVariants(GridVariant.LUMO_COMPACT);
        table.addClassName("atelier-dense");
        table.setAllRowsVisible(true);
        table.addColumn(DrillDownRow::level).setHeader("Level").setKey("level").setFlexGrow(2);
        coefficientColumn("Coef", "estimate", c -> Formats.estimate(c.estimate()));
        coefficientColumn("SE", "stdError", c -> Formats.estimate(c.stdError()));
        coefficientColumn(statistic, "statistic", c -> Formats.estimate(c.statistic()));
        coefficientColumn("p", "pValue", c -> Formats.pValue(c.pValue()) + " " + c.significance());
        if (rows.stream().anyMatch(r -> r.relativity() != null)) {
            table.addColumn(r -> r.relativity() == null ? Formats.UNDEFINED : Formats.relativity(r.relativity().relativity()))
                    .setHeader("Relativity").setKey("relativity").setTextAlign(ColumnTextAlign.END);
            table.addColumn(r -> r.relativity() == null ? Formats.UNDEFINED
                            : Formats.exposure(r.relativity().exposure()))
                    .setHeader("Exposure").setKey("exposure").setTextAlign(ColumnTextAlign.END);
        }
        table.setItems(rows);
        table.setPartNameGenerator(r -> r.relativity() != null && r.relativity().base() ? "atelier-base-row" : null);
        add(table);
    }

    private void coefficientColumn(String header, String key, Function<CoefficientRow, String> value) {
        table.addColumn(r -> r.coefficient() == null ? Formats.UNDEFINED : value.apply(r.coefficient()))
                .setHeader(header).setKey(key).setTextAlign(ColumnTextAlign.END);
    }

    /** "categorical, 22 levels", "linear", "bs, 5 coefficients"; the intercept has no term in the spec. */
    private static String description(TermType termType, FactorRelativities relativities, int rows) {
        if (relativities != null && relativities.hasLevels()) {
            return "categorical, " + relativities.levelRows().size() + " levels";
        }
        String type = termType != null ? termType.id() : rows == 1 ? "intercept" : "term";
        return rows == 1 ? type : type + ", " + rows + " coefficients";
    }
}
