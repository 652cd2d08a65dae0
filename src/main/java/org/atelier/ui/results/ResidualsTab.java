package org.atelier.ui.results;

import com.vaadin.flow.component.charts.Chart;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.Optional;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.TermSpec;
import org.atelier.model.ModelDiagnostics;
import org.atelier.model.ModelDiagnostics.FactorAe;

/**
 * The Residuals tab: binned residuals against the fitted rate, the normal QQ plot of deviance residuals, and the
 * residuals by the levels of any column of the dataset (in the model or not: a pattern in a column the model
 * lacks is the next factor to try). All stored with the model, for the training rows and the hold-out.
 */
class ResidualsTab extends Div {
    final RadioButtonGroup<String> part = new RadioButtonGroup<>();
    final Select<String> factor = new Select<>();
    private final Div fittedHolder = new Div();
    private final Div qqHolder = new Div();
    private final Div factorHolder = new Div();
    Chart fittedChart;
    Chart qqChart;
    Chart factorChart;
    private ModelDiagnostics diagnostics;

    ResidualsTab(Optional<ModelDiagnostics> stored, ModelSpec spec) {
        addClassName("atelier-results-residuals");
        if (stored.isEmpty() || stored.get().train() == null) {
            add(EmptyDiagnostics.note());
            return;
        }
        diagnostics = stored.get();
        part.setLabel("Rows");
        part.setId("residuals-part");
        part.setItems(LiftTab.TRAINING, LiftTab.HOLD_OUT);
        part.setValue(LiftTab.TRAINING);
        part.setVisible(diagnostics.test() != null);
        part.addValueChangeListener(e -> show());
        factor.setLabel("Factor");
        factor.setId("residuals-factor");
        factor.setItems(diagnostics.train().factors().stream().map(FactorAe::column).toList());
        factor.addValueChangeListener(e -> showFactor());
        for (Div holder : new Div[] {fittedHolder, qqHolder, factorHolder}) {
            holder.setWidthFull();
        }
        add(part, new H4("Residuals against fitted"), fittedHolder, new H4("Normal QQ plot"), qqHolder,
                new H4("Residuals by factor"), factor, factorHolder);
        show();
        // the model's first factor, not the file's first column (often a policy id)
        List<String> columns = factor.getListDataView().getItems().toList();
        spec.terms().stream().map(TermSpec::name).filter(columns::contains).findFirst()
                .or(() -> columns.stream().findFirst()).ifPresent(factor::setValue);
    }

    ModelDiagnostics.Part shownPart() {
        return LiftTab.HOLD_OUT.equals(part.getValue()) && diagnostics.test() != null ? diagnostics.test()
                : diagnostics.train();
    }

    private void show() {
        ModelDiagnostics.Part p = shownPart();
        fittedChart = ResidualCharts.versusFitted(p.residuals().byBucket(), "residuals-fitted-chart");
        fittedHolder.removeAll();
        fittedHolder.add(fittedChart);
        qqChart = ResidualCharts.qq(p.residuals().qq(), "qq-chart");
        qqHolder.removeAll();
        qqHolder.add(qqChart);
        showFactor();
    }

    private void showFactor() {
        factorHolder.removeAll();
        factorChart = null;
        if (factor.getValue() != null) {
            shownPart().factor(factor.getValue()).ifPresent(f -> {
                factorChart = ResidualCharts.byLevel(f, "residuals-factor-chart");
                factorHolder.add(factorChart);
            });
        }
    }
}
