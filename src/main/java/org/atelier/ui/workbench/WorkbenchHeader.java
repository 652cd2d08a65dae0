package org.atelier.ui.workbench;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.RouterLink;
import org.atelier.data.DatasetLimits;
import org.atelier.dataset.DatasetInfo;
import org.atelier.project.Project;
import org.atelier.project.ProjectService;
import org.atelier.ui.common.Badge;
import org.atelier.ui.common.ThemeToggle;
import org.atelier.ui.common.UserMessages;
import org.atelier.ui.projects.ProjectsView;

/** The 48px header: wordmark, project name (rename inline), dataset indicator, fit status, code and theme. */
class WorkbenchHeader extends HorizontalLayout {
    final EditableName projectName;
    final Span datasetIndicator = new Span();
    final Span diskUse = new Span();
    final Badge fitStatus = new Badge("Idle", "idle");
    final Button codeToggle = new Button(VaadinIcon.CODE.create());

    WorkbenchHeader(Project project, ProjectService projects) {
        addClassName("atelier-header");
        setWidthFull();
        setSpacing(false);
        RouterLink wordmark = new RouterLink("Atelier", ProjectsView.class);
        wordmark.addClassName("atelier-wordmark");
        wordmark.getElement().setAttribute("title", "All projects");
        projectName = new EditableName(project.name(), name -> {
            try {
                projects.rename(project.id(), name);
                return null;
            } catch (RuntimeException e) {
                return UserMessages.of(e);
            }
        });
        datasetIndicator.addClassName("atelier-muted");
        diskUse.addClassName("atelier-muted");
        diskUse.setTitle("Space this project's dataset files take on the server (files no model needs are deleted"
                + " when a new dataset is uploaded)");
        Div spacer = new Div();
        codeToggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        codeToggle.setTooltipText("Show or hide the code panel");
        codeToggle.setAriaLabel("Toggle code panel");
        add(wordmark, separator(), projectName, separator(), datasetIndicator, diskUse, spacer, fitStatus, codeToggle,
                new ThemeToggle());
        setFlexGrow(1, spacer);
        showDataset(null);
    }

    void showDataset(DatasetInfo dataset) {
        datasetIndicator.setText(dataset == null ? "No dataset" : dataset.indicator());
    }

    /** e.g. "· 41 MB on disk" */
    void showDiskUse(long bytes) {
        diskUse.setText(bytes == 0 ? "" : "\u00a0· " + DatasetLimits.describe(bytes) + " on disk");
    }

    private static Div separator() {
        Div separator = new Div();
        separator.addClassName("atelier-separator");
        return separator;
    }
}
