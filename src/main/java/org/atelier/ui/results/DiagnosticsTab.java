package org.atelier.ui.results;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.atelier.fit.ModelValidationService;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelDiagnostics;
import org.atelier.model.ModelDiagnostics.DropOneTest;
import org.atelier.scoring.OutOfTime;
import org.atelier.ui.common.UiAccess;
import org.atelier.ui.common.UserMessages;

/**
 * The Diagnostics tab: the training rows against the hold-out (deviance per observation, Gini, A/E) with flags
 * where the hold-out disagrees, the drop-one (type III) tests run on request, for a penalized fit what the penalty
 * kept and set to zero, and for a cross-validated one its CV curve and coefficient path.
 */
class DiagnosticsTab extends Div {
    final List<MetricCard> trainCards = new ArrayList<>();
    final List<MetricCard> testCards = new ArrayList<>();
    /** Each out-of-time part's cards, by its title ("Out of time: file.csv"). */
    final java.util.Map<String, List<MetricCard>> outOfTimeCards = new java.util.LinkedHashMap<>();
    OutOfTimeSection outOfTime;
    final Div flags = new Div();
    final Grid<DropOneTest> dropOne = new Grid<>();
    final Button runDropOne = new Button("Run drop-one tests", VaadinIcon.PLAY.create());
    final Button cancelDropOne = new Button("Cancel");
    final ProgressBar dropOneProgress = new ProgressBar();
    final Span dropOneStatus = new Span();
    PenaltyCharts penalty;
    PenaltySummary penaltySummary;
    private final ModelDetail model;
    private final ValidationTabs.Services services;

    DiagnosticsTab(ModelDetail model, Optional<ModelDiagnostics> stored, ValidationTabs.Services services,
                   Consumer<OutOfTime> outOfTimeComputed) {
        this.model = model;
        this.services = services;
        addClassName("atelier-results-diagnostics");
        if (stored.isEmpty() || stored.get().train() == null) {
            add(EmptyDiagnostics.note());
        } else {
            ModelDiagnostics d = stored.get();
            Div parts = parts(d);
            services.scoring().outOfTime(model.id()).forEach(o -> parts.add(outOfTimePart(o, d.train())));
            outOfTime = new OutOfTimeSection(model, services.scoring(), o -> {
                parts.add(outOfTimePart(o, d.train()));
                outOfTimeComputed.accept(o);
            });
            add(parts, flags, outOfTime);
            flags.setId("diagnostic-flags");
            for (String flag : DiagnosticFlags.of(d)) {
                Div line = new Div(VaadinIcon.WARNING.create(), new Span(flag));
                line.addClassNames("atelier-diagnostic-flag");
                flags.add(line);
            }
        }
        add(dropOneSection(stored.map(ModelDiagnostics::dropOne).orElse(null)));
        services.penalties().of(model.id()).ifPresent(path -> {
            penaltySummary = new PenaltySummary(path, model.coefficients());
            add(penaltySummary);
            if (path.crossValidated()) {
                penalty = new PenaltyCharts(path);
                add(penalty);
            }
        });
    }

    /** A stored out-of-time part, flagged against the training rows as the hold-out is; replaces an older one. */
    private Div outOfTimePart(OutOfTime o, ModelDiagnostics.Part train) {
        List<MetricCard> cards = new ArrayList<>();
        Div box = part(o.title(), o.part(), train, cards);
        box.setId("out-of-time-" + o.datasetId());
        getChildren().flatMap(c -> c.getChildren()).filter(c -> c.getId().filter(box.getId().get()::equals).isPresent())
                .toList().forEach(c -> c.removeFromParent());
        outOfTimeCards.put(o.title(), cards);
        return box;
    }

    private Div parts(ModelDiagnostics d) {
        Div parts = new Div();
        parts.addClassName("atelier-diagnostic-parts");
        parts.add(part("Training", d.train(), null, trainCards));
        if (d.test() != null) {
            parts.add(part("Hold-out", d.test(), d.train(), testCards));
        } else {
            Div none = new Div("No hold-out: add a Validation to the spec to judge the model on rows it was not"
                    + " fitted on.");
            none.addClassName("atelier-muted");
            parts.add(none);
        }
        return parts;
    }

    /** One part's cards; the hold-out's are marked where a flag is raised. */
    private static Div part(String title, ModelDiagnostics.Part p, ModelDiagnostics.Part train, List<MetricCard> cards) {
        MetricCard rows = new MetricCard("Observations", Formats.count(p.totals().nObs()));
        MetricCard exposure = new MetricCard("Exposure", Formats.exposure(p.totals().exposure()));
        MetricCard deviance = new MetricCard("Deviance / obs", Formats.estimate(p.totals().deviancePerObservation()));
        MetricCard gini = new MetricCard("Gini", gini(p.gini()));
        MetricCard ae = new MetricCard("A/E", ae(p.totals().ae()));
        if (train != null && DiagnosticFlags.giniDrops(train, p)) {
            gini.addClassName("atelier-flagged");
        }
        if (train != null && DiagnosticFlags.aeOutside(p)) {
            ae.addClassName("atelier-flagged");
        }
        cards.addAll(List.of(deviance, gini, ae, rows, exposure));
        Div grid = new Div();
        grid.addClassName("atelier-metric-grid");
        cards.forEach(grid::add);
        Div box = new Div(new H4(title), grid);
        box.addClassName("atelier-diagnostic-part");
        return box;
    }

