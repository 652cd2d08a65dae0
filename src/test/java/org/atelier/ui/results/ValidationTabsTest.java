package org.atelier.ui.results;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.charts.model.Configuration;
import com.vaadin.flow.component.charts.model.DataSeries;
import com.vaadin.flow.component.charts.model.DataSeriesItem;
import com.vaadin.flow.component.charts.model.PlotOptionsColumn;
import com.vaadin.flow.component.charts.model.PlotOptionsErrorbar;
import java.util.List;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.PenaltyKind;
import org.atelier.engine.spec.Selection;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.Validation;
import org.atelier.fit.ModelValidationService;
import org.atelier.fit.RegularizationResults;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelDiagnostics;
import org.atelier.model.ModelStatus;
import org.atelier.model.PenaltyPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The Diagnostics, Lift and Residuals tabs on real fits, read back from what was stored with each model. */
class ValidationTabsTest extends FittedModelsTest {
    @Autowired
    ModelValidationService validation;
    @Autowired
    RegularizationResults penalties;

    private ResultsTabs show(ModelDetail model) {
        assertThat(model.status()).as(model.errorMessage()).isEqualTo(ModelStatus.COMPLETED);
        ResultsTabs tabs = new ResultsTabs(model);
        UI.getCurrent().add(tabs);
        return tabs;
    }

    @Test
    void aFitWithAHoldOutShowsTrainingAgainstHoldOutInEveryTab() {
        ModelDetail model = fitted.fit(data, FittedModels.FREQUENCY.withValidation(Validation.random(0.2, 42)));
        ModelDiagnostics stored = models.diagnostics(model.id()).orElseThrow();
        assertThat(stored.test()).as("the hold-out's figures are stored").isNotNull();
        ResultsTabs tabs = show(model);
        assertThat(tabs.getTabCount()).isEqualTo(6);
        assertThat(tabs.validation.diagnosticsTab.getLabel()).isEqualTo("Diagnostics");
        assertThat(tabs.validation.liftTab.getLabel()).isEqualTo("Lift");
        assertThat(tabs.validation.residualsTab.getLabel()).isEqualTo("Residuals");

        DiagnosticsTab diagnostics = tabs.validation.diagnostics();
        assertThat(diagnostics.trainCards).extracting(MetricCard::label)
                .containsExactly("Deviance / obs", "Gini", "A/E", "Observations", "Exposure");
        assertThat(card(diagnostics.trainCards, "Gini")).isEqualTo(String.format("%.4f", stored.train().gini()));
        assertThat(card(diagnostics.testCards, "Gini")).isEqualTo(String.format("%.4f", stored.test().gini()));
        assertThat(card(diagnostics.testCards, "A/E")).isEqualTo(String.format("%.3f", stored.test().totals().ae()));
        assertThat(card(diagnostics.trainCards, "A/E")).as("a Poisson GLM with an intercept matches its total")
                .isEqualTo("1.000");
        int train = stored.train().totals().nObs();
        int test = stored.test().totals().nObs();
        assertThat(train + test).isEqualTo(FittedModels.ROWS);
        assertThat(test).isBetween(3_600, 4_400);
        assertThat(card(diagnostics.testCards, "Observations")).isEqualTo(String.format("%,d", test));
        assertThat(diagnostics.flags.getChildren().count()).isEqualTo(DiagnosticFlags.of(stored).size());

        LiftTab lift = tabs.validation.lift();
        assertThat(lift.buckets.getValue()).isEqualTo(10);
        assertThat(lift.buckets.getListDataView().getItems().toList()).containsExactly(5, 10, 20);
        assertThat(_size(lift.table)).isEqualTo(10);
        assertLiftChart(lift, stored.train().lift(10).orElseThrow());
        lift.buckets.setValue(20);
        assertThat(_size(lift.table)).isEqualTo(20);
        assertLiftChart(lift, stored.train().lift(20).orElseThrow());
        lift.part.setValue(LiftTab.HOLD_OUT);
        assertLiftChart(lift, stored.test().lift(20).orElseThrow());
        ModelDiagnostics.LiftBucket first = stored.test().lift(20).orElseThrow().buckets().getFirst();
        assertThat(_getFormatted(lift.table, 0, "ae")).isEqualTo(String.format("%.3f", first.ae()));
        assertThat(lift.lorenzChart.getConfiguration().getTitle().getText())
                .isEqualTo(String.format("Gini %.4f", stored.test().gini()));
        assertThat(series(lift.lorenzChart.getConfiguration(), LiftCharts.LORENZ).size())
                .isEqualTo(stored.test().lorenz().size());

        ResidualsTab residuals = tabs.validation.residuals();
        assertThat(series(residuals.fittedChart.getConfiguration(), ResidualCharts.DEVIANCE).size())
                .isEqualTo(stored.train().residuals().byBucket().size());
        List<ModelDiagnostics.QqPoint> qq = stored.train().residuals().qq();
        assertThat(qq).hasSize(5_000);
        DataSeries drawn = series(residuals.qqChart.getConfiguration(), ResidualCharts.QQ);
        assertThat(drawn.size()).isEqualTo(ResidualCharts.drawn(qq).size()).isBetween(900, 1_100);
        assertThat(drawn.get(0).getY().doubleValue()).as("the extremes are drawn").isEqualTo(qq.getFirst().sample());
        assertThat(drawn.get(drawn.size() - 1).getY().doubleValue()).isEqualTo(qq.getLast().sample());
        assertThat(ResidualCharts.drawn(qq)).as("every tail point is drawn")
                .containsAll(qq.stream().filter(p -> Math.abs(p.theoretical()) >= 2).toList());
        residuals.factor.setValue("Area");
        DataSeries byArea = series(residuals.factorChart.getConfiguration(), ResidualCharts.DEVIANCE);
        ModelDiagnostics.FactorAe area = stored.train().factor("Area").orElseThrow();
        assertThat(byArea.size()).isEqualTo(area.levels().size()).isEqualTo(6);
        assertThat(byArea.get(0).getY().doubleValue()).isEqualTo(area.levels().getFirst().meanDevianceResidual());
        residuals.factor.setValue("Density");
        assertThat(residuals.factorChart.getConfiguration().getxAxis().getTitle().getText())
                .as("a column not in the model, banded").contains("Density", "bands");
        residuals.part.setValue(LiftTab.HOLD_OUT);
        assertThat(series(residuals.qqChart.getConfiguration(), ResidualCharts.QQ).size())
                .isEqualTo(ResidualCharts.drawn(stored.test().residuals().qq()).size());
    }

