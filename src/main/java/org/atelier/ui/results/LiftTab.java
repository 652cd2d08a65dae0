package org.atelier.ui.results;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.charts.Chart;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelDiagnostics;
import org.atelier.model.ModelDiagnostics.DoubleLiftBucket;
import org.atelier.model.ModelDiagnostics.LiftBucket;
import org.atelier.model.ModelStatus;
import org.atelier.scoring.OutOfTime;
import org.atelier.ui.common.UiAccess;
import org.atelier.ui.common.UserMessages;

/**
 * The Lift tab: the lift chart and its table for 5, 10 or 20 buckets (all three stored with the model, so switching
 * recomputes nothing), on the training rows or the hold-out, the Lorenz curve with the Gini, and the double lift
 * against another completed model of the project fitted on the same dataset (computed on request, in the
 * background: it predicts both models on the dataset's rows).
 */
class LiftTab extends Div {
    static final String TRAINING = "Training";
    static final String HOLD_OUT = "Hold-out";
    static final String INTERVAL_NOTE = "Bars: A/E per bucket of equal exposure, ranked by predicted rate, with its 95%"
            + " interval, Poisson-type: A/E·(1 ± 1.96/√A), A the bucket's actual.";
    final Select<Integer> buckets = new Select<>();
    final RadioButtonGroup<String> part = new RadioButtonGroup<>();
    final Div liftHolder = new Div();
    final Grid<LiftBucket> table = new Grid<>();
    final Div lorenzHolder = new Div();
    final Select<ModelDetail> against = new Select<>();
    final Div doubleLiftHolder = new Div();
    final Span doubleLiftStatus = new Span();
    Chart liftChart;
    Chart lorenzChart;
    Chart doubleLiftChart;
    private final ModelDetail model;
    private final ValidationTabs.Services services;
    private final Map<String, List<DoubleLiftBucket>> doubleLifts = new HashMap<>();
    private ModelDiagnostics diagnostics;
    /** Stored out-of-time parts by title ("Out of time: file.csv"). */
    private final Map<String, ModelDiagnostics.Part> outOfTime = new java.util.LinkedHashMap<>();

    LiftTab(ModelDetail model, Optional<ModelDiagnostics> stored, ValidationTabs.Services services) {
        this.model = model;
        this.services = services;
        addClassName("atelier-results-lift");
        if (stored.isEmpty() || stored.get().train() == null) {
            add(EmptyDiagnostics.note());
            return;
        }
        diagnostics = stored.get();
        buckets.setLabel("Buckets");
        buckets.setId("lift-buckets");
        buckets.setItems(diagnostics.train().lifts().stream().map(ModelDiagnostics.Lift::k).sorted().toList());
        buckets.setValue(10);
        part.setLabel("Rows");
        part.setId("lift-part");
        services.scoring().outOfTime(model.id()).forEach(o -> outOfTime.put(o.title(), o.part()));
        showParts();
        part.setValue(TRAINING);
        buckets.addValueChangeListener(e -> show());
        part.addValueChangeListener(e -> show());
        HorizontalLayout controls = new HorizontalLayout(buckets, part);
        controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        Span note = new Span(INTERVAL_NOTE);
        note.addClassName("atelier-muted");
        liftHolder.setWidthFull();
        lorenzHolder.setWidthFull();
        doubleLiftHolder.setWidthFull();
        buildTable();
        add(controls, liftHolder, note, table, new H4("Lorenz curve"), lorenzHolder, doubleLiftSection());
        show();
    }

    private void buildTable() {
        table.setId("lift-table");
        table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        table.addClassName("atelier-dense");
        table.setAllRowsVisible(true);
        table.addColumn(LiftBucket::bucket).setHeader("Bucket").setKey("bucket");
        table.addColumn(b -> Formats.count(b.nObs())).setHeader("Observations").setKey("nObs")
                .setTextAlign(ColumnTextAlign.END);
        table.addColumn(b -> Formats.exposure(b.exposure())).setHeader("Exposure").setKey("exposure")
                .setTextAlign(ColumnTextAlign.END);
        table.addColumn(b -> Formats.amount(b.actual())).setHeader("Actual").setKey("actual")
                .setTextAlign(ColumnTextAlign.END);
        table.addColumn(b -> Formats.amount(b.expected())).setHeader("Expected").setKey("expected")
                .setTextAlign(ColumnTextAlign.END);
        table.addColumn(b -> Formats.estimate(b.actualRate())).setHeader("Actual rate").setKey("actualRate")
                .setTextAlign(ColumnTextAlign.END);
        table.addColumn(b -> Formats.estimate(b.predictedRate())).setHeader("Predicted rate").setKey("predictedRate")
                .setTextAlign(ColumnTextAlign.END);
        table.addColumn(b -> DiagnosticsTab.ae(b.ae())).setHeader("A/E").setKey("ae")
                .setTextAlign(ColumnTextAlign.END);
        table.addColumn(b -> DiagnosticsTab.ae(b.aeLower()) + " – " + DiagnosticsTab.ae(b.aeUpper()))
                .setHeader("95% interval").setKey("interval").setTextAlign(ColumnTextAlign.END);
        // every row is rendered (at most 20), so each column can take the width its header and figures need
        table.getColumns().forEach(column -> column.setAutoWidth(true));
    }