    private Div dropOneSection(List<DropOneTest> storedTests) {
        H4 title = new H4("Drop-one tests");
        Span what = new Span("Each term refitted out of the model (type III): the deviance it explains, with a χ²"
                + " test, or F where the dispersion is estimated.");
        what.addClassName("atelier-muted");
        dropOne.setId("drop-one-grid");
        dropOne.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        dropOne.setAllRowsVisible(true);
        dropOne.addColumn(DropOneTest::term).setHeader("Term").setKey("term").setFlexGrow(2);
        dropOne.addColumn(t -> Formats.count(t.df())).setHeader("df").setKey("df").setTextAlign(ColumnTextAlign.END);
        dropOne.addColumn(t -> Formats.amount(t.deviance())).setHeader("Deviance without").setKey("deviance")
                .setTextAlign(ColumnTextAlign.END);
        dropOne.addColumn(t -> Formats.amount(t.deltaDeviance())).setHeader("Δ deviance").setKey("delta")
                .setTextAlign(ColumnTextAlign.END).setComparator(DropOneTest::deltaDeviance);
        dropOne.addColumn(t -> t.test() + " " + Formats.amount(t.statistic())).setHeader("Statistic")
                .setKey("statistic").setTextAlign(ColumnTextAlign.END);
        dropOne.addColumn(t -> Formats.pValue(t.pValue())).setHeader("p-value").setKey("p")
                .setTextAlign(ColumnTextAlign.END).setComparator(DropOneTest::pValue);
        runDropOne.setId("run-drop-one");
        runDropOne.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        runDropOne.addClickListener(e -> start());
        cancelDropOne.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        cancelDropOne.addClickListener(e -> services.validation().cancelDropOne(model.id()));
        dropOneProgress.setWidth("12rem");
        HorizontalLayout bar = new HorizontalLayout(runDropOne, dropOneProgress, dropOneStatus, cancelDropOne);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        if (storedTests != null) {
            showTests(storedTests);
        } else if (services.validation().isDropOneRunning(model.id())) {
            running("Running (started earlier): reopen the model to see the results once done");
        } else {
            idle(null);
        }
        Div section = new Div(title, what, bar, dropOne);
        section.addClassName("atelier-drop-one");
        return section;
    }

    private void start() {
        UI ui = UI.getCurrent();
        running("Starting…");
        try {
            services.validation().startDropOne(model.id(), new ModelValidationService.DropOneListener() {
                @Override
                public void progress(int done, int total, String term) {
                    UiAccess.run(ui, () -> {
                        dropOneProgress.setIndeterminate(false);
                        dropOneProgress.setValue(total == 0 ? 0 : (double) done / total);
                        dropOneStatus.setText(term == null ? "Done" : String.format(Locale.ROOT,
                                "Refitting without %s (%d/%d)", term, done + 1, total));
                    });
                }

                @Override
                public void finished(List<DropOneTest> tests) {
                    UiAccess.run(ui, () -> showTests(tests));
                }

                @Override
                public void failed(String message) {
                    UiAccess.run(ui, () -> idle("Drop-one tests failed: " + message));
                }

                @Override
                public void cancelled() {
                    UiAccess.run(ui, () -> idle("Drop-one tests cancelled"));
                }
            });
        } catch (RuntimeException e) {
            idle("Could not start the drop-one tests: " + UserMessages.of(e));
        }
    }

    private void running(String status) {
        runDropOne.setVisible(false);
        dropOneProgress.setVisible(true);
        dropOneProgress.setIndeterminate(true);
        cancelDropOne.setVisible(true);
        dropOneStatus.setText(status);
        dropOne.setVisible(false);
    }

    private void idle(String status) {
        runDropOne.setVisible(true);
        dropOneProgress.setVisible(false);
        cancelDropOne.setVisible(false);
        dropOneStatus.setText(status == null ? "" : status);
        dropOne.setVisible(false);
    }

    private void showTests(List<DropOneTest> tests) {
        runDropOne.setVisible(false);
        dropOneProgress.setVisible(false);
        cancelDropOne.setVisible(false);
        dropOneStatus.setText("");
        dropOne.setItems(tests);
        dropOne.setVisible(true);
    }

    static String gini(double gini) {
        return Double.isFinite(gini) ? String.format(Locale.ROOT, "%.4f", gini) : Formats.UNDEFINED;
    }

    static String ae(double ae) {
        return Double.isFinite(ae) ? String.format(Locale.ROOT, "%.3f", ae) : Formats.UNDEFINED;
    }
}
