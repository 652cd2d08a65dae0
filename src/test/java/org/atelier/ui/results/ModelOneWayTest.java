package org.atelier.ui.results;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.charts.model.Configuration;
import com.vaadin.flow.component.charts.model.DataSeries;
import com.vaadin.flow.component.charts.model.DataSeriesItem;
import com.vaadin.flow.component.charts.model.Series;
import java.util.List;
import java.util.Objects;
import org.atelier.engine.spec.Validation;
import org.atelier.model.FactorRelativities;
import org.atelier.model.LevelRelativity;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelDiagnostics;
import org.atelier.model.ModelDiagnostics.FactorLevel;
import org.atelier.model.ModelStatus;
import org.junit.jupiter.api.Test;

/**
 * The Relativities tab's one-way view: for a factor of the model exposure, observed rate, fitted rate and its
 * relativity, with the A/E table; for a column not in the model the same without relativities; on the training
 * rows or the hold-out. Every figure is checked against the diagnostics stored with the model.
 */
class ModelOneWayTest extends FittedModelsTest {

    private RelativitiesTab relativities(ModelDetail model) {
        assertThat(model.status()).as(model.errorMessage()).isEqualTo(ModelStatus.COMPLETED);
        ResultsTabs tabs = new ResultsTabs(model);
        UI.getCurrent().add(tabs);
        return tabs.relativitiesIfLogLink().orElseThrow();
    }

    @Test
    void aFactorOfTheModelShowsObservedFittedAndItsRelativityOnTheTrainingRowsOrTheHoldOut() {
        ModelDetail model = fitted.fit(data, FittedModels.FREQUENCY.withValidation(Validation.random(0.2, 42)));
        ModelDiagnostics stored = models.diagnostics(model.id()).orElseThrow();
        RelativitiesTab tab = relativities(model);
        assertThat(tab.factor.getValue().name()).isEqualTo("Area");
        assertThat(tab.part.isVisible()).isTrue();

        ModelOneWay view = tab.oneWay;
        Configuration conf = view.chart.chart().getConfiguration();
        assertThat(conf.getSeries()).extracting(Series::getId).containsExactly(OneWayChart.EXPOSURE, OneWayChart.RATE,
                ModelOneWay.FITTED, ModelOneWay.RELATIVITY);
        List<FactorLevel> train = stored.train().factor("Area").orElseThrow().levels();
        assertThat(conf.getxAxis().getCategories()).containsExactlyElementsOf(train.stream().map(FactorLevel::level).toList());
        assertThat(values(conf, OneWayChart.EXPOSURE)).containsExactlyElementsOf(train.stream().map(FactorLevel::exposure).toList());
        assertThat(values(conf, OneWayChart.RATE)).containsExactlyElementsOf(train.stream().map(FactorLevel::observedRate).toList());
        assertThat(values(conf, ModelOneWay.FITTED)).containsExactlyElementsOf(train.stream().map(FactorLevel::fittedRate).toList());
        FactorRelativities area = model.relativities().getFirst();
        assertThat(values(conf, ModelOneWay.RELATIVITY)).containsExactlyElementsOf(train.stream()
                .map(l -> area.levelRows().stream().filter(r -> r.level().equals(l.level())).findFirst().orElseThrow()
                        .relativity()).toList());
        assertThat(series(conf, ModelOneWay.RELATIVITY).getyAxis()).as("an axis of its own").isEqualTo(2);
        assertThat(conf.getyAxes().getAxis(2).getTitle().getText()).isEqualTo("Relativity");
        // the relativity table's exposure is the training rows', as the one-way's is
        assertThat(area.levelRows().stream().mapToDouble(LevelRelativity::exposure).sum())
                .isCloseTo(train.stream().mapToDouble(FactorLevel::exposure).sum(),
                        org.assertj.core.api.Assertions.within(1e-6));

        assertThat(_size(view.table)).isEqualTo(train.size());
        int d = indexOf(train, "D");
        assertThat(_getFormatted(view.table, 0, "level")).isEqualTo("A (base)");
        assertThat(_getFormatted(view.table, d, "ae")).isEqualTo(DiagnosticsTab.ae(train.get(d).ae()));
        assertThat(_getFormatted(view.table, d, "expected")).isEqualTo(Formats.amount(train.get(d).expected()));
        assertThat(_getFormatted(view.table, d, "relativity"))
                .isEqualTo(Formats.relativity(area.levelRows().get(d).relativity()));

        tab.part.setValue(RelativitiesTab.HOLD_OUT);
        List<FactorLevel> test = stored.test().factor("Area").orElseThrow().levels();
        Configuration holdOut = tab.oneWay.chart.chart().getConfiguration();
        assertThat(values(holdOut, OneWayChart.EXPOSURE)).containsExactlyElementsOf(test.stream().map(FactorLevel::exposure).toList());
        assertThat(values(holdOut, ModelOneWay.FITTED)).containsExactlyElementsOf(test.stream().map(FactorLevel::fittedRate).toList());
        assertThat(_getFormatted(tab.oneWay.table, d, "ae")).isEqualTo(DiagnosticsTab.ae(test.get(d).ae()));
        assertThat(tab.chart).as("the relativity chart is still under it").isNotNull();
    }

