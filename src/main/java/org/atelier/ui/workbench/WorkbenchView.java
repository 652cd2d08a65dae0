package org.atelier.ui.workbench;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import java.util.concurrent.Executor;
import org.atelier.dataset.DatasetInfo;
import org.atelier.dataset.DatasetService;
import org.atelier.project.Project;
import org.atelier.project.ProjectNotFoundException;
import org.atelier.project.ProjectService;
import org.atelier.ui.common.Notifications;
import org.atelier.ui.common.RememberedSplitLayout;
import org.atelier.ui.projects.ProjectsView;

/** One project's workbench: header over three resizable panels (spec 25%, results 50%, code 25%). */
@Route("project")
public class WorkbenchView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {
    private final ProjectService projects;
    private final DatasetService datasets;
    private final Executor executor;
    private Project project;
    WorkbenchHeader header;
    SpecPanel spec;
    ResultsPanel results;
    CodePanel code;
    RememberedSplitLayout outer;
    RememberedSplitLayout inner;
    private double codePanelPosition = 66.7;

    public WorkbenchView(ProjectService projects, DatasetService datasets, Executor applicationTaskExecutor) {
        this.projects = projects;
        this.datasets = datasets;
        this.executor = applicationTaskExecutor;
        setSizeFull();
        setPadding(false);
        setSpacing(false);
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
        removeAll();
        header = new WorkbenchHeader(project, projects);
        spec = new SpecPanel(project.id(), datasets, executor, this::show);
        results = new ResultsPanel(datasets);
        code = new CodePanel();
        // Results take 50% of the whole width: two thirds of the right-hand 75%.
        inner = new RememberedSplitLayout(results, code, "atelier-layout-results", 66.7, 45, 80);
        outer = new RememberedSplitLayout(spec, inner, "atelier-layout-spec", 25, 15, 40);
        header.codeToggle.addClickListener(e -> toggleCode());
        add(header, outer);
        setFlexGrow(1, outer);
        show(datasets.latest(project.id()).orElse(null));
    }

    void show(DatasetInfo dataset) {
        header.showDataset(dataset);
        spec.show(dataset);
        results.show(dataset);
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
