package org.atelier.ui.results;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.charts.model.Configuration;
import com.vaadin.flow.component.charts.model.DataSeries;
import com.vaadin.flow.component.charts.model.PlotOptionsArearange;
import com.vaadin.flow.component.charts.model.PlotOptionsErrorbar;
import com.vaadin.flow.component.charts.model.PlotOptionsScatter;
import com.vaadin.flow.component.charts.model.Series;
import com.vaadin.flow.component.html.ListItem;
import java.util.List;
import org.atelier.engine.spec.TermSpec;
import org.atelier.model.ModelDetail;
import org.atelier.ui.results.MetricComparison.Better;
import org.junit.jupiter.api.Test;

class ModelComparisonTest extends FittedModelsTest {
    @Test
    void theRicherModelHasTheLowerDevianceAndAicAndIsMarkedBetter() {
        ModelDetail simple = fitted.fit(data, FittedModels.frequency(
                List.of(TermSpec.categorical("Area"), TermSpec.linear("VehAge"))));
        ModelDetail richer = fitted.fit(data, FittedModels.frequency(List.of(TermSpec.categorical("Area"),
                TermSpec.linear("BonusMalus"), TermSpec.categorical("VehGas"))));
        ModelComparison comparison = new ModelComparison(simple, richer);
        UI.getCurrent().add(comparison);

        var grid = comparison.metrics;
        assertThat(grid.getColumnByKey("first").getHeaderText()).isEqualTo("v1");
        assertThat(grid.getColumnByKey("second").getHeaderText()).isEqualTo("v2");
        assertThat(_getFormatted(grid, 0, "metric")).isEqualTo("Deviance");
        assertThat(_getFormatted(grid, 0, "first")).isEqualTo(Formats.amount(simple.metrics().deviance()));
        assertThat(_getFormatted(grid, 0, "second")).isEqualTo(Formats.amount(richer.metrics().deviance()));
        assertThat(richer.metrics().deviance()).isLessThan(simple.metrics().deviance());
        assertThat(_getFormatted(grid, 0, "better")).isEqualTo("v2 · lower is better (same family and data)");
        assertThat(_getFormatted(grid, 1, "metric")).isEqualTo("AIC");
        assertThat(_getFormatted(grid, 1, "better")).startsWith("v2 · lower is better");
        List<MetricComparison> rows = grid.getListDataView().getItems().toList();
        assertThat(rows.getFirst().better()).isEqualTo(Better.SECOND);
        assertThat(grid.getColumnByKey("second").getPartNameGenerator().apply(rows.getFirst()))
                .isEqualTo("atelier-better");
        assertThat(grid.getColumnByKey("first").getPartNameGenerator().apply(rows.getFirst())).isNull();

        assertThat(comparison.differences.getChildren().map(c -> ((ListItem) c).getText())).containsExactly(
                "Added term: BonusMalus (linear)",
                "Added term: VehGas (categorical)",
                "Removed term: VehAge (linear)");

        assertThat(comparison.sharedFactors()).containsExactly("Area");
        Configuration conf = comparison.chart.getConfiguration();
        assertThat(comparison.chart.getId()).contains("comparison-chart");
        assertThat(conf.getSeries()).extracting(Series::getName)
                .containsExactly("v1", "v1 95% CI", "v2", "v2 95% CI");
        DataSeries first = ResultsTabsTest.series(conf, "first");
        DataSeries second = ResultsTabsTest.series(conf, "second");
        assertThat(first.getPlotOptions()).isInstanceOf(PlotOptionsScatter.class);
        assertThat(ResultsTabsTest.series(conf, "second-ci").getPlotOptions()).isInstanceOf(PlotOptionsErrorbar.class);
        assertThat(first.getData()).hasSize(6);
        assertThat(second.getData().get(2).getY().doubleValue())
                .isEqualTo(richer.relativities().getFirst().levels().get(2).relativity());
        assertThat(first.getData().get(2).getX().doubleValue()).isEqualTo(2 - ComparisonChart.OFFSET);
        assertThat(second.getData().get(2).getX().doubleValue()).isEqualTo(2 + ComparisonChart.OFFSET);
        assertThat(conf.getxAxis().getCategories()).containsExactly("A", "B", "C", "D", "E", "F");
        assertThat(conf.getyAxis().getPlotLines()[0].getValue()).isEqualTo(1.0);
        assertThatThrownBy(() -> comparison.showRelativities("VehGas")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void curvesOfASharedLinearTermAreOverlaidWithTheirBands() {
        ModelDetail a = fitted.fit(data, FittedModels.frequency(List.of(TermSpec.linear("BonusMalus"))));
        ModelDetail b = fitted.fit(data, FittedModels.frequency(
                List.of(TermSpec.linear("BonusMalus"), TermSpec.categorical("Area"))));
        ModelComparison comparison = new ModelComparison(a, b);
        UI.getCurrent().add(comparison);

        assertThat(comparison.sharedFactors()).containsExactly("BonusMalus");
        Configuration conf = comparison.chart.getConfiguration();
        assertThat(conf.getSeries()).extracting(Series::getId).containsExactly("first-ci", "first", "second-ci", "second");
        assertThat(ResultsTabsTest.series(conf, "second-ci").getPlotOptions()).isInstanceOf(PlotOptionsArearange.class);
    }

    @Test
    void modelsOfDifferentFamiliesAreNotRankedByDeviance() {
        ModelDetail poisson = fitted.fit(data, FittedModels.frequency(List.of(TermSpec.categorical("Area"))));
        ModelDetail gaussian = fitted.fit(data, FittedModels.GAUSSIAN);
        ModelComparison comparison = new ModelComparison(poisson, gaussian);
        UI.getCurrent().add(comparison);

        List<MetricComparison> rows = comparison.metrics.getListDataView().getItems().toList();
        assertThat(rows).filteredOn(r -> List.of("Deviance", "AIC", "BIC").contains(r.metric()))
                .allSatisfy(r -> assertThat(r.better()).isEqualTo(Better.NOT_COMPARED));
        assertThat(_getFormatted(comparison.metrics, 0, "better")).isEqualTo("—");
        assertThat(comparison.differences.getChildren().map(c -> ((ListItem) c).getText()))
                .contains("Response: ClaimNb → BonusMalus", "Family: poisson → gaussian", "Offset: Exposure → none");
        assertThat(comparison.sharedFactors()).as("a Gaussian model has no relativities").isEmpty();
        assertThat(comparison.chart).isNull();
        assertThat(_size(comparison.metrics)).isEqualTo(9);
    }
}
