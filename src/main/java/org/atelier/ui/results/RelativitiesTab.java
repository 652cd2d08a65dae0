package org.atelier.ui.results;

import com.vaadin.flow.component.charts.Chart;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.atelier.model.CoefficientRow;
import org.atelier.model.FactorRelativities;
import org.atelier.model.LevelRelativity;

/**
 * Log-link models only: pick a factor, see its relativity chart and the table under it. A continuous
 * term's curve is 1 at its base value, marked on the chart and shown in the table with points along the curve (and,
 * for a linear term, the per-unit relativity exp(β)); the base value can be edited, and the curve and table are
 * redrawn from the stored model (the edited base lasts as long as the view). Warnings the fit reported about the
 * factor are shown above its chart.
 */
class RelativitiesTab extends Div {
    final Select<FactorRelativities> factor = new Select<>();
    final NumberField base = new NumberField("Base value");
    final RelativityTable table = new RelativityTable("relativity-table");
    private final Div warningsHolder = new Div();
    private final Div chartHolder = new Div();
    private final Map<String, CoefficientRow> coefficientByFeature;
    /** Redraws a curve at another base value; null when the view cannot (then the base is read-only). */
    private final BiFunction<FactorRelativities, Double, FactorRelativities> rebase;
    FactorRelativities shown;
    Chart chart;

    RelativitiesTab(List<FactorRelativities> relativities, List<CoefficientRow> coefficients,
                    BiFunction<FactorRelativities, Double, FactorRelativities> rebase) {
        addClassName("atelier-results-relativities");
        this.rebase = rebase;
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
        base.setId("relativity-base");
        base.setHelperText("The value where the curve is 1");
        base.setReadOnly(rebase == null);
        base.addValueChangeListener(e -> {
            if (shown != null && e.getValue() != null && !e.getValue().equals(shown.base())) {
                rebaseTo(e.getValue());
            }
        });
        Div controls = new Div(factor, base);
        controls.addClassName("atelier-relativity-controls");
        controls.getStyle().set("display", "flex").set("gap", "var(--lumo-space-m)").set("align-items", "baseline");
        chartHolder.setWidthFull();
        add(controls, warningsHolder, chartHolder, table);
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

    private void rebaseTo(Double value) {
        if (value == null || rebase == null || shown == null || shown.base() == null) {
            return;
        }
        if (!Double.isFinite(value)) {
            base.setInvalid(true);
            base.setErrorMessage("Enter a number");
            return;
        }
        base.setInvalid(false);
        draw(rebase.apply(shown, value));
    }

    private void show(FactorRelativities selected) {
        warningsHolder.removeAll();
        if (!selected.warnings().isEmpty()) {
            warningsHolder.add(new FitWarnings("relativity-warnings", selected.warnings()));
        }
        draw(selected);
    }

    private void draw(FactorRelativities selected) {
        shown = selected;
        base.setVisible(selected.base() != null);
        if (selected.base() != null && !selected.base().equals(base.getValue())) {
            base.setValue(selected.base());
        }
        chart = RelativityCharts.of(selected, "relativity-chart");
        chartHolder.removeAll();
        chartHolder.add(chart);
        if (selected.hasLevels()) {
            table.show(selected.levelRows(), "Level");
            return;
        }
        List<LevelRelativity> rows = new ArrayList<>(selected.base() == null ? List.of() : selected.curveRows());
        CoefficientRow slope = "linear".equals(selected.termType()) ? coefficientByFeature.get(selected.factor()) : null;
        if (slope != null) {
            rows.add(perUnit(slope));
        }
        table.show(rows, selected.factor());
    }

    /** exp(β) of a continuous term with its interval: the relativity of one more unit of the variable. */
    static LevelRelativity perUnit(CoefficientRow slope) {
        return new LevelRelativity("per unit of " + slope.feature(), Math.exp(slope.estimate()),
                Math.exp(slope.ciLower()), Math.exp(slope.ciUpper()), Double.NaN, false);
    }
}
