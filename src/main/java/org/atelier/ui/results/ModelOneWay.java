package org.atelier.ui.results;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.atelier.model.FactorRelativities;
import org.atelier.model.LevelRelativity;
import org.atelier.model.ModelDiagnostics.FactorAe;
import org.atelier.model.ModelDiagnostics.FactorLevel;
import org.atelier.model.ModelDiagnostics.Part;

/**
 * A model's one-way view of one column, on the training rows or the hold-out: the Explore tab's one-way chart
 * (exposure bars, observed rate, overall rate dashed) with the fitted rate (the average prediction, ΣE/Σe) added and,
 * for a factor of the model with levels, its relativity on an axis of its own; under it the A/E table. A column not
 * in the model gets the same view without relativities: where observed and fitted rates part, the model misses what
 * the column explains, which is how the next factor to add is found. Every figure is the stored diagnostics'.
 */
class ModelOneWay extends Div {
    static final String FITTED = "one-way-fitted";
    static final String RELATIVITY = "one-way-relativity";
    final OneWayChart chart;
    final Grid<FactorLevel> table = new Grid<>();

    /** @param relativities the model's relativities of the column, null when it is not a factor with levels */
    ModelOneWay(Part part, FactorAe factor, FactorRelativities relativities) {
        setWidthFull();
        List<FactorLevel> levels = factor.levels();
        double overallRate = part.totals().exposure() > 0 ? part.totals().actual() / part.totals().exposure()
                : Double.NaN;
        chart = new OneWayChart("model-one-way-chart", factor.column(), levels.stream()
                .map(l -> new OneWayChart.Point(l.level(), l.exposure(), l.observedRate(), Double.NaN, Double.NaN))
                .toList(), overallRate);
        chart.addLine("Fitted rate", FITTED, levels.stream().map(FactorLevel::fittedRate).toList());
        Map<String, LevelRelativity> byLevel = new HashMap<>();
        if (relativities != null && relativities.hasLevels()) {
            relativities.levelRows().forEach(r -> byLevel.put(r.level(), r));
            chart.addRelativity("Relativity", RELATIVITY, levels.stream()
                    .map(l -> byLevel.containsKey(l.level()) ? byLevel.get(l.level()).relativity() : Double.NaN)
                    .toList());
        }
        buildTable(byLevel, relativities != null && relativities.hasLevels());
        table.setItems(levels);
        add(chart, table);
    }

    private void buildTable(Map<String, LevelRelativity> relativities, boolean withRelativity) {
        table.setId("one-way-table");
        table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        table.addClassName("atelier-dense");
        table.setAllRowsVisible(true);
        table.addColumn(l -> relativities.containsKey(l.level()) ? RelativityCharts.levelLabel(relativities.get(l.level()))
                : l.level()).setHeader("Level").setKey("level").setAutoWidth(true);
        number(table.addColumn(l -> Formats.count(l.nObs())).setHeader("Rows").setKey("nObs"));
        number(table.addColumn(l -> Formats.exposure(l.exposure())).setHeader("Exposure").setKey("exposure"));
        number(table.addColumn(l -> Formats.amount(l.actual())).setHeader("Actual").setKey("actual"));
        number(table.addColumn(l -> Formats.amount(l.expected())).setHeader("Expected").setKey("expected"));
        number(table.addColumn(l -> Formats.estimate(l.observedRate())).setHeader("Observed rate").setKey("observed"));
        number(table.addColumn(l -> Formats.estimate(l.fittedRate())).setHeader("Fitted rate").setKey("fitted"));
        number(table.addColumn(l -> DiagnosticsTab.ae(l.ae())).setHeader("A/E").setKey("ae"));
        if (withRelativity) {
            number(table.addColumn(l -> relativities.containsKey(l.level())
                    ? Formats.relativity(relativities.get(l.level()).relativity()) : Formats.UNDEFINED)
                    .setHeader("Relativity").setKey("relativity"));
        }
        table.setPartNameGenerator(l -> relativities.containsKey(l.level()) && relativities.get(l.level()).base()
                ? "atelier-base-row" : null);
    }

    private static void number(Grid.Column<FactorLevel> column) {
        column.setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
    }
}
