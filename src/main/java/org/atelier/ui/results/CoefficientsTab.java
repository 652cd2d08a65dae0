package org.atelier.ui.results;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import org.atelier.model.CoefficientRow;
import org.atelier.ui.results.CoefficientNode.Coefficient;
import org.atelier.ui.results.CoefficientNode.Factor;

/**
 * The coefficient table grouped by factor, each group collapsible, every column sortable, narrowed
 * by a factor filter and a search. Clicking a factor's header row opens its drill-down.
 */
class CoefficientsTab extends Div {
    final MultiSelectComboBox<String> factorFilter = new MultiSelectComboBox<>("Factors");
    final TextField search = new TextField();
    final TreeGrid<CoefficientNode> grid = new TreeGrid<>();
    private final Map<String, List<CoefficientRow>> byFactor = new LinkedHashMap<>();

    /**
     * @param statistic "z" or "t": which statistic the family's coefficients carry
     * @param openFactor called with a factor's name when its group header is clicked
     */
    CoefficientsTab(List<CoefficientRow> coefficients, String statistic, Consumer<String> openFactor) {
        addClassName("atelier-results-coefficients");
        for (CoefficientRow row : coefficients) {
            byFactor.computeIfAbsent(row.factorName(), f -> new ArrayList<>()).add(row);
        }
        factorFilter.setItems(byFactor.keySet());
        factorFilter.setPlaceholder("All");
        factorFilter.setClearButtonVisible(true);
        factorFilter.addValueChangeListener(e -> refresh());
        search.setPlaceholder("Search features");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setAriaLabel("Search features");
        search.addValueChangeListener(e -> refresh());
        HorizontalLayout toolbar = new HorizontalLayout(factorFilter, search);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.setId("coefficient-grid");
        grid.addClassName("atelier-dense");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(false);
        grid.setHeight("100%");
        columns(statistic);
        grid.addItemClickListener(e -> {
            if (e.getItem() instanceof Factor factor) {
                openFactor.accept(factor.name());
            }
        });
        setHeightFull();
        getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)");
        add(toolbar, grid);
        grid.getStyle().set("flex", "1").set("min-height", "300px");
        refresh();
    }

    private void columns(String statistic) {
        grid.addHierarchyColumn(node -> switch (node) {
            case Factor f -> f.name() + " (" + f.coefficients() + ")";
            case Coefficient c -> c.label();
        }).setKey("feature").setHeader("Feature").setAutoWidth(true).setFlexGrow(2).setComparator(
                order(Comparator.comparing((Coefficient c) -> c.row().feature())))
                .setTooltipGenerator(node -> node instanceof Factor f ? "Open " + f.name() + " in detail" : null)
                .setPartNameGenerator(node -> node instanceof Factor ? "atelier-factor-row" : null);
        number("estimate", "Estimate", CoefficientRow::estimate);
        number("stdError", "Std. error", CoefficientRow::stdError);
        number("statistic", statistic + " value", CoefficientRow::statistic);
        grid.addColumn(node -> node instanceof Coefficient c ? Formats.pValue(c.row().pValue()) : "")
                .setKey("pValue").setHeader("P>|" + statistic + "|").setTextAlign(ColumnTextAlign.END)
                .setComparator(order(Comparator.comparingDouble((Coefficient c) -> c.row().pValue())))
                .setPartNameGenerator(node -> node instanceof Coefficient c ? pValueClass(c.row().pValue()) : null);
        grid.addColumn(node -> node instanceof Coefficient c
                        ? Formats.estimateInterval(c.row().ciLower(), c.row().ciUpper()) : "")
                .setKey("ci").setHeader("95% CI").setWidth("190px").setFlexGrow(2) // "[-3.5852, -3.4201]" whole
                .setComparator(order(Comparator.comparingDouble((Coefficient c) -> c.row().ciLower())));
        grid.addColumn(node -> node instanceof Coefficient c ? c.row().significance() : "")
                .setKey("significance").setHeader("Sig.").setWidth("70px").setFlexGrow(0)
                .setComparator(order(Comparator.comparingDouble((Coefficient c) -> c.row().pValue())));
        grid.getColumns().forEach(column -> column.setResizable(true));
    }

    private void number(String key, String header, ToDoubleFunction<CoefficientRow> value) {
        grid.addColumn(node -> node instanceof Coefficient c ? Formats.estimate(value.applyAsDouble(c.row())) : "")
                .setKey(key).setHeader(header).setTextAlign(ColumnTextAlign.END)
                .setComparator(order(Comparator.comparingDouble((Coefficient c) -> value.applyAsDouble(c.row()))));
    }

    /**
     * Sorting orders coefficients within their factor; the factor groups stay in the model's term order
     * (reversed for a descending sort), so a sort never mixes one factor's levels into another's.
     */
    private static Comparator<CoefficientNode> order(Comparator<Coefficient> coefficients) {
        return (a, b) -> {
            if (a instanceof Coefficient ca && b instanceof Coefficient cb) {
                return coefficients.compare(ca, cb);
            }
            if (a instanceof Factor fa && b instanceof Factor fb) {
                return Integer.compare(fa.order(), fb.order());
            }
            return 0;
        };
    }

    /** p-values by strength: <0.001 bold, <0.01 normal, <0.05 lighter, the rest muted. */
    static String pValueClass(double p) {
        if (p < 0.001) {
            return "atelier-p-strong";
        }
        if (p < 0.01) {
            return "atelier-p-significant";
        }
        return p < 0.05 ? "atelier-p-weak" : "atelier-p-none";
    }

    /** Rebuilds the tree from the rows the filter and search let through, every factor expanded. */
    private void refresh() {
        Set<String> factors = factorFilter.getValue();
        String needle = search.getValue() == null ? "" : search.getValue().strip().toLowerCase(Locale.ROOT);
        TreeData<CoefficientNode> tree = new TreeData<>();
        List<CoefficientNode> groups = new ArrayList<>();
        int order = 0;
        for (Map.Entry<String, List<CoefficientRow>> entry : byFactor.entrySet()) {
            String factor = entry.getKey();
            int index = order++;
            if (!factors.isEmpty() && !factors.contains(factor)) {
                continue;
            }
            List<CoefficientRow> rows = entry.getValue().stream().filter(row -> needle.isEmpty()
                    || row.feature().toLowerCase(Locale.ROOT).contains(needle)
                    || factor.toLowerCase(Locale.ROOT).contains(needle)).toList();
            if (rows.isEmpty()) {
                continue;
            }
            Factor group = new Factor(factor, index, rows.size());
            tree.addItem(null, group);
            rows.forEach(row -> tree.addItem(group, new Coefficient(row)));
            groups.add(group);
        }
        grid.setDataProvider(new TreeDataProvider<>(tree));
        grid.expand(groups);
    }

    /** The coefficient rows currently shown (what filter and search leave), in grid order. */
    List<CoefficientRow> visibleRows() {
        List<CoefficientRow> out = new ArrayList<>();
        TreeData<CoefficientNode> tree = ((TreeDataProvider<CoefficientNode>) grid.getDataProvider()).getTreeData();
        for (CoefficientNode root : tree.getRootItems()) {
            for (CoefficientNode child : tree.getChildren(root)) {
                out.add(((Coefficient) child).row());
            }
        }
        return out;
    }
}
