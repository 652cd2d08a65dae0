package org.atelier.ui.explore;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.function.Consumer;
import org.atelier.dataset.DatasetExploration;
import org.atelier.dataset.DatasetExploration.FactorOneWay;
import org.atelier.dataset.DatasetExploration.Level;
import org.atelier.ui.common.Badge;
import org.atelier.ui.results.OneWayChart;

/** One factor's one-way: the chart, "Add to model" with its suggested type and base level, and the table. */
class OneWayPanel extends Div {
    final Button add;
    final Grid<Level> table = new Grid<>();
    final OneWayChart chart;

    OneWayPanel(FactorOneWay factor, double overallRate, boolean inModel, Consumer<FactorOneWay> onAdd) {
        setWidthFull();
        H4 title = new H4("One-way: " + factor.column() + (factor.banded() ? " (10 equal-exposure bands)" : ""));
        add = new Button(addLabel(factor), VaadinIcon.PLUS.create(), e -> onAdd.accept(factor));
        add.setId("explore-add-factor");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        add.setEnabled(!inModel);
        if (inModel) add.setTooltipText(factor.column() + " is in the model already");
        HorizontalLayout head = new HorizontalLayout(title, add);
        head.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        chart = new OneWayChart("explore-one-way-chart", factor.column(), factor.levels().stream()
                .map(l -> new OneWayChart.Point(l.level(), l.exposure(), l.rate(), l.rateLower(), l.rateUpper()))
                .toList(), overallRate);
        table.setId("explore-one-way-table");
        table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        table.addClassName("atelier-dense");
        table.setAllRowsVisible(factor.levels().size() <= 25);
        if (factor.levels().size() > 25) table.setHeight("420px");
        table.addComponentColumn(l -> {
            HorizontalLayout cell = new HorizontalLayout(new com.vaadin.flow.component.html.Span(l.level()));
            if (l.thin()) cell.add(new Badge("thin", "warning"));
            if (l.level().equals(factor.baseLevel())) cell.add(new Badge("base", "numeric"));
            cell.setSpacing(true);
            return cell;
        }).setHeader("Level").setKey("Level").setAutoWidth(true);
        number(table.addColumn(l -> String.format("%,d", l.nObs())).setHeader("Rows").setKey("Rows"));
        number(table.addColumn(l -> ExploreText.number(l.exposure(), 1)).setHeader("Exposure").setKey("Exposure"));
        number(table.addColumn(l -> ExploreText.percent(l.share())).setHeader("Share").setKey("Share"));
        number(table.addColumn(l -> ExploreText.number(l.actual(), 1)).setHeader("Actual").setKey("Actual"));
        number(table.addColumn(l -> ExploreText.rate(l.rate())).setHeader("Observed rate").setKey("Rate"));
        number(table.addColumn(l -> "[" + ExploreText.rate(l.rateLower()) + ", " + ExploreText.rate(l.rateUpper()) + "]")
                .setHeader("95% CI").setKey("CI"));
        table.addColumn(l -> l.thin() ? "thin" : "").setHeader("Thin").setKey("Thin").setAutoWidth(true);
        table.setItems(factor.levels());
        add(head, chart, table);
    }

    static String addLabel(FactorOneWay factor) {
        String type = switch (factor.suggestedType()) {
            case CATEGORICAL -> "categorical" + (factor.baseLevel() == null ? "" : ", base " + factor.baseLevel());
            case TARGET_ENCODING -> "target encoding";
            default -> factor.suggestedType().id();
        };
        return "Add to model (" + type + ")";
    }

    private static void number(Grid.Column<DatasetExploration.Level> column) {
        column.setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
    }
}
