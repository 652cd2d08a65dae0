package org.atelier.ui.workbench;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import java.util.concurrent.Executor;
import org.atelier.codegen.CodeGenerator;
import org.atelier.dataset.DatasetInfo;
import org.atelier.dataset.DatasetService;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.fit.FitEvent;
import org.atelier.fit.FitEvents;
import org.atelier.fit.FitService;
import org.atelier.fit.StepTimes;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelService;
import org.atelier.model.ModelStatus;
import org.atelier.model.WorkingSpecService;
import org.atelier.project.Project;
import org.atelier.project.ProjectNotFoundException;
import org.atelier.project.ProjectService;
import org.atelier.ui.common.Notifications;
import org.atelier.ui.common.RememberedSplitLayout;
import org.atelier.ui.common.UiAccess;
import org.atelier.ui.common.UserMessages;
import org.atelier.ui.projects.ProjectsView;
import org.atelier.ui.results.FitErrorAlert;
import org.atelier.ui.results.ModelComparison;
import org.atelier.ui.spec.SpecEditor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One project's workbench: header over three resizable panels (spec 25%, results 50%, code 25%). Fits run in
 * the background; their progress arrives by server push, for every browser showing the project.
 */
@Route("project")
@jakarta.annotation.security.PermitAll
public class WorkbenchView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {
    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchView.class);
    private final ProjectService projects;
    private final DatasetService datasets;
    private final ModelService models;
    private final FitService fits;
    private final FitEvents events;
    private final CodeGenerator codeGenerator;
    private final Executor executor;
    private final WorkingSpecService workingSpecs;
    private Project project;
    private DatasetInfo dataset;
    private String datasetFile;
    private boolean loadingStoredModel;
    private String currentModelId;
    private Runnable unsubscribe = () -> { };
    WorkbenchHeader header;
    SpecPanel spec;
    SpecEditor editor;
    ResultsPanel results;
    ModelPane modelPane;
    HistoryGrid history;
    CodePanel code;
    RememberedSplitLayout outer;
    RememberedSplitLayout inner;
    private double codePanelPosition = 66.7;
    @org.springframework.beans.factory.annotation.Autowired // a field, so the constructor stays as it is
    private org.atelier.dataset.ExplorationService explorations;
    @org.springframework.beans.factory.annotation.Autowired
    private org.atelier.project.ProjectEvents projectEvents;
    @org.springframework.beans.factory.annotation.Autowired
    private org.atelier.user.Access access;
    private Runnable unsubscribeDeleted = () -> { };

    public WorkbenchView(ProjectService projects, DatasetService datasets, ModelService models, FitService fits,
                         FitEvents events, CodeGenerator codeGenerator, Executor applicationTaskExecutor,
                         WorkingSpecService workingSpecs) {
        this.projects = projects;
        this.datasets = datasets;
        this.models = models;
        this.fits = fits;
        this.events = events;
        this.codeGenerator = codeGenerator;
        this.executor = applicationTaskExecutor;
        this.workingSpecs = workingSpecs;
        setSizeFull();
        setPadding(false);
        setSpacing(false);
        Shortcuts.addShortcutListener(this, this::fit, Key.ENTER, KeyModifier.CONTROL).listenOn(this);
    }

    @Override
    public void setParameter(BeforeEvent event, String projectId) {
        try {
            project = projects.get(projectId);
        } catch (ProjectNotFoundException e) {
            Notifications.error(e.getMessage());
            event.forwardTo(ProjectsView.class);
            return;
        }
        build();
    }

    @Override
    public String getPageTitle() {
        return project == null ? "Atelier" : project.name() + " · Atelier";
    }

    private void build() {
        long start = System.nanoTime();
        removeAll();
        header = new WorkbenchHeader(project, projects);
        editor = new SpecEditor(datasets, this::fit, this::cancelFit);
        editor.addSpecChangeListener(this::specChanged);
        spec = new SpecPanel(project.id(), datasets, executor, this::show, editor);
        modelPane = new ModelPane(this::cancelFit);
        history = new HistoryGrid(project.id(), models, access.actor()::mayChange, this::open, this::compare);
        var explore = new org.atelier.ui.explore.ExploreTab(explorations, executor, editor::addFactor);
        explore.sendResponsesTo((choice, picked) -> {
            if (picked) {
                editor.chooseResponse(choice.response(), choice.family());
            } else {
                editor.presetResponse(choice.response(), choice.family(), choice.exposure());
            }
        });
        results = new ResultsPanel(datasets, modelPane, history, explore);
        code = new CodePanel();
        // Results take 50% of the whole width: two thirds of the right-hand 75%.
        inner = new RememberedSplitLayout(results, code, "atelier-layout-results", 66.7, 45, 80);
        outer = new RememberedSplitLayout(spec, inner, "atelier-layout-spec", 25, 15, 40);
        header.codeToggle.addClickListener(e -> toggleCode());
        inner.addSplitterDoubleClickListener(this::toggleCode);
        add(header, outer);
        setFlexGrow(1, outer);
        show(datasets.latest(project.id()).orElse(null));
        models.history(project.id()).stream().findFirst().ifPresent(latest -> open(latest.id()));
        editor.keepWorkingSpec(project.id(), workingSpecs);
        LOG.debug("Workbench of {} built in {} ms ({} columns)", project.id(), (System.nanoTime() - start) / 1_000_000,
                dataset == null ? 0 : dataset.columnCount());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        if (project != null) {
            unsubscribe = events.subscribeProject(project.id(), fitEvent -> {
                long published = System.nanoTime();
                UiAccess.run(ui, () -> {
                    if (fitEvent.isFinal()) {
                        LOG.debug("{} reached the view {} ms after its delivery", fitEvent.getClass().getSimpleName(),
                                (System.nanoTime() - published) / 1_000_000);
                    }
                    onFitEvent(fitEvent);
                });
            });
            unsubscribeDeleted = projectEvents.subscribeDeleted(project.id(),
                    deleted -> UiAccess.run(ui, () -> showDeleted(deleted.name())));
        }
    }

    /** A colleague deleted the project: say so at once, in place of a workbench whose every click would fail. */
    void showDeleted(String name) {
        unsubscribe.run();
        removeAll();
        com.vaadin.flow.component.html.H2 title = new com.vaadin.flow.component.html.H2("Project deleted");
        com.vaadin.flow.component.html.Paragraph text = new com.vaadin.flow.component.html.Paragraph(
                "\"" + name + "\" was deleted, with its datasets and models, while you had it open.");
        add(title, text, new com.vaadin.flow.router.RouterLink("All projects", ProjectsView.class));
        getStyle().set("padding", "var(--lumo-space-l)");
        Notifications.error("Project \"" + name + "\" was deleted");
    }

    @Override
    protected void onDetach(DetachEvent event) {
        unsubscribe.run();
        unsubscribeDeleted.run();
        super.onDetach(event);
    }

    void show(DatasetInfo newDataset) {
        dataset = newDataset;
        // the code reads the dataset by the user's own file name (next to the program), never the server's path
        datasetFile = newDataset == null ? null : newDataset.name();
        header.showDataset(newDataset);
        header.showDiskUse(datasets.diskUse(project.id()));
        spec.show(newDataset);
        results.show(newDataset);
    }

    /** Fit button and Ctrl+Enter: a new model version from the spec as it is now. */
    void fit() {
        if (dataset == null || !editor.canFit()) {
            return;
        }
        try {
            StepTimes times = new StepTimes();
            ModelDetail started = fits.start(project.id(), dataset.id(), editor.spec());
            times.step("start");
            currentModelId = started.id();
            fits.progress(started.id()).ifPresent(modelPane::showProgress);
            header.fitStatus.show("Fitting", "fitting");
            editor.setFitRunning(true);
            results.showModelTab();
            times.step("show progress");
            history.refresh();
            times.step("history");
            LOG.debug("Fit click of {} handled: {}", started.id(), times);
        } catch (RuntimeException e) {
            Notifications.error("Could not start the fit: " + UserMessages.of(e));
        }
    }

    void cancelFit() {
        if (currentModelId != null) {
            try {
                fits.cancel(currentModelId);
            } catch (RuntimeException e) {
                Notifications.error(UserMessages.of(e)); // another user's fit: only its author or an administrator
            }
        }
    }

    private void onFitEvent(FitEvent event) {
        // a fit started (queued) or ended by anyone shows in the History of everyone viewing the project
        if (event.isFinal() || event instanceof FitEvent.Progress p && p.stage() == org.atelier.fit.FitStage.QUEUED) {
            history.refresh();
        }
        if (!event.modelId().equals(currentModelId)) {
            return;
        }
        switch (event) {
            case FitEvent.Progress p -> modelPane.showProgress(p);
            case FitEvent.Completed c -> {
                StepTimes times = new StepTimes();
                ModelDetail detail = models.get(c.modelId());
                times.step("load model");
                showModel(detail);
                times.step("build results view");
                LOG.debug("Results of {} shown: {}", c.modelId(), times);
                Notifications.success("Fitted v" + modelPane.shown.version() + " in "
                        + String.format("%,d ms", c.metrics().fitDurationMs()));
            }
            case FitEvent.Failed f -> {
                modelPane.showFailed(FitErrorAlert.of(f));
                header.fitStatus.show("Failed", "failed");
            }
            case FitEvent.Cancelled c -> {
                modelPane.showCancelled();
                header.fitStatus.show("Cancelled", "idle");
            }
        }
        if (event.isFinal()) {
            editor.setFitRunning(false);
        }
    }

    /** A model from the history: its spec goes into the editor, its results (or progress, or error) show. */
    void open(String modelId) {
        StepTimes times = new StepTimes();
        ModelDetail detail = models.get(modelId);
        times.step("load model");
        currentModelId = modelId;
        loadingStoredModel = detail.status() == ModelStatus.COMPLETED;
        try {
            editor.load(detail.spec());
        } finally {
            loadingStoredModel = false;
        }
        if (detail.status().isRunning()) {
            fits.progress(modelId).ifPresent(modelPane::showProgress);
            header.fitStatus.show("Fitting", "fitting");
            editor.setFitRunning(true);
        } else {
            showModel(detail);
        }
        results.showModelTab();
        times.step("build view");
        LOG.debug("Opened {}: {}", modelId, times);
    }

    private void showModel(ModelDetail detail) {
        editor.setFitRunning(false);
        switch (detail.status()) {
            case COMPLETED -> {
                modelPane.showResults(detail);
                header.fitStatus.show("Completed", "completed");
                code.showStored(detail.label(), detail.javaCode(), detail.pythonCode());
            }
            case FAILED -> {
                modelPane.showFailed(FitErrorAlert.of(detail));
                header.fitStatus.show("Failed", "failed");
            }
            default -> {
                modelPane.showCancelled();
                header.fitStatus.show(detail.status() == ModelStatus.CANCELLED ? "Cancelled" : "Idle", "idle");
            }
        }
    }

    /** Two models side by side, the older one first, so differences read "before → after". */
    void compare(String firstId, String secondId) {
        ModelDetail a = models.get(firstId);
        ModelDetail b = models.get(secondId);
        ModelDetail older = a.version() <= b.version() ? a : b;
        ModelDetail newer = older == a ? b : a;
        if (older.status() != ModelStatus.COMPLETED || newer.status() != ModelStatus.COMPLETED) {
            Notifications.error("Only fitted models can be compared: " + (older.status() != ModelStatus.COMPLETED
                    ? older.label() : newer.label()) + " has no results");
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Compare " + older.label() + " and " + newer.label());
        dialog.setWidth("min(1100px, 95vw)");
        dialog.setHeight("85vh");
        dialog.add(new ModelComparison(older, newer));
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }

    private void specChanged(ModelSpec changed) {
        results.explore.follow(changed);
        if (dataset == null || changed.response() == null || loadingStoredModel) {
            return; // a fitted model being opened shows the code stored with it: generating it live is wasted
        }
        try {
            code.showLive(codeGenerator.java(changed, datasetFile), codeGenerator.python(changed));
        } catch (RuntimeException e) {
            String why = UserMessages.of(e);
            code.showLive("// " + why, "# " + why);
        }
    }

    /** Collapses the code panel to give the results the width, and brings it back where it was. */
    void toggleCode() {
        boolean visible = code.isVisible();
        if (visible) {
            codePanelPosition = inner.getSplitterPosition() == null ? 66.7 : inner.getSplitterPosition();
            inner.setSplitterPosition(100);
        } else {
            inner.setSplitterPosition(codePanelPosition);
        }
        code.setVisible(!visible);
    }
}