    @Test
    void withoutAHoldOutTheTabsShowTheTrainingRowsOnly() {
        ModelDetail model = fitted.fit(data, FittedModels.FREQUENCY);
        ResultsTabs tabs = show(model);
        DiagnosticsTab diagnostics = tabs.validation.diagnostics();
        assertThat(diagnostics.trainCards).hasSize(5);
        assertThat(diagnostics.testCards).isEmpty();
        assertThat(diagnostics.flags.getChildren().count()).isZero();
        assertThat(tabs.validation.lift().part.isVisible()).isFalse();
        assertThat(tabs.validation.residuals().part.isVisible()).isFalse();
    }

    @Test
    void doubleLiftAgainstAnEarlierModelOfTheSameDataset() {
        ModelDetail simple = fitted.fit(data, FittedModels.frequency(
                List.of(TermSpec.categorical("Area"), TermSpec.linear("VehAge"))));
        ModelDetail full = fitted.fit(data, FittedModels.FREQUENCY);
        LiftTab lift = show(full).validation.lift();
        assertThat(lift.against.getListDataView().getItems().map(ModelDetail::id).toList())
                .containsExactly(simple.id());
        lift.against.setValue(lift.against.getListDataView().getItems().findFirst().orElseThrow());
        awaitUi("the double lift", () -> lift.doubleLiftChart != null);
        List<ModelDiagnostics.DoubleLiftBucket> expected = validation.doubleLift(simple.id(), full.id(), 10, false);
        DataSeries actual = series(lift.doubleLiftChart.getConfiguration(), "actual-index");
        DataSeries shown = series(lift.doubleLiftChart.getConfiguration(), "shown-index");
        assertThat(actual.size()).isEqualTo(10);
        for (int i = 0; i < 10; i++) {
            assertThat(actual.get(i).getY().doubleValue()).isEqualTo(expected.get(i).actualIndex());
            assertThat(shown.get(i).getY().doubleValue()).isEqualTo(expected.get(i).expectedBIndex());
        }
        // ranked by full / simple: the full model's index rises across the buckets
        assertThat(expected.getLast().expectedBIndex()).isGreaterThan(expected.getFirst().expectedBIndex());
        assertThat(lift.doubleLiftStatus.getText()).contains(full.label(), simple.label(), "every row");

        lift.buckets.setValue(5);
        awaitUi("the 5-bucket double lift",
                () -> series(lift.doubleLiftChart.getConfiguration(), "actual-index").size() == 5);
    }

