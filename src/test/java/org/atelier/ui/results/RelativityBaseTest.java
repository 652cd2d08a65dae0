package org.atelier.ui.results;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.charts.model.PlotLine;
import java.util.List;
import org.atelier.engine.spec.TermSpec;
import org.atelier.model.CurvePoint;
import org.atelier.model.FactorRelativities;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelStatus;
import org.junit.jupiter.api.Test;

/** Curves are read against a stated base value, which the user can move; fit warnings reach the results. */
class RelativityBaseTest extends FittedModelsTest {
    private static final List<TermSpec> TERMS = List.of(TermSpec.categorical("Area"), TermSpec.linear("BonusMalus"),
            TermSpec.ns("DrivAge", 4));

    private ResultsTabs show(ModelDetail model) {
        assertThat(model.status()).as(model.errorMessage()).isEqualTo(ModelStatus.COMPLETED);
        ResultsTabs tabs = new ResultsTabs(model);
        UI.getCurrent().add(tabs);
        return tabs;
    }

    private static int baseRow(RelativityTable table) {
        for (int i = 0; i < _size(table); i++) {
            if (_getFormatted(table, i, "level").endsWith("(base)")) {
                return i;
            }
        }
        throw new AssertionError("No base row");
    }

    @Test
    void editingTheBaseValueRedrawsTheCurveAndTableWithTheNewBaseAtOne() {
        ModelDetail model = fitted.fit(data, FittedModels.frequency(TERMS));
        ResultsTabs tabs = show(model);
        assertThat(tabs.showRelativities("DrivAge")).isTrue();
        RelativitiesTab tab = tabs.relativitiesIfLogLink().orElseThrow();
        FactorRelativities stored = model.relativities().stream().filter(f -> f.factor().equals("DrivAge")).findFirst()
                .orElseThrow();
        double median = stored.base();
        assertThat(stored.baseLabel()).isEqualTo("base " + (long) median + " (exposure-weighted median)");
        assertThat(tab.base.getValue()).isEqualTo(median);
        PlotLine line = tab.chart.getConfiguration().getxAxis().getPlotLines()[0];
        assertThat(line.getValue().doubleValue()).isEqualTo(median);
        assertThat(line.getLabel().getText()).isEqualTo(stored.baseLabel());
        assertThat(tab.table.getColumnByKey("level").getHeaderText()).isEqualTo("DrivAge");
        assertThat(_getFormatted(tab.table, baseRow(tab.table), "level")).isEqualTo((long) median + " (base)");
        assertThat(_getFormatted(tab.table, baseRow(tab.table), "relativity")).isEqualTo("1.000");

        tab.base.setValue(30.0);

        assertThat(_getFormatted(tab.table, baseRow(tab.table), "level")).isEqualTo("30 (base)");
        assertThat(_getFormatted(tab.table, baseRow(tab.table), "relativity")).isEqualTo("1.000");
        assertThat(tab.chart.getConfiguration().getxAxis().getPlotLines()[0].getLabel().getText())
                .isEqualTo("base 30 (set by you)");
        // the same curve divided by its value at 30: a ratio of two points does not depend on the base
        CurvePoint oldAt30 = interpolate(stored, 30);
        CurvePoint last = stored.curve().getLast();
        CurvePoint newLast = tab.shown.curve().getLast();
        assertThat(newLast.x()).isEqualTo(last.x());
        assertThat(newLast.relativity()).isCloseTo(last.relativity() / oldAt30.relativity(), within(0.02));
        assertThat(tab.shown.curve().stream().filter(p -> p.x() == 30).findFirst().orElseThrow().relativity())
                .isEqualTo(1.0);
        // the stored model is untouched: the edited base lasts as long as the view
        assertThat(models.get(model.id()).relativities()).contains(stored);
    }

    @Test
    void aLinearTermIsOneAtItsBaseToo() {
        ModelDetail model = fitted.fit(data, FittedModels.frequency(TERMS));
        FactorRelativities bonus = model.relativities().get(1);
        assertThat(bonus.factor()).isEqualTo("BonusMalus");
        double beta = model.coefficients().stream().filter(c -> c.feature().equals("BonusMalus")).findFirst()
                .orElseThrow().estimate();
        for (CurvePoint p : bonus.curve()) {
            assertThat(p.relativity()).isCloseTo(Math.exp(beta * (p.x() - bonus.base())), within(1e-12));
        }
    }

    @Test
    void aSplineOnTiedDataShowsItsWarningOnTheSummaryAndOnTheFactor() {
        ModelDetail model = fitted.fit(data, FittedModels.frequency(List.of(TermSpec.ns("BonusMalus", 4))));
        assertThat(model.warnings()).hasSize(1);
        assertThat(model.warnings().getFirst()).startsWith("ns(BonusMalus, df=4): ").contains("coincide at 50")
                .contains("fitted with df=");
        ResultsTabs tabs = show(model);
        SummaryTab summary = tabs.summary();
        assertThat(summary.warnings.isVisible()).isTrue();
        assertThat(summary.warnings.warnings).isEqualTo(model.warnings());
        assertThat(summary.warnings.getElement().getText()).isEmpty(); // the lines are children
        assertThat(summary.warnings.getChildren().findFirst().orElseThrow().getElement().getText())
                .isEqualTo("⚠ " + model.warnings().getFirst());
        tabs.showRelativities("BonusMalus");
        RelativitiesTab tab = tabs.relativitiesIfLogLink().orElseThrow();
        assertThat(tab.shown.warnings()).isEqualTo(model.warnings());
        tabs.openFactor("BonusMalus");
        assertThat(tabs.drillDown.getChildren().anyMatch(c -> c instanceof FitWarnings)).isTrue();
        assertThat(show(fitted.fit(data, FittedModels.frequency(TERMS))).summary().warnings.isVisible()).isFalse();
    }

    /** The stored curve's value at x, linear between its grid points (close enough for a smooth spline). */
    private static CurvePoint interpolate(FactorRelativities f, double x) {
        List<CurvePoint> c = f.curve();
        for (int i = 1; i < c.size(); i++) {
            if (c.get(i).x() >= x) {
                CurvePoint a = c.get(i - 1);
                CurvePoint b = c.get(i);
                double t = (x - a.x()) / (b.x() - a.x());
                return new CurvePoint(x, a.relativity() + t * (b.relativity() - a.relativity()), Double.NaN, Double.NaN);
            }
        }
        throw new AssertionError(x + " outside the curve");
    }
}
