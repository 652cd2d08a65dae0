package org.atelier.ui.explore;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.atelier.data.ColumnProfile;
import org.atelier.dataset.DatasetExploration;
import org.atelier.dataset.DatasetExploration.Choice;
import org.atelier.dataset.DatasetExploration.FactorOneWay;
import org.atelier.dataset.DatasetExploration.Strength;
import org.atelier.dataset.DatasetInfo;
import org.atelier.dataset.ExplorationService;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.TermSpec;
import org.atelier.ui.common.UiAccess;
import org.atelier.ui.common.UserMessages;

/**
 * The Explore tab: the portfolio before fitting. It explores the spec's response, exposure (the offset) and weights,
 * or before a response is picked the guessed one (changeable here); computed in the background with progress and
 * cached per dataset and choice, so reopening is instant. Shows the response summary, the data-quality report, the
 * factors ranked by strength, the chosen factor's one-way (chart and table, "Add to model") and the associations.
 */
public class ExploreTab extends Div {
    private final ExplorationService explorations;
    private final Executor executor;
    private final Consumer<TermSpec> addFactor;
    final ComboBox<String> response = new ComboBox<>("Response");
    final Span status = new Span();
    final ProgressBar progress = new ProgressBar(0, 1);
    final Div content = new Div();
    final Grid<FactorRow> factors = new Grid<>();
    final Div oneWay = new Div();
    private DatasetInfo dataset;
    private Choice choice;
    DatasetExploration shown;
    private Set<String> inModel = Set.of();
    /** The current choice's number: read by the exploring thread, which stops once a newer choice has come. */
    private volatile int generation;
    private ResponseTarget responseTarget;
    OneWayPanel openPanel;

    /**
     * Where the tab's response goes (the spec panel): {@code picked} when the user chose it here, else the guess for
     * a newly shown dataset, which the spec takes only when it has no response.
     */
    public interface ResponseTarget {
        void response(Choice choice, boolean picked);
    }

    /** A factor in the ranked list: its strength when it has one. */
    record FactorRow(String column, Strength strength) {
    }