    @Test
    void doubleLiftOnTheHoldOutWhenBothModelsHeldOutTheSameRows() {
        Validation holdOut = Validation.random(0.2, 42);
        ModelDetail simple = fitted.fit(data, FittedModels.frequency(
                List.of(TermSpec.categorical("Area"), TermSpec.linear("VehAge"))).withValidation(holdOut));
        ModelDetail full = fitted.fit(data, FittedModels.FREQUENCY.withValidation(holdOut));
        LiftTab lift = show(full).validation.lift();
        lift.part.setValue(LiftTab.HOLD_OUT);
        lift.against.setValue(lift.against.getListDataView().getItems().findFirst().orElseThrow());
        awaitUi("the double lift", () -> lift.doubleLiftChart != null);
        assertThat(lift.doubleLiftStatus.getText()).contains("on the hold-out");
        List<ModelDiagnostics.DoubleLiftBucket> buckets = validation.doubleLift(simple.id(), full.id(), 10, true);
        assertThat(buckets.stream().mapToInt(ModelDiagnostics.DoubleLiftBucket::nObs).sum())
                .isEqualTo(models.diagnostics(full.id()).orElseThrow().test().totals().nObs());
        DataSeries actual = series(lift.doubleLiftChart.getConfiguration(), "actual-index");
        assertThat(actual.get(9).getY().doubleValue()).isEqualTo(buckets.get(9).actualIndex());
    }

    @Test
    void dropOneTestsRunInTheBackgroundAndAreStored() {
        ModelDetail model = fitted.fit(data, FittedModels.FREQUENCY);
        DiagnosticsTab diagnostics = show(model).validation.diagnostics();
        assertThat(diagnostics.runDropOne.isVisible()).isTrue();
        assertThat(diagnostics.dropOne.isVisible()).isFalse();
        diagnostics.runDropOne.click();
        awaitUi("the drop-one tests", () -> diagnostics.dropOne.isVisible());
        assertThat(_size(diagnostics.dropOne)).isEqualTo(FittedModels.FREQUENCY.terms().size());
        assertThat(_getFormatted(diagnostics.dropOne, 0, "term")).isEqualTo("Area");
        List<ModelDiagnostics.DropOneTest> stored = models.diagnostics(model.id()).orElseThrow().dropOne();
        assertThat(stored).hasSize(5);
        assertThat(stored).allSatisfy(t -> assertThat(t.deltaDeviance()).isPositive());
        ModelDiagnostics.DropOneTest bonusMalus = stored.stream().filter(t -> t.term().equals("BonusMalus"))
                .findFirst().orElseThrow();
        assertThat(bonusMalus.df()).isEqualTo(1);
        assertThat(bonusMalus.pValue()).as("the sample's frequency rises with BonusMalus").isLessThan(1e-6);

        // reopened: the stored tests, no button, nothing recomputed
        UI.getCurrent().removeAll();
        DiagnosticsTab reopened = show(models.get(model.id())).validation.diagnostics();
        assertThat(reopened.runDropOne.isVisible()).isFalse();
        assertThat(_size(reopened.dropOne)).isEqualTo(5);
        assertThat(_getFormatted(reopened.dropOne, 1, "delta"))
                .isEqualTo(Formats.amount(stored.get(1).deltaDeviance()));
    }

    @Test
    void aCrossValidatedPenalizedFitShowsItsCvCurveAndCoefficientPath() {
        ModelDetail model = fitted.fit(data, FittedModels.frequency(List.of(TermSpec.categorical("Area"),
                        TermSpec.linear("BonusMalus"), TermSpec.categorical("VehGas"), TermSpec.categorical("Region")))
                .withFitOptions(new FitOptions(0, 0.5, 50, 1e-8, PenaltyKind.ELASTIC_NET, 3, Selection.MIN, 8, 1L)));
        PenaltyCharts penalty = show(model).validation.diagnostics().penalty;
        assertThat(penalty).isNotNull();
        PenaltyPath path = penalties.of(model.id()).orElseThrow();
        Configuration cv = penalty.cvChart.getConfiguration();
        DataSeries mean = series(cv, PenaltyCharts.CV_MEAN);
        DataSeries band = series(cv, PenaltyCharts.CV_BAND);
        assertThat(mean.size()).isEqualTo(8);
        for (int a = 0; a < 8; a++) {
            PenaltyPath.CvPoint p = path.cv().get(a);
            assertThat(mean.get(a).getX().doubleValue()).isEqualTo(p.alpha());
            assertThat(mean.get(a).getY().doubleValue()).isEqualTo(p.meanDeviance());
            assertThat(band.get(a).getLow().doubleValue()).isEqualTo(p.meanDeviance() - p.standardError());
            assertThat(band.get(a).getHigh().doubleValue()).isEqualTo(p.meanDeviance() + p.standardError());
        }
        assertThat(cv.getxAxis().getPlotLines()).singleElement()
                .satisfies(line -> assertThat(line.getValue().doubleValue()).isEqualTo(path.alpha()));
        Configuration coefficients = penalty.pathChart.getConfiguration();
        assertThat(coefficients.getSeries()).hasSize(path.features().size() - 1); // every coefficient but the intercept
        DataSeries bonusMalus = (DataSeries) coefficients.getSeries().stream()
                .filter(s -> s.getName().equals("BonusMalus")).findFirst().orElseThrow();
        int j = path.features().indexOf("BonusMalus");
        assertThat(bonusMalus.get(0).getY().doubleValue()).as("zero at alpha_max").isZero();
        assertThat(bonusMalus.get(7).getY().doubleValue()).isEqualTo(path.path().get(7).coefficients().get(j))
                .isPositive();
    }

