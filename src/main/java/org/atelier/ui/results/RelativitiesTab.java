package org.atelier.ui.results;

import com.vaadin.flow.component.charts.Chart;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.atelier.model.CoefficientRow;
import org.atelier.model.FactorRelativities;
import org.atelier.model.LevelRelativity;

/**
 * §8.3.4, log-link models only: pick a factor, see its relativity chart and the table under it. A continuous
 * term's table is the single per-unit relativity exp(β); its chart the curve over the data range.
 */
class RelativitiesTab extends Div {
    final Select<FactorRelativities> factor = new Select<>();
    final RelativityTable table = new RelativityTable("relativity-table");
    private final Div chartHolder = new Div();
    private final Map<String, CoefficientRow> coefficientByFeature;
    Chart chart;

    RelativitiesTab(List<FactorRelativities> relativities, List<CoefficientRow> coefficients) {
        addClassName("atelier-results-relativities");
        coefficientByFeature = coefficients.stream()
                .collect(Collectors.toMap(CoefficientRow::feature, Function.identity(), (a, b) -> a));
        factor.setLabel("Factor");
        factor.setId("relativity-factor");
        factor.setItems(relativities);
        factor.setItemLabelGenerator(FactorRelativities::factor);
        factor.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                show(e.getValue());
            }
        });
        chartHolder.setWidthFull();
        add(factor, chartHolder, table);
        if (!relativities.isEmpty()) {
            factor.setValue(relativities.getFirst());
        }
    }

    /** Shows the factor of that name; false when the model has no relativities for it (e.g. a spline). */
    boolean select(String name) {
        return factor.getListDataView().getItems().filter(f -> f.factor().equals(name)).findFirst()
                .map(f -> {
                    factor.setValue(f);
                    return true;
                }).orElse(false);
    }

    private void show(FactorRelativities selected) {
        chart = RelativityCharts.of(selected, "relativity-chart");
        chartHolder.removeAll();
        chartHolder.add(chart);
        if (selected.hasLevels()) {
            table.show(selected.levelRows());
        } else {
            CoefficientRow slope = coefficientByFeature.get(selected.factor());
            table.show(slope == null ? List.of() : List.of(perUnit(slope)));
        }
    }

    /** exp(β) of a continuous term with its interval: the relativity of one more unit of the variable. */
    static LevelRelativity perUnit(CoefficientRow slope) {
        return new LevelRelativity("per unit of " + slope.feature(), Math.exp(slope.estimate()),
                Math.exp(slope.ciLower()), Math.exp(slope.ciUpper()), Double.NaN, false);
    }
}
