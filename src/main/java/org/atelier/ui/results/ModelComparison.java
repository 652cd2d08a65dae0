package org.atelier.ui.results;

import com.vaadin.flow.component.charts.Chart;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.atelier.model.FactorRelativities;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelStatus;
import org.atelier.model.SpecDiff;
import org.atelier.ui.results.MetricComparison.Better;

/**
 * Two fitted models side by side: their metrics with the better figure marked, what changed in the spec from
 * the first to the second, and for a factor both models have, their relativities overlaid in one chart.
 */
public class ModelComparison extends Div {
    private final ModelDetail first;
    private final ModelDetail second;
    final Grid<MetricComparison> metrics = new Grid<>();
    final UnorderedList differences = new UnorderedList();
    final Select<String> factor = new Select<>();
    private final Div chartHolder = new Div();
    private final Map<String, FactorRelativities> firstByFactor;
    private final Map<String, FactorRelativities> secondByFactor;
    private List<String> shared = List.of();
    Chart chart;

    /** @param first the earlier (baseline) model; differences read "first → second" */
    public ModelComparison(ModelDetail first, ModelDetail second) {
        for (ModelDetail m : List.of(first, second)) {
            if (m.status() != ModelStatus.COMPLETED || m.metrics() == null) {
                throw new IllegalArgumentException("Model " + m.label() + " has no results to compare");
            }
        }
        this.first = first;
        this.second = second;
        setId("model-comparison");
        addClassName("atelier-comparison");
        firstByFactor = byFactor(first);
        secondByFactor = byFactor(second);

        metrics.setId("comparison-metrics");
        metrics.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        metrics.addClassName("atelier-dense");
        metrics.setAllRowsVisible(true);
        metrics.addColumn(MetricComparison::metric).setHeader("Metric").setKey("metric");
        metrics.addColumn(MetricComparison::first).setHeader(first.label()).setKey("first")
                .setTextAlign(ColumnTextAlign.END)
                .setPartNameGenerator(m -> m.better() == Better.FIRST ? "atelier-better" : null);
        metrics.addColumn(MetricComparison::second).setHeader(second.label()).setKey("second")
                .setTextAlign(ColumnTextAlign.END)
                .setPartNameGenerator(m -> m.better() == Better.SECOND ? "atelier-better" : null);
        metrics.addColumn(this::verdict).setHeader("Better").setKey("better").setFlexGrow(2)
                .setTooltipGenerator(MetricComparison::rule);
        metrics.setItems(MetricComparison.of(first, second));

        SpecDiff diff = SpecDiff.between(first.spec(), second.spec());
        differences.setId("spec-differences");
        if (diff.isEmpty()) {
            differences.add(new ListItem("The two specs are identical"));
        }
        diff.lines().forEach(line -> differences.add(new ListItem(line)));

        add(new H4(first.label() + " vs " + second.label()), metrics,
                new H4("Spec changes from " + first.label() + " to " + second.label()), differences);
        addRelativities();
    }

    private void addRelativities() {
        shared = firstByFactor.keySet().stream().filter(name -> secondByFactor.containsKey(name)
                && firstByFactor.get(name).hasLevels() == secondByFactor.get(name).hasLevels()).toList();
        if (shared.isEmpty()) {
            if (!firstByFactor.isEmpty() || !secondByFactor.isEmpty()) {
                add(new Paragraph("The models share no factor with relativities to overlay."));
            }
            return; // neither model has a log link: there are no relativities to compare
        }
        factor.setLabel("Factor in both models");
        factor.setId("comparison-factor");
        factor.setItems(shared);
        factor.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                showFactor(e.getValue());
            }
        });
        chartHolder.setWidthFull();
        add(new H4("Relativities"), factor, chartHolder);
        factor.setValue(shared.getFirst());
    }

    private void showFactor(String name) {
        chart = ComparisonChart.of(firstByFactor.get(name), first.label(), secondByFactor.get(name), second.label());
        chartHolder.removeAll();
        chartHolder.add(chart);
    }

    /** "v2 · lower is better", "—" where no winner is named. */
    private String verdict(MetricComparison m) {
        return switch (m.better()) {
            case FIRST -> first.label() + " · " + m.rule();
            case SECOND -> second.label() + " · " + m.rule();
            case EQUAL -> "equal";
            case NOT_COMPARED -> m.rule().isEmpty() ? "" : Formats.UNDEFINED;
        };
    }

    /** The factors whose relativities can be overlaid (both models must have them). */
    public List<String> sharedFactors() {
        return shared;
    }

    public void showRelativities(String name) {
        if (!shared.contains(name)) {
            throw new IllegalArgumentException("Both models must have relativities for " + name);
        }
        factor.setValue(name);
    }

    private static Map<String, FactorRelativities> byFactor(ModelDetail model) {
        return model.relativities().stream().collect(Collectors.toMap(FactorRelativities::factor,
                Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }
}
