package org.atelier.ui.results;

import com.vaadin.flow.component.charts.Chart;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.atelier.engine.spec.TermType;
import org.atelier.model.CoefficientRow;
import org.atelier.model.FactorRelativities;
import org.atelier.model.LevelRelativity;
import org.atelier.model.ModelDiagnostics;

/**
 * Log-link models only: pick a factor, see its one-way view and its relativities. The one-way view ({@link
 * ModelOneWay}, from the diagnostics stored with the model, on the training rows or the hold-out) draws exposure,
 * observed rate, fitted rate and the factor's relativity with the A/E table; the selector lists the columns not in
 * the model too (A/E only). Under it, the factor's relativity chart with its intervals and the table: a continuous
 * term's curve is 1 at its base value, marked on the chart and shown in the table with points along the curve (and,
 * for a linear term, the per-unit relativity exp(β)); the base value can be edited, and the curve and table are
 * redrawn from the stored model (the edited base lasts as long as the view). Warnings the fit reported about the
 * factor are shown above its chart.
 */
class RelativitiesTab extends Div {
    static final String TRAINING = LiftTab.TRAINING;
    static final String HOLD_OUT = LiftTab.HOLD_OUT;

    /**
     * One entry of the selector: a term of the model (its relativities, and the column its one-way is by when it has
     * one) or a column that is not in the model (no relativities).
     */
    record Choice(String name, FactorRelativities relativities, String column) {
        boolean inModel() {
            return relativities != null;
        }

        String label() {
            return inModel() ? name : name + " (not in the model)";
        }
    }

    final Select<Choice> factor = new Select<>();
    final RadioButtonGroup<String> part = new RadioButtonGroup<>();
    final NumberField base = new NumberField("Base value");
    final RelativityTable table = new RelativityTable("relativity-table");
    private final Div warningsHolder = new Div();
    private final Div oneWayHolder = new Div();
    private final Div chartHolder = new Div();
    private final Map<String, CoefficientRow> coefficientByFeature;
    private final ModelDiagnostics diagnostics;
    /** Redraws a curve at another base value; null when the view cannot (then the base is read-only). */
    private final BiFunction<FactorRelativities, Double, FactorRelativities> rebase;
    FactorRelativities shown;
    Chart chart;
    ModelOneWay oneWay;

    RelativitiesTab(List<FactorRelativities> relativities, List<CoefficientRow> coefficients,
                    BiFunction<FactorRelativities, Double, FactorRelativities> rebase) {
        this(relativities, coefficients, rebase, Optional.empty());
    }

    /** @param stored the model's diagnostics (empty for a model fitted before they were stored: no one-way view) */
    RelativitiesTab(List<FactorRelativities> relativities, List<CoefficientRow> coefficients,
                    BiFunction<FactorRelativities, Double, FactorRelativities> rebase,
                    Optional<ModelDiagnostics> stored) {
        addClassName("atelier-results-relativities");
        this.rebase = rebase;
        this.diagnostics = stored.filter(d -> d.train() != null).orElse(null);
        coefficientByFeature = coefficients.stream()
                .collect(Collectors.toMap(CoefficientRow::feature, Function.identity(), (a, b) -> a));
        factor.setLabel("Factor");
        factor.setId("relativity-factor");
        factor.setWidth("18em"); // "VehBrand (not in the model)" in full
        List<Choice> choices = choices(relativities, diagnostics);
        factor.setItems(choices);
        factor.setItemLabelGenerator(Choice::label);
        factor.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                show(e.getValue());
            }
        });
        part.setLabel("Rows");
        part.setId("one-way-part");
        part.setItems(TRAINING, HOLD_OUT);
        part.setValue(TRAINING);
        part.setVisible(diagnostics != null && diagnostics.test() != null);
        part.addValueChangeListener(e -> {
            if (factor.getValue() != null) {
                drawOneWay(factor.getValue());
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
        Div controls = new Div(factor, part, base);
        controls.addClassName("atelier-relativity-controls");
        controls.getStyle().set("display", "flex").set("gap", "var(--lumo-space-m)").set("align-items", "baseline");
        oneWayHolder.setWidthFull();
        chartHolder.setWidthFull();
        add(controls, warningsHolder, oneWayHolder, chartHolder, table);
        if (!choices.isEmpty()) {
            factor.setValue(choices.getFirst());
        }
    }

    /**
     * The model's terms in their order, then every other column the diagnostics have A/E for. A term's column is its
     * name, or the name inside an encoding's "TE(…)"; an expression has none.
     */
    static List<Choice> choices(List<FactorRelativities> relativities, ModelDiagnostics diagnostics) {
        Set<String> columns = new HashSet<>();
        if (diagnostics != null) {
            diagnostics.train().factors().forEach(f -> columns.add(f.column()));
        }
        List<Choice> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (FactorRelativities r : relativities) {
            String column = columnOf(r.factor(), columns);
            out.add(new Choice(r.factor(), r, column));
            if (column != null) used.add(column);
        }
        if (diagnostics != null) {
            for (ModelDiagnostics.FactorAe f : diagnostics.train().factors()) {
                if (!used.contains(f.column())) out.add(new Choice(f.column(), null, f.column()));
            }
        }
        return out;
    }

    private static String columnOf(String term, Set<String> columns) {
        if (columns.contains(term)) return term;
        int open = term.indexOf('(');
        if (open > 0 && term.endsWith(")")) {
            String inner = term.substring(open + 1, term.length() - 1);
            if (columns.contains(inner)) return inner;
        }
        return null;
    }

    /** Shows the factor or column of that name; false when the view has none of that name. */
    boolean select(String name) {
        return factor.getListDataView().getItems().filter(f -> f.name().equals(name)).findFirst()
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

    private void show(Choice selected) {
        warningsHolder.removeAll();
        drawOneWay(selected);
        FactorRelativities relativities = selected.relativities();
        if (relativities == null) {
            // a column not in the model: its A/E is all there is
            shown = null;
            chart = null;
            chartHolder.removeAll();
            base.setVisible(false);
            table.setVisible(false);
            return;
        }
        table.setVisible(true);
        if (!relativities.warnings().isEmpty()) {
            warningsHolder.add(new FitWarnings("relativity-warnings", relativities.warnings()));
        }
        draw(relativities);
    }

    /** The shown part's figures: the training rows, or the hold-out when chosen. */
    Optional<ModelDiagnostics.Part> shownPart() {
        if (diagnostics == null) return Optional.empty();
        return Optional.of(HOLD_OUT.equals(part.getValue()) && diagnostics.test() != null ? diagnostics.test()
                : diagnostics.train());
    }

    private void drawOneWay(Choice selected) {
        oneWayHolder.removeAll();
        oneWay = null;
        if (selected.column() == null) return;
        shownPart().flatMap(p -> p.factor(selected.column()).map(f -> new ModelOneWay(p, f, selected.relativities())))
                .ifPresent(view -> {
                    oneWay = view;
                    oneWayHolder.add(view);
                });
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
        CoefficientRow slope = selected.termType() == TermType.LINEAR ? coefficientByFeature.get(selected.factor()) : null;
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