    /** The shown part's figures: the training rows, the hold-out or an out-of-time dataset, as chosen. */
    ModelDiagnostics.Part shownPart() {
        if (outOfTime.containsKey(part.getValue())) {
            return outOfTime.get(part.getValue());
        }
        return HOLD_OUT.equals(part.getValue()) && diagnostics.test() != null ? diagnostics.test() : diagnostics.train();
    }

    /** A part just computed in the Diagnostics tab (a recomputed one replaces its figures). */
    void addOutOfTime(OutOfTime o) {
        if (diagnostics == null) {
            return;
        }
        outOfTime.put(o.title(), o.part());
        String shown = part.getValue();
        showParts();
        part.setValue(shown);
        if (o.title().equals(shown)) {
            show();
        }
    }

    private void showParts() {
        List<String> items = new java.util.ArrayList<>(List.of(TRAINING));
        if (diagnostics.test() != null) {
            items.add(HOLD_OUT);
        }
        items.addAll(outOfTime.keySet());
        part.setItems(items);
        part.setVisible(items.size() > 1);
    }

    private void show() {
        ModelDiagnostics.Part p = shownPart();
        int k = buckets.getValue() == null ? 10 : buckets.getValue();
        ModelDiagnostics.Lift lift = p.lift(k).orElseThrow(() -> new IllegalStateException("No lift with " + k
                + " buckets stored"));
        liftChart = LiftCharts.lift(lift, "lift-chart");
        liftHolder.removeAll();
        liftHolder.add(liftChart);
        table.setItems(lift.buckets());
        lorenzChart = LiftCharts.lorenz(p.lorenz(), p.gini(), "lorenz-chart");
        lorenzChart.setHeight("320px");
        lorenzHolder.removeAll();
        lorenzHolder.add(lorenzChart);
        if (against.getValue() != null) {
            showDoubleLift(against.getValue());
        }
    }

    private Div doubleLiftSection() {
        against.setLabel("Against model");
        against.setId("double-lift-model");
        against.setEmptySelectionAllowed(true);
        against.setEmptySelectionCaption("Choose a model");
        against.setItemLabelGenerator(m -> m == null ? "Choose a model" : m.label());
        List<ModelDetail> others = comparable();
        against.setItems(others);
        against.setEnabled(!others.isEmpty());
        against.setHelperText(others.isEmpty() ? "No other completed model of this project was fitted on this dataset"
                : null);
        against.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                showDoubleLift(e.getValue());
            } else {
                doubleLiftHolder.removeAll();
                doubleLiftStatus.setText("");
            }
        });
        Div what = new Div("Rows ranked by this model's prediction over the other's: where the ratio is high, the"
                + " line closer to the actual shows which model is right.");
        what.addClassName("atelier-muted");
        Div section = new Div(new H4("Double lift"), what, against, doubleLiftStatus, doubleLiftHolder);
        section.addClassName("atelier-double-lift");
        return section;
    }

    /** The project's other completed models on this model's dataset, newest first. */
    private List<ModelDetail> comparable() {
        return services.models().history(model.projectId()).stream()
                .filter(r -> r.status() == ModelStatus.COMPLETED && !r.id().equals(model.id()))
                .map(r -> services.models().get(r.id()))
                .filter(m -> m.datasetId().equals(model.datasetId()))
                .toList();
    }

    /**
     * On the hold-out when it is shown and the other model held out the same rows (so neither was fitted on
     * them), else on every row of the dataset.
     */
    private boolean doubleLiftOnHoldOut(ModelDetail other) {
        return HOLD_OUT.equals(part.getValue()) && model.spec().validation() != null
                && Objects.equals(model.spec().validation(), other.spec().validation());
    }

    private void showDoubleLift(ModelDetail other) {
        int k = buckets.getValue() == null ? 10 : buckets.getValue();
        boolean holdOut = doubleLiftOnHoldOut(other);
        String key = other.id() + "/" + k + "/" + holdOut;
        String rows = holdOut ? "on the hold-out" : "on every row of the dataset";
        List<DoubleLiftBucket> known = doubleLifts.get(key);
        if (known != null) {
            drawDoubleLift(known, other, rows);
            return;
        }
        doubleLiftStatus.setText("Computing the double lift against " + other.label() + "…");
        UI ui = UI.getCurrent();
        CompletableFuture.supplyAsync(() -> services.validation().doubleLift(other.id(), model.id(), k, holdOut))
                .whenComplete((result, error) -> UiAccess.run(ui, () -> {
                    if (error != null) {
                        doubleLiftStatus.setText("Could not compute the double lift: " + UserMessages.of(error));
                        return;
                    }
                    doubleLifts.put(key, result);
                    ModelDetail chosen = against.getValue();
                    if (chosen != null && chosen.id().equals(other.id())) {
                        drawDoubleLift(result, other, rows);
                    }
                }));
    }

    private void drawDoubleLift(List<DoubleLiftBucket> result, ModelDetail other, String rows) {
        doubleLiftStatus.setText(model.label() + " against " + other.label() + ", " + rows + ".");
        doubleLiftChart = LiftCharts.doubleLift(result, other.label(), model.label(), "double-lift-chart");
        doubleLiftHolder.removeAll();
        doubleLiftHolder.add(doubleLiftChart);
    }
}