    public ExploreTab(ExplorationService explorations, Executor executor, Consumer<TermSpec> addFactor) {
        this.explorations = explorations;
        this.executor = executor;
        this.addFactor = addFactor;
        setId("explore-tab");
        setSizeFull();
        getStyle().set("overflow", "auto").set("padding", "var(--lumo-space-s)");
        response.setId("explore-response");
        response.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null && dataset != null) {
                Choice picked = new Choice(e.getValue(), choice == null ? null : choice.exposure(),
                        choice == null ? null : choice.weights(), explorations.suggestedFamily(dataset.id(),
                        e.getValue()), null);
                if (responseTarget == null) {
                    explore(picked);
                } else {
                    responseTarget.response(picked, true); // the spec changes, and follow() explores its choice
                }
            }
        });
        progress.setWidth("240px");
        progress.setVisible(false);
        status.setId("explore-status");
        HorizontalLayout bar = new HorizontalLayout(response, progress, status);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        factors.setId("explore-factors");
        factors.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        factors.addColumn(FactorRow::column).setHeader("Factor").setKey("Factor").setAutoWidth(true);
        factors.addColumn(r -> r.strength() == null ? "" : ExploreText.number(r.strength().devianceReduction(), 1))
                .setHeader("Deviance reduction").setKey("Deviance").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        factors.addColumn(r -> r.strength() == null ? "" : String.valueOf(r.strength().df())).setHeader("df")
                .setKey("df").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        factors.addColumn(r -> r.strength() == null ? "" : ExploreText.pValue(r.strength().pValue()))
                .setHeader("p-value").setKey("p").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        factors.setWidthFull();
        factors.setMaxWidth("720px");
        factors.setHeight("300px");
        factors.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) openFactor(e.getValue().column());
        });
        oneWay.setWidthFull();
        add(bar, content);
    }

    public void sendResponsesTo(ResponseTarget target) {
        responseTarget = target;
    }

    /** A new dataset (or none): explores the guessed choice until the spec names a response. */
    public void show(DatasetInfo newDataset) {
        dataset = newDataset;
        choice = null;
        shown = null;
        content.removeAll();
        if (dataset == null) return;
        response.setItems(dataset.columns().stream().filter(ColumnProfile::isNumeric).map(ColumnProfile::name)
                .toList());
        try {
            explorations.guess(dataset.id()).ifPresentOrElse(guess -> {
                explore(guess);
                if (responseTarget != null) responseTarget.response(guess, false);
            }, () -> status.setText("Pick the response to explore the data for."));
        } catch (RuntimeException e) {
            status.setText(UserMessages.of(e));
        }
    }

    /** The spec changed: explore again when its response, exposure or weights (or family) differ. */
    public void follow(ModelSpec spec) {
        inModel = spec.terms().stream().map(TermSpec::name).collect(java.util.stream.Collectors.toSet());
        if (dataset == null || spec.response() == null) {
            refreshAddButton();
            return;
        }
        Choice wanted = new Choice(spec.response(), spec.offset(), spec.weights(), spec.family(), spec.link());
        if (!Objects.equals(wanted, choice)) {
            explore(wanted);
        } else {
            refreshAddButton();
        }
    }

    void explore(Choice next) {
        choice = next;
        response.setValue(next.response());
        int mine = ++generation;
        var cached = explorations.cached(dataset.id(), next);
        if (cached.isPresent()) {
            render(cached.get());
            return;
        }
        String datasetId = dataset.id();
        UI ui = UI.getCurrent();
        progress.setVisible(true);
        progress.setValue(0);
        status.setText("Exploring " + next.response() + "…");
        executor.execute(() -> {
            try {
                DatasetExploration x = explorations.explore(datasetId, next, (stage, done) -> {
                    if (mine != generation || ui.isClosing() || !ui.isAttached()) {
                        throw new Abandoned(); // a newer choice, or the page is gone: the rest is no one's
                    }
                    UiAccess.run(ui, () -> {
                        if (mine == generation) {
                            progress.setValue(done);
                            status.setText(stage + "…");
                        }
                    });
                });
                UiAccess.run(ui, () -> {
                    if (mine == generation) render(x);
                });
            } catch (Abandoned e) {
                // nothing to show: whoever asked for it no longer looks
            } catch (RuntimeException e) {
                UiAccess.run(ui, () -> {
                    if (mine == generation) {
                        progress.setVisible(false);
                        status.setText(UserMessages.of(e));
                    }
                });
            }
        });
    }

    private void render(DatasetExploration x) {
        shown = x;
        progress.setVisible(false);
        Choice c = x.choice();
        status.setText("Exposure: " + (c.exposure() == null ? "none" : c.exposure()) + " · weights: "
                + (c.weights() == null ? "none" : c.weights()) + " · strengths by " + c.family());
        content.removeAll();
        content.add(summary(x), heading("Data quality"), new QualityReportView(x));
        List<FactorRow> rows = new ArrayList<>();
        for (Strength s : x.strength()) rows.add(new FactorRow(s.column(), s));
        for (FactorOneWay f : x.factors()) {
            if (rows.stream().noneMatch(r -> r.column().equals(f.column()))) rows.add(new FactorRow(f.column(), null));
        }
        factors.setItems(rows);
        // with errors in the report no one-factor GLM was fitted: the list is for browsing the one-ways, unranked
        boolean ranked = !x.strength().isEmpty();
        for (String key : List.of("Deviance", "df", "p")) {
            factors.getColumnByKey(key).setVisible(ranked);
        }
        oneWay.removeAll();
        // the one-way under the list, at the tab's full width: its chart needs the room for band labels
        content.add(heading(ranked ? "Factors by strength"
                        : "Factors (not ranked: the data-quality report has errors)"), factors, oneWay,
                heading("Associations"), new AssociationHeatMap(x.associations()));
        if (!rows.isEmpty()) factors.select(rows.getFirst());
    }

    void openFactor(String column) {
        if (shown == null) return;
        FactorOneWay factor = shown.factor(column);
        oneWay.removeAll();
        if (factor == null) return;
        openPanel = new OneWayPanel(factor, shown.summary().rate(), inModel.contains(column), this::addToModel);
        oneWay.add(openPanel);
    }

    private void addToModel(FactorOneWay factor) {
        addFactor.accept(explorations.suggestedTerm(dataset.id(), factor));
        if (openPanel != null) openPanel.add.setEnabled(false);
    }

    private void refreshAddButton() {
        if (openPanel != null && factors.asSingleSelect().getValue() != null) {
            openPanel.add.setEnabled(!inModel.contains(factors.asSingleSelect().getValue().column()));
        }
    }

    private static Div summary(DatasetExploration x) {
        var s = x.summary();
        StringBuilder text = new StringBuilder();
        text.append(String.format("%,d rows", s.rows()));
        if (s.excludedRows() > 0) text.append(String.format(" (%,d left out: response, exposure or weight missing)",
                s.excludedRows()));
        text.append(" · exposure ").append(ExploreText.number(s.exposure(), 1)).append(" · total ")
                .append(s.response()).append(' ').append(ExploreText.number(s.actual(), 1)).append(" · overall rate ")
                .append(ExploreText.rate(s.rate())).append(" · zero responses ").append(ExploreText.percent(s.zeroShare()));
        StringBuilder q = new StringBuilder("Rate quantiles:");
        for (double[] p : s.rateQuantiles()) {
            q.append(' ').append(p[0] == 0 ? "min" : p[0] == 1 ? "max" : "p" + Math.round(p[0] * 100)).append(' ')
                    .append(ExploreText.rate(p[1]));
        }
        Div box = new Div(new Span(text.toString()), new Div(new Span(q.toString())));
        box.setId("explore-summary");
        return box;
    }

    private static H4 heading(String text) {
        H4 h = new H4(text);
        h.getStyle().set("margin", "var(--lumo-space-m) 0 var(--lumo-space-xs)");
        return h;
    }

    /** Stops an exploration no one will see (its tab closed, or a newer response chosen) at its next step. */
    private static final class Abandoned extends RuntimeException {
        Abandoned() {
            super(null, null, false, false);
        }
    }
}
