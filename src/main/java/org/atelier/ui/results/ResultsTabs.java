package org.atelier.ui.results;

import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.tabs.TabSheetVariant;
import com.vaadin.flow.server.VaadinService;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.TermType;
import org.atelier.fit.RelativityService;
import org.atelier.model.CoefficientRow;
import org.atelier.model.FactorRelativities;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelStatus;

/**
 * A completed model's results as tabs: Summary, Coefficients and, for a log-link model (one that has
 * relativities), Relativities. Everything comes from the {@link ModelDetail} (only a curve redrawn at another base
 * value asks a service, from the stored model), so the component can be built for any stored model (history,
 * comparison) without refitting. Tabs build their content on first visit.
 */
public class ResultsTabs extends TabSheet {
    private final ModelDetail model;
    final Tab summaryTab;
    final Tab coefficientsTab;
    final Tab relativitiesTab;
    private final LazyTab<SummaryTab> summary;
    private final LazyTab<CoefficientsTab> coefficients;
    private final LazyTab<RelativitiesTab> relativities;
    FactorDrillDown drillDown;
    final ValidationTabs validation;
    /** Score data and Download model beside the tabs. */
    final ModelActions actions;
    /** The rating-table downloads, beside the other actions; null outside a Vaadin session. */
    final RatingTableExports exports;

    public ResultsTabs(ModelDetail model) {
        if (model.status() != ModelStatus.COMPLETED || model.metrics() == null) {
            throw new IllegalArgumentException("Model " + model.label() + " has no results (status "
                    + model.status().dbValue() + ")");
        }
        this.model = model;
        setId("results-tabs");
        addClassName("atelier-results");
        addThemeVariants(TabSheetVariant.LUMO_TABS_SMALL);
        setSizeFull();
        summary = new LazyTab<>(() -> new SummaryTab(model));
        coefficients = new LazyTab<>(() -> new CoefficientsTab(model.coefficients(), statistic(), this::openFactor));
        relativities = model.relativities().isEmpty() ? null
                : new LazyTab<>(() -> new RelativitiesTab(model.relativities(), model.coefficients(), rebase(model),
                        storedDiagnostics()));
        summaryTab = add("Summary", summary);
        coefficientsTab = add("Coefficients", coefficients);
        relativitiesTab = relativities == null ? null : add("Relativities", relativities);
        validation = new ValidationTabs(this, model);
        actions = new ModelActions(model);
        exports = RatingTableExports.of(model);
        if (exports != null) {
            actions.add(exports);
        }
        setSuffixComponent(actions);
        addSelectedChangeListener(e -> visitSelected());
        visitSelected();
    }

    /** Puts another action (e.g. the workbench's "Report" link) first in the bar beside the tabs. */
    public void addAction(com.vaadin.flow.component.Component action) {
        actions.addComponentAsFirst(action);
    }

    /** Builds the shown tab's content on its first visit; the others wait until someone looks at them. */
    private void visitSelected() {
        if (getSelectedTab() != null && getComponent(getSelectedTab()) instanceof LazyTab<?> lazy) {
            lazy.visit();
        }
    }

    /** How many tabs have built their content (a tab is built on its first visit). */
    long builtTabs() {
        return java.util.stream.IntStream.range(0, getTabCount())
                .filter(i -> getComponent(getTabAt(i)) instanceof LazyTab<?> lazy && lazy.isBuilt()).count();
    }

    /**
     * Redraws a curve of this model at another base value through the {@link RelativityService} (the Spring bean,
     * found through Vaadin's instantiator so that every place showing results gets it); null outside a Vaadin
     * session, where the base value is then read-only.
     */
    private static BiFunction<FactorRelativities, Double, FactorRelativities> rebase(ModelDetail model) {
        VaadinService vaadin = VaadinService.getCurrent();
        if (vaadin == null) {
            return null;
        }
        RelativityService service = vaadin.getInstantiator().getOrCreate(RelativityService.class);
        return (factor, base) -> service.rebased(model.id(), factor, base);
    }

    /** The diagnostics stored with the model, read once for every tab that shows them. */
    private Optional<org.atelier.model.ModelDiagnostics> storedDiagnostics() {
        return validation.stored();
    }

    public ModelDetail model() {
        return model;
    }

    /** Opens the drill-down of one factor, as a click on its group header in the coefficient table does. */
    public void openFactor(String factor) {
        List<CoefficientRow> rows = model.coefficients().stream()
                .filter(c -> c.factorName().equals(factor)).toList();
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("The model has no factor " + factor);
        }
        FactorRelativities factorRelativities = model.relativities().stream()
                .filter(r -> r.factor().equals(factor)).findFirst().orElse(null);
        TermType termType = factorRelativities != null ? factorRelativities.termType()
                : model.spec().terms().stream().filter(t -> t.name().equals(factor)).map(TermSpec::type)
                        .findFirst().orElse(null);
        drillDown = new FactorDrillDown(factor, termType, rows, factorRelativities, statistic());
        drillDown.open();
    }

    /** Shows the Relativities tab on that factor (or column); false when the tab has none of that name. */
    public boolean showRelativities(String factor) {
        if (relativitiesTab == null) {
            return false;
        }
        setSelectedTab(relativitiesTab);
        return relativitiesContent().select(factor);
    }

    /** z for families with a fixed dispersion, t where it is estimated (as statsmodels reports them). */
    String statistic() {
        return SummaryTab.hasEstimatedDispersion(model.spec().family()) ? "t" : "z";
    }

    SummaryTab summary() {
        setSelectedTab(summaryTab);
        return summary.content();
    }

    CoefficientsTab coefficients() {
        setSelectedTab(coefficientsTab);
        return coefficients.content();
    }

    Optional<RelativitiesTab> relativitiesIfLogLink() {
        return Optional.ofNullable(relativitiesTab).map(tab -> relativitiesContent());
    }

    private RelativitiesTab relativitiesContent() {
        setSelectedTab(relativitiesTab);
        return relativities.content();
    }
}