    /** A lasso at a fixed α has no CV curve, but says which coefficients it kept and which it set to zero. */
    @Test
    void aPenalizedFitAtOneAlphaSaysWhichCoefficientsThePenaltySetToZero() {
        ModelDetail model = fitted.fit(data, FittedModels.frequency(List.of(TermSpec.categorical("Area"),
                        TermSpec.linear("BonusMalus"), TermSpec.categorical("VehGas"), TermSpec.categorical("Region")))
                .withFitOptions(new FitOptions(2e-3, 1, 50, 1e-8, PenaltyKind.LASSO, null, Selection.MIN, 20, null)));
        DiagnosticsTab tab = show(model).validation.diagnostics();
        assertThat(tab.penalty).as("no CV curve at a fixed alpha").isNull();
        List<String> zero = model.coefficients().stream()
                .filter(c -> !c.feature().equals("Intercept") && c.estimate() == 0).map(c -> c.feature()).toList();
        assertThat(zero).as("the lasso drops some of the sample's coefficients at this alpha").isNotEmpty();
        int penalized = model.coefficients().size() - 1;
        assertThat(tab.penaltySummary.settings.getText()).startsWith("Lasso at α = 0.0020")
                .contains("L1 share 1)", (penalized - zero.size()) + " of " + penalized + " coefficients kept");
        assertThat(tab.penaltySummary.zeroed.getText()).contains(zero.toArray(String[]::new))
                .doesNotContain("BonusMalus");
    }

    private static void assertLiftChart(LiftTab lift, ModelDiagnostics.Lift expected) {
        Configuration conf = lift.liftChart.getConfiguration();
        DataSeries ae = series(conf, LiftCharts.AE);
        DataSeries interval = series(conf, LiftCharts.AE_INTERVAL);
        assertThat(ae.getPlotOptions()).isInstanceOf(PlotOptionsColumn.class);
        assertThat(interval.getPlotOptions()).isInstanceOf(PlotOptionsErrorbar.class);
        assertThat(ae.size()).isEqualTo(expected.k());
        for (int i = 0; i < expected.k(); i++) {
            ModelDiagnostics.LiftBucket b = expected.buckets().get(i);
            assertThat(ae.get(i).getY().doubleValue()).isEqualTo(b.ae());
            DataSeriesItem range = interval.get(i);
            assertThat(range.getLow().doubleValue()).isEqualTo(b.aeLower());
            assertThat(range.getHigh().doubleValue()).isEqualTo(b.aeUpper());
            // the Poisson-type interval the tab states: A/E·(1 ± 1.96/√A)
            assertThat(b.aeUpper()).isCloseTo(b.ae() * (1 + 1.96 / Math.sqrt(Math.max(b.actual(), 1))), within(1e-9));
            assertThat(series(conf, LiftCharts.ACTUAL_RATE).get(i).getY().doubleValue()).isEqualTo(b.actualRate());
            assertThat(series(conf, LiftCharts.PREDICTED_RATE).get(i).getY().doubleValue()).isEqualTo(b.predictedRate());
            assertThat(series(conf, LiftCharts.EXPOSURE).get(i).getY().doubleValue()).isEqualTo(b.exposure());
        }
    }

    static DataSeries series(Configuration conf, String id) {
        return ResultsTabsTest.series(conf, id);
    }

    private static String card(List<MetricCard> cards, String label) {
        return cards.stream().filter(c -> c.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("No card " + label)).value();
    }
}
