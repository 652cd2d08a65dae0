package org.atelier.ui.spec;

import com.vaadin.flow.component.html.Div;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.atelier.data.ColumnProfile;
import org.atelier.dataset.DatasetInfo;
import org.atelier.dataset.DatasetService;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.TermSpec;
import org.atelier.model.SpecIssue;
import org.atelier.model.SpecValidator;
import org.atelier.model.WorkingSpecService;
import org.atelier.ui.common.Notifications;

/**
 * The spec panel's model builder: response and family, factors, interactions, advanced options and the
 * Fit button. Every edit re-validates the spec and tells the listeners (the code panel regenerates from it).
 */
public class SpecEditor extends Div {
    private final DatasetService datasets;
    private final SpecDraft draft = new SpecDraft();
    final ResponseSection response;
    final Div factorList = new Div();
    final AddFactorBox addFactor;
    final InteractionSection interactions;
    final AdvancedOptions advanced;
    final ValidationSection validation;
    final FitBar fitBar;
    private final Set<String> expanded = new HashSet<>();
    private final List<Consumer<ModelSpec>> listeners = new ArrayList<>();
    private DatasetInfo dataset;
    private List<SpecIssue> issues = List.of();

    public SpecEditor(DatasetService datasets, Runnable onFit, Runnable onCancel) {
        this.datasets = datasets;
        response = new ResponseSection(draft, this::changed);
        addFactor = new AddFactorBox(this::addTerm);
        addFactor.expression.addClickListener(e -> addExpression());
        interactions = new InteractionSection(draft, this::changed);
        advanced = new AdvancedOptions(draft, this::changed);
        validation = new ValidationSection(draft, this::changed, () -> dataset, datasets::levels);
        fitBar = new FitBar(onFit, onCancel);
        addClassName("atelier-spec-editor"); // no box of its own: see atelier.css
        add(title("Model"), response, title("Factors"), factorList, addFactor, title("Interactions"), interactions,
                validation, advanced, fitBar);
    }

    /** A new dataset: columns change, the spec keeps what still applies (warnings show what does not). */
    public void setDataset(DatasetInfo newDataset) {
        dataset = newDataset;
        List<ColumnProfile> columns = newDataset == null ? List.of() : newDataset.columns();
        response.setColumns(columns);
        interactions.setNumericColumns(name -> profile(name).map(ColumnProfile::isNumeric).orElse(true));
        changed();
    }

    public void load(ModelSpec spec) {
        draft.load(spec);
        expanded.clear();
        changed();
    }

    /**
     * Keeps the project's working spec (the unsaved edits): puts the stored one in place of what the editor
     * opened with, then saves each edit. A stored spec this version cannot read leaves an empty spec and says
     * so. Loading a model from History is an edit like any other: its spec becomes the working spec.
     */
    public void keepWorkingSpec(String projectId, WorkingSpecService workingSpecs) {
        WorkingSpecService.Restored restored = workingSpecs.restore(projectId);
        if (restored.problem() != null) {
            load(new SpecDraft().toSpec());
            Notifications.error(restored.problem());
        }
        restored.spec().filter(stored -> !stored.equals(spec())).ifPresent(this::load);
        addSpecChangeListener(edited -> workingSpecs.saveSoon(projectId, edited));
    }

    public ModelSpec spec() {
        return draft.toSpec();
    }

    public List<SpecIssue> issues() {
        return issues;
    }

    public boolean canFit() {
        return SpecValidator.canFit(issues);
    }

    public void addSpecChangeListener(Consumer<ModelSpec> listener) {
        listeners.add(listener);
    }

    public void setFitRunning(boolean running) {
        fitBar.setRunning(running);
    }

    /**
     * The response picked in the Explore tab, with the family explored for it: the spec's Response (a family other
     * than the spec's resets its link to canonical, as choosing it in the Family selector does).
     */
    public void chooseResponse(String column, String family) {
        draft.setResponse(column);
        if (family != null && !family.equals(draft.family)) {
            draft.setFamily(family);
        }
        changed();
    }

    /**
     * The Explore tab's guess for a new dataset, taken only when the spec has no response yet (the user's choice
     * is never overwritten): the response and its family, and the exposure as offset when the spec has none.
     */
    public void presetResponse(String column, String family, String exposure) {
        if (draft.response != null || column == null) {
            return;
        }
        if (exposure != null && draft.offset == null && !exposure.equals(column)) {
            draft.offset = exposure;
        }
        chooseResponse(column, family);
    }

    /** Adds a factor as "+ Add factor" does (the Explore tab adds one with its suggested type and base level). */
    public void addFactor(TermSpec term) {
        addTerm(term);
    }

    private void addTerm(TermSpec term) {
        if (!draft.hasTerm(term.name())) {
            draft.addTerm(term);
            expanded.add(term.name());
            changed();
        }
    }

    private void addExpression() {
        int n = 1;
        while (draft.hasTerm("expr" + n)) {
            n++;
        }
        addTerm(TermSpec.expression("expr" + n, ""));
    }

    private void changed() {
        List<ColumnProfile> columns = dataset == null ? List.of() : dataset.columns();
        ModelSpec spec = draft.toSpec();
        issues = dataset == null ? List.of(new SpecIssue(SpecIssue.Severity.ERROR, SpecIssue.RESPONSE,
                "Upload a dataset first")) : SpecValidator.validate(spec, columns);
        response.refresh();
        response.clearErrors();
        for (SpecIssue issue : issues) {
            if (issue.isError() && !(issue.subject().equals(SpecIssue.RESPONSE) && draft.response == null)) {
                response.showError(issue.subject(), issue.message());
            }
        }
        renderFactors();
        addFactor.setAvailable(columns.stream()
                .filter(c -> !draft.hasTerm(c.name()) && !c.name().equals(draft.response)).toList());
        interactions.refresh();
        advanced.refresh();
        advanced.showIssues(issues);
        validation.refresh(issues);
        fitBar.setBlockedBy(SpecValidator.firstError(issues));
        listeners.forEach(l -> l.accept(spec));
    }

    private void renderFactors() {
        factorList.removeAll();
        Map<String, List<SpecIssue>> byTerm = new HashMap<>();
        for (SpecIssue issue : issues) {
            byTerm.computeIfAbsent(issue.subject(), k -> new ArrayList<>()).add(issue);
        }
        for (TermSpec term : draft.terms) {
            String name = term.name();
            factorList.add(new FactorCard(term, profile(name).orElse(null), byTerm.getOrDefault(name, List.of()),
                    expanded.contains(name), column -> dataset == null ? List.of()
                            : datasets.levels(dataset.id(), column),
                    change -> {
                        draft.replaceTerm(name, change);
                        changed();
                    },
                    () -> {
                        draft.removeTerm(name);
                        expanded.remove(name);
                        changed();
                    },
                    () -> {
                        if (!expanded.remove(name)) {
                            expanded.add(name);
                        }
                        renderFactors();
                    }));
        }
        for (SpecIssue issue : issues) {
            if (issue.subject().equals(SpecIssue.TERMS) || issue.subject().equals(SpecIssue.INTERACTIONS)) {
                Div line = new Div(issue.message());
                line.addClassNames("atelier-issue", issue.isError() ? "error" : "warning");
                factorList.add(line);
            }
        }
    }

    private Optional<ColumnProfile> profile(String name) {
        return dataset == null ? Optional.empty()
                : dataset.columns().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private static Div title(String text) {
        Div title = new Div(text);
        title.addClassNames("atelier-panel-title", "atelier-section");
        return title;
    }
}