    @Test
    void theSelectorListsTheColumnsNotInTheModelWithTheirAeOnly() {
        ModelDetail model = fitted.fit(data, FittedModels.FREQUENCY);
        ModelDiagnostics stored = models.diagnostics(model.id()).orElseThrow();
        assertThat(models.diagnostics(model.id()).orElseThrow())
                .as("kept as the fit stored them: opening the results tabs again parses no JSON").isSameAs(stored);
        RelativitiesTab tab = relativities(model);
        assertThat(tab.part.isVisible()).as("no hold-out").isFalse();
        assertThat(tab.factor.getListDataView().getItems().map(tab.factor.getItemLabelGenerator()::apply))
                .containsExactly("Area", "BonusMalus", "VehGas", "Region", "DrivAge", "IDpol (not in the model)",
                        "VehPower (not in the model)", "VehAge (not in the model)", "VehBrand (not in the model)",
                        "Density (not in the model)", "ClaimAmount (not in the model)");

        assertThat(tab.select("VehBrand")).isTrue();
        List<FactorLevel> brand = stored.train().factor("VehBrand").orElseThrow().levels();
        Configuration conf = tab.oneWay.chart.chart().getConfiguration();
        assertThat(conf.getSeries()).extracting(Series::getId).containsExactly(OneWayChart.EXPOSURE, OneWayChart.RATE,
                ModelOneWay.FITTED);
        assertThat(values(conf, ModelOneWay.FITTED)).containsExactlyElementsOf(brand.stream().map(FactorLevel::fittedRate).toList());
        assertThat(tab.oneWay.table.getColumnByKey("relativity")).isNull();
        assertThat(_getFormatted(tab.oneWay.table, 0, "ae")).isEqualTo(DiagnosticsTab.ae(brand.getFirst().ae()));
        assertThat(tab.chart).as("no relativities").isNull();
        assertThat(tab.table.isVisible()).isFalse();
        assertThat(tab.base.isVisible()).isFalse();

        // a curve of the model: its one-way (banded) over its relativity curve
        assertThat(tab.select("BonusMalus")).isTrue();
        assertThat(tab.oneWay.chart.chart().getConfiguration().getSeries()).extracting(Series::getId)
                .containsExactly(OneWayChart.EXPOSURE, OneWayChart.RATE, ModelOneWay.FITTED);
        assertThat(tab.chart.getConfiguration().getSeries()).extracting(Series::getId)
                .containsExactly(RelativityCharts.BAND, RelativityCharts.CURVE);
        assertThat(tab.table.isVisible()).isTrue();
    }

    private static int indexOf(List<FactorLevel> levels, String level) {
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).level().equals(level)) return i;
        }
        throw new AssertionError("no level " + level);
    }

    private static DataSeries series(Configuration conf, String id) {
        return (DataSeries) conf.getSeries().stream().filter(s -> Objects.equals(s.getId(), id)).findFirst()
                .orElseThrow(() -> new AssertionError("no series " + id));
    }

    private static List<Double> values(Configuration conf, String id) {
        return series(conf, id).getData().stream().map(DataSeriesItem::getY)
                .map(v -> v == null ? Double.NaN : v.doubleValue()).toList();
    }
}
