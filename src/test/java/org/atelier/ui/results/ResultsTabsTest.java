package org.atelier.ui.results;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.charts.model.Configuration;
import com.vaadin.flow.component.charts.model.DataSeries;
import com.vaadin.flow.component.charts.model.DataSeriesItem;
import com.vaadin.flow.component.charts.model.PlotLine;
import com.vaadin.flow.component.charts.model.PlotOptionsArea;
import com.vaadin.flow.component.charts.model.PlotOptionsArearange;
import com.vaadin.flow.component.charts.model.PlotOptionsColumn;
import com.vaadin.flow.component.charts.model.PlotOptionsErrorbar;
import com.vaadin.flow.component.charts.model.PlotOptionsLine;
import com.vaadin.flow.component.charts.model.PlotOptionsScatter;
import com.vaadin.flow.component.charts.model.Series;
import com.vaadin.flow.component.charts.model.YAxis;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.provider.hierarchy.HierarchicalQuery;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.TermType;
import org.atelier.model.CoefficientRow;
import org.atelier.model.FactorRelativities;
import org.atelier.model.LevelRelativity;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelStatus;
import org.atelier.ui.results.CoefficientNode.Factor;
import org.junit.jupiter.api.Test;
import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._getRootItems;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.GridKt._sortByKey;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ResultsTabsTest extends FittedModelsTest {
    private ResultsTabs show(ModelDetail model) {
        assertThat(model.status()).as(model.errorMessage()).isEqualTo(ModelStatus.COMPLETED);
        ResultsTabs tabs = new ResultsTabs(model);
        UI.getCurrent().add(tabs);
        return tabs;
    }

    @Test
    void summaryShowsTheFitsFiguresAndTheSummaryText() {
        ModelDetail model = fitted.fit(data, FittedModels.FREQUENCY);
        ResultsTabs tabs = show(model);

        SummaryTab summary = tabs.summary();
        assertThat(summary.cards).extracting(MetricCard::label).containsExactly("Deviance", "AIC", "BIC",
                "Iterations", "Converged", "Observations", "df model", "df residual", "Null deviance", "Fit time");
        assertThat(card(summary, "Deviance")).isEqualTo(String.format("%,.0f", model.metrics().deviance()));
        assertThat(card(summary, "AIC")).isEqualTo(String.format("%,.0f", model.metrics().aic()));
        assertThat(card(summary, "Observations")).isEqualTo("20,000");
        assertThat(card(summary, "Converged")).isEqualTo("✓ Yes");
        assertThat(card(summary, "Iterations")).isEqualTo(String.valueOf(model.metrics().iterations()));
        assertThat(card(summary, "df residual")).isEqualTo(String.format("%,d", 20_000 - 1 - (int) model.metrics().dfModel()));
        assertThat(summary.summary.getText()).isEqualTo(model.summaryText()).contains("BonusMalus");
        assertThat(summary.summary.getClassNames()).contains("atelier-code");
        assertThat(tabs.getTabCount()).isEqualTo(6);
        assertThat(tabs.relativitiesTab.getLabel()).isEqualTo("Relativities");
    }

    @Test
    void quasiFamiliesHaveNoLikelihoodSoTheirAicIsADash() {
        ModelDetail quasi = fitted.fit(data, new ModelSpec("ClaimNb", List.of(TermSpec.categorical("Area")),
                List.of(), "quasipoisson", null, 1.5, null, "Exposure", null, true, null));
        SummaryTab summary = show(quasi).summary();
        assertThat(card(summary, "AIC")).isEqualTo("—");
        assertThat(card(summary, "BIC")).isEqualTo("—");
        assertThat(card(summary, "Dispersion")).isEqualTo(Formats.estimate(quasi.metrics().dispersion()));
    }

    @Test
    void coefficientsAreGroupedByFactorAndNarrowedByFilterAndSearch() {
        ModelDetail model = fitted.fit(data, FittedModels.FREQUENCY);
        CoefficientsTab tab = show(model).coefficients();
        var grid = tab.grid;

        List<CoefficientNode> factors = _getRootItems(grid);
        assertThat(factors).extracting(n -> ((Factor) n).name())
                .containsExactly("Intercept", "Area", "BonusMalus", "VehGas", "Region", "DrivAge");
        assertThat(factors).extracting(n -> ((Factor) n).coefficients()).startsWith(1, 5, 1, 1);
        assertThat(_size(grid)).as("every group expanded: headers plus all coefficients")
                .isEqualTo(factors.size() + model.coefficients().size());
        assertThat(_getFormatted(grid, 0, "feature")).isEqualTo("Intercept (1)");
        assertThat(_getFormatted(grid, 1, "feature")).isEqualTo("Intercept");
        assertThat(_getFormatted(grid, 2, "feature")).isEqualTo("Area (5)");
        assertThat(_getFormatted(grid, 3, "feature")).isEqualTo("[T.B]");
        CoefficientRow areaB = model.coefficients().get(1);
        assertThat(_getFormatted(grid, 3, "estimate")).isEqualTo(Formats.estimate(areaB.estimate()));
        assertThat(_getFormatted(grid, 3, "significance")).isEqualTo(areaB.significance());
        assertThat(grid.getColumnByKey("statistic").getHeaderText()).isEqualTo("z value");
        assertThat(grid.getColumnByKey("pValue").getHeaderText()).isEqualTo("P>|z|");
        CoefficientRow bonus = model.coefficients().stream().filter(c -> c.feature().equals("BonusMalus")).findFirst()
                .orElseThrow();
        assertThat(bonus.pValue()).isLessThan(0.001);
        assertThat(grid.getColumnByKey("pValue").getPartNameGenerator().apply(new CoefficientNode.Coefficient(bonus)))
                .isEqualTo("atelier-p-strong");
        assertThat(bonus.significance()).isEqualTo("***");

        grid.collapse(factors.get(1));
        assertThat(_size(grid)).isEqualTo(factors.size() + model.coefficients().size() - 5);

        tab.factorFilter.setValue(Set.of("Area", "VehGas"));
        assertThat(_getRootItems(grid)).extracting(n -> ((Factor) n).name()).containsExactly("Area", "VehGas");
        assertThat(tab.visibleRows()).extracting(CoefficientRow::feature)
                .containsExactly("Area[T.B]", "Area[T.C]", "Area[T.D]", "Area[T.E]", "Area[T.F]", "VehGas[T.Regular]");

        tab.factorFilter.clear();
        tab.search.setValue("r2");
        assertThat(tab.visibleRows()).isNotEmpty().allSatisfy(row -> assertThat(row.feature()).contains("[T.R2"));
        assertThat(_getRootItems(grid)).extracting(n -> ((Factor) n).name()).containsExactly("Region");

        tab.search.setValue("DrivAge");
        assertThat(tab.visibleRows()).hasSize(4).allSatisfy(row -> assertThat(row.factorName()).isEqualTo("DrivAge"));
    }

    @Test
    void sortingOrdersCoefficientsWithinTheirFactor() {
        ModelDetail model = fitted.fit(data, FittedModels.FREQUENCY);
        var grid = show(model).coefficients().grid;
        _sortByKey(grid, "estimate", SortDirection.ASCENDING);

        // what the grid asks its data provider for when the Region group is open: its children, sorted
        Comparator<CoefficientNode> sorting = grid.getDataCommunicator().getInMemorySorting();
        List<CoefficientNode> roots = grid.getDataProvider().fetchChildren(
                new HierarchicalQuery<>(0, Integer.MAX_VALUE, List.of(), sorting, null, null)).toList();
        assertThat(roots).extracting(n -> ((Factor) n).name())
                .as("the factors keep the model's order").startsWith("Intercept", "Area", "BonusMalus");
        CoefficientNode regionGroup = roots.stream().filter(n -> ((Factor) n).name().equals("Region")).findFirst()
                .orElseThrow();
        List<Double> region = grid.getDataProvider().fetchChildren(
                        new HierarchicalQuery<>(0, Integer.MAX_VALUE, List.of(), sorting, null, regionGroup))
                .map(n -> ((CoefficientNode.Coefficient) n).row().estimate()).toList();
        assertThat(region).hasSize(21).isSorted();
    }

    @Test
    void clickingAFactorOpensItsDrillDownWithItsLevels() {
        ModelDetail model = fitted.fit(data, FittedModels.FREQUENCY);
        ResultsTabs tabs = show(model);
        var grid = tabs.coefficients().grid;
        _clickItem(grid, 2); // the Area group header (after the intercept's group and row)

        FactorDrillDown drillDown = _get(FactorDrillDown.class);
        assertThat(drillDown.isOpened()).isTrue();
        assertThat(drillDown.title.getText()).isEqualTo("Factor: Area (categorical, 6 levels)");
        var table = drillDown.table;
        assertThat(_size(table)).isEqualTo(6);
        assertThat(_getFormatted(table, 0, "level")).isEqualTo("A (base)");
        assertThat(_getFormatted(table, 0, "estimate")).isEqualTo("—");
        assertThat(_getFormatted(table, 0, "relativity")).isEqualTo("1.000");
        LevelRelativity areaF = model.relativities().getFirst().levels().get(5);
        assertThat(_getFormatted(table, 5, "level")).isEqualTo("F");
        assertThat(_getFormatted(table, 5, "relativity")).isEqualTo(Formats.relativity(areaF.relativity()));
        assertThat(_getFormatted(table, 5, "exposure")).isEqualTo(Formats.exposure(areaF.exposure()));
        assertThat(_getFormatted(table, 5, "estimate")).isEqualTo(Formats.estimate(Math.log(areaF.relativity())));
        assertThat(drillDown.chart.getId()).contains("drilldown-chart");
        assertThat(drillDown.chart.getConfiguration().getSeries()).extracting(Series::getId)
                .containsExactly(RelativityCharts.EXPOSURE, RelativityCharts.RELATIVITY, RelativityCharts.INTERVAL);

        drillDown.close();
        // a spline's drill-down shows its fitted curve with the band, and its coefficients
        tabs.openFactor("DrivAge");
        FactorDrillDown spline = tabs.drillDown;
        assertThat(spline.title.getText()).isEqualTo("Factor: DrivAge (bs, 4 coefficients)");
        assertThat(spline.chart.getConfiguration().getSeries()).extracting(Series::getId)
                .containsExactly(RelativityCharts.BAND, RelativityCharts.CURVE);
        assertThat(_size(spline.table)).isEqualTo(4);
        assertThat(spline.table.getColumnByKey("relativity")).isNull();

        tabs.openFactor("Intercept");
        assertThat(tabs.drillDown.title.getText()).isEqualTo("Factor: Intercept (intercept)");
    }

    @Test
    void relativityChartOfACategoricalFactorIsEmblemStyle() {
        ModelDetail model = fitted.fit(data, FittedModels.FREQUENCY);
        RelativitiesTab tab = show(model).relativitiesIfLogLink().orElseThrow();
        assertThat(tab.factor.getListDataView().getItems().filter(RelativitiesTab.Choice::inModel)
                .map(RelativitiesTab.Choice::name)).containsExactly("Area", "BonusMalus", "VehGas", "Region", "DrivAge");
        assertThat(tab.factor.getValue().name()).isEqualTo("Area");

        assertThat(tab.chart.getId()).contains("relativity-chart");
        Configuration conf = tab.chart.getConfiguration();
        assertThat(conf.getxAxis().getCategories()).containsExactly("A (base)", "B", "C", "D", "E", "F");
        assertThat(conf.getxAxis().getLabels().getRotation()).isEqualTo("-45");
        assertThat(conf.getTooltip().getShared()).isTrue();

        DataSeries bars = series(conf, RelativityCharts.RELATIVITY);
        assertThat(bars.getPlotOptions()).isInstanceOf(PlotOptionsColumn.class);
        List<LevelRelativity> levels = model.relativities().getFirst().levels();
        assertThat(bars.getData()).hasSize(6).extracting(DataSeriesItem::getY)
                .containsExactlyElementsOf(levels.stream().map(l -> (Number) l.relativity()).toList());
        assertThat(bars.getData().getFirst().getClassName()).isEqualTo(ChartTheme.BASE_LEVEL);

        DataSeries interval = series(conf, RelativityCharts.INTERVAL);
        assertThat(interval.getPlotOptions()).isInstanceOf(PlotOptionsErrorbar.class);
        assertThat(interval.getData()).hasSize(6);
        assertThat(interval.getData().get(3).getLow().doubleValue()).isEqualTo(levels.get(3).ciLower());
        assertThat(interval.getData().get(3).getHigh().doubleValue()).isEqualTo(levels.get(3).ciUpper());

        DataSeries exposure = series(conf, RelativityCharts.EXPOSURE);
        assertThat(exposure.getPlotOptions()).isInstanceOf(PlotOptionsArea.class);
        assertThat(((PlotOptionsArea) exposure.getPlotOptions()).getColorIndex()).isEqualTo(ChartTheme.EXPOSURE);
        assertThat(exposure.getyAxis()).isEqualTo(1);
        assertThat(exposure.getData()).extracting(d -> d.getY().doubleValue())
                .containsExactlyElementsOf(levels.stream().map(LevelRelativity::exposure).toList());

        YAxis relativityAxis = conf.getyAxes().getAxis(0);
        YAxis exposureAxis = conf.getyAxes().getAxis(1);
        assertThat(relativityAxis.getTitle().getText()).isEqualTo("Relativity");
        assertThat(exposureAxis.getTitle().getText()).isEqualTo("Exposure");
        assertThat(exposureAxis.getOpposite()).isTrue();
        PlotLine reference = relativityAxis.getPlotLines()[0];
        assertThat(reference.getValue()).isEqualTo(1.0);
        assertThat(reference.getClassName()).isEqualTo(ChartTheme.REFERENCE_LINE);

        var table = tab.table;
        assertThat(_size(table)).isEqualTo(6);
        assertThat(_getFormatted(table, 0, "level")).isEqualTo("A (base)");
        assertThat(_getFormatted(table, 0, "ci")).isEqualTo("—");
        assertThat(_getFormatted(table, 2, "ci")).isEqualTo(Formats.interval(levels.get(2).ciLower(), levels.get(2).ciUpper()));
        assertThat(_getFormatted(table, 2, "exposure")).isEqualTo(Formats.exposure(levels.get(2).exposure()));
    }

    @Test
    void aLinearTermShowsItsCurveInsideItsBandAndThePerUnitRelativity() {
        ModelDetail model = fitted.fit(data, FittedModels.FREQUENCY);
        ResultsTabs tabs = show(model);
        assertThat(tabs.showRelativities("BonusMalus")).isTrue();
        RelativitiesTab tab = tabs.relativitiesIfLogLink().orElseThrow();

        Configuration conf = tab.chart.getConfiguration();
        assertThat(tab.chart.getClassNames()).contains("atelier-curve-chart");
        DataSeries band = series(conf, RelativityCharts.BAND);
        DataSeries curve = series(conf, RelativityCharts.CURVE);
        assertThat(band.getPlotOptions()).isInstanceOf(PlotOptionsArearange.class);
        assertThat(curve.getPlotOptions()).isInstanceOf(PlotOptionsLine.class);
        FactorRelativities bonus = model.relativities().get(1);
        assertThat(curve.getData()).hasSize(bonus.curve().size());
        assertThat(band.getData().get(10).getLow().doubleValue()).isEqualTo(bonus.curve().get(10).lower());
        assertThat(conf.getyAxis().getPlotLines()[0].getValue()).isEqualTo(1.0);

        CoefficientRow slope = model.coefficients().stream().filter(c -> c.feature().equals("BonusMalus"))
                .findFirst().orElseThrow();
        // the curve's points and its base (at 1), then the per-unit relativity
        int rows = _size(tab.table);
        assertThat(_getFormatted(tab.table, rows - 1, "level")).isEqualTo("per unit of BonusMalus");
        assertThat(_getFormatted(tab.table, rows - 1, "relativity")).isEqualTo(Formats.relativity(Math.exp(slope.estimate())));
        assertThat(Math.exp(slope.estimate())).isCloseTo(Math.exp(0.02), within(0.01));
        assertThat(tabs.showRelativities("DrivAge")).as("a spline shows its curve too").isTrue();
        assertThat(tab.chart.getClassNames()).contains("atelier-curve-chart");
    }

    @Test
    void aGaussianModelHasNoRelativitiesAndDrillsDownToItsCoefficients() {
        ModelDetail model = fitted.fit(data, FittedModels.GAUSSIAN);
        ResultsTabs tabs = show(model);
        assertThat(tabs.getTabCount()).as("no Relativities").isEqualTo(5);
        assertThat(tabs.relativitiesIfLogLink()).isEmpty();
        assertThat(tabs.summary().cards).extracting(MetricCard::label).contains("Dispersion");

        CoefficientsTab coefficients = tabs.coefficients();
        assertThat(coefficients.grid.getColumnByKey("statistic").getHeaderText()).isEqualTo("t value");
        _clickItem(coefficients.grid, 2);
        FactorDrillDown drillDown = tabs.drillDown;
        assertThat(drillDown.title.getText()).isEqualTo("Factor: Area (categorical, 5 coefficients)");
        Configuration conf = drillDown.chart.getConfiguration();
        DataSeries estimates = series(conf, CoefficientChart.ESTIMATE);
        assertThat(estimates.getPlotOptions()).isInstanceOf(PlotOptionsScatter.class);
        assertThat(estimates.getData()).hasSize(5);
        assertThat(series(conf, CoefficientChart.INTERVAL).getPlotOptions()).isInstanceOf(PlotOptionsErrorbar.class);
        assertThat(conf.getyAxis().getPlotLines()[0].getValue()).isEqualTo(0.0);
        assertThat(_getFormatted(drillDown.table, 0, "level")).isEqualTo("Area[T.B]");
        assertThat(drillDown.table.getColumnByKey("statistic").getHeaderText()).isEqualTo("t");
    }

    static DataSeries series(Configuration conf, String id) {
        return conf.getSeries().stream().filter(s -> id.equals(s.getId())).map(DataSeries.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("No series " + id));
    }

    static String card(SummaryTab summary, String label) {
        return summary.cards.stream().filter(c -> c.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("No card " + label)).value();
    }

    @Test
    void aTargetEncodedFactorShowsEachLevelWithItsEncodedValue() {
        ModelDetail model = fitted.fit(data, FittedModels.frequency(List.of(TermSpec.categorical("Area"),
                new TermSpec("VehBrand", TermType.TARGET_ENCODING, null, null, null, null, null, null, null, null))));
        ResultsTabs tabs = show(model);
        FactorRelativities brand = model.relativities().stream().filter(f -> f.termType() == TermType.TARGET_ENCODING)
                .findFirst().orElseThrow();
        assertThat(tabs.showRelativities(brand.factor())).isTrue();
        RelativitiesTab tab = tabs.relativitiesIfLogLink().orElseThrow();
        assertThat(brand.encoded()).hasSize(11);
        assertThat(_size(tab.table)).isEqualTo(11);
        assertThat(_getFormatted(tab.table, 0, "level")).startsWith(brand.encoded().getFirst().level() + " (");
        assertThat(series(tab.chart.getConfiguration(), RelativityCharts.RELATIVITY).getData()).hasSize(11);
    }
}
