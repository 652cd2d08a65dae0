package org.atelier.ui.projects;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.atelier.dataset.SampleDataService;
import org.atelier.project.Project;
import org.atelier.project.ProjectService;
import org.atelier.project.ProjectSummary;
import org.atelier.ui.common.Notifications;
import org.atelier.ui.common.ThemeToggle;
import org.atelier.ui.common.UiAccess;
import org.atelier.ui.common.UserMessages;
import org.atelier.ui.security.AccountBar;
import org.atelier.ui.workbench.WorkbenchView;
import org.atelier.user.Access;

/** The "No project" state: pick, create, rename or delete a project, or start from the sample data. */
@Route("")
@PageTitle("Atelier · Projects")
@PermitAll
public class ProjectsView extends VerticalLayout {
    static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final ProjectService projects;
    private final SampleDataService samples;
    private final Executor executor;
    private final Access access;
    final Grid<ProjectSummary> grid = new Grid<>();
    final Button newProject = new Button("New project", VaadinIcon.PLUS.create());
    final Button trySample = new Button("Try sample data", VaadinIcon.MAGIC.create());
    final ProgressBar sampleProgress = new ProgressBar();
    final Span sampleStatus = new Span();
    private final Div empty = new Div("No projects yet. Create one, or try the sample data to see the workflow.");

    public ProjectsView(ProjectService projects, SampleDataService samples, Executor applicationTaskExecutor,
                        Access access, AuthenticationContext authentication) {
        this.projects = projects;
        this.samples = samples;
        this.executor = applicationTaskExecutor;
        this.access = access;
        setSizeFull();
        setMaxWidth("960px");
        getStyle().set("margin", "0 auto");

        H1 title = new H1("Atelier");
        title.getStyle().set("font-size", "1.6em").set("margin", "0");
        Span tagline = new Span("GLM workbench for pricing actuaries");
        tagline.addClassName("atelier-muted");
        HorizontalLayout top = new HorizontalLayout(new VerticalLayout(title, tagline),
                new AccountBar(access, authentication), new ThemeToggle());
        top.setWidthFull();
        top.setAlignItems(FlexComponent.Alignment.CENTER);
        ((VerticalLayout) top.getComponentAt(0)).setPadding(false);
        ((VerticalLayout) top.getComponentAt(0)).setSpacing(false);

        newProject.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        newProject.addClickListener(e -> openCreateDialog());
        trySample.addClickListener(e -> createSample());
        sampleProgress.setIndeterminate(true);
        sampleProgress.setWidth("8rem");
        sampleProgress.setVisible(false);
        sampleStatus.addClassName("atelier-muted");
        HorizontalLayout actions = new HorizontalLayout(newProject, trySample, sampleProgress, sampleStatus);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);

        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(ProjectSummary::name).setHeader("Name").setFlexGrow(3).setSortable(true);
        grid.addColumn(p -> UPDATED.format(p.updatedAt())).setHeader("Updated").setFlexGrow(1)
                .setComparator(ProjectSummary::updatedAt).setSortable(true);
        grid.addColumn(ProjectSummary::modelCount).setHeader("Models").setKey("Models").setFlexGrow(0).setWidth("7rem");
        grid.addComponentColumn(this::rowActions).setKey("actions").setFlexGrow(0).setWidth("7rem");
        grid.addItemClickListener(e -> open(e.getItem().id()));
        empty.addClassName("atelier-empty");

        add(top, actions, grid, empty);
        setFlexGrow(1, grid);
        refresh();
    }

    void refresh() {
        var list = projects.list();
        grid.setItems(list);
        empty.setVisible(list.isEmpty());
        grid.setVisible(!list.isEmpty());
    }

    private HorizontalLayout rowActions(ProjectSummary project) {
        Button rename = new Button(VaadinIcon.PENCIL.create(), e -> openRenameDialog(project));
        rename.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        rename.setAriaLabel("Rename " + project.name());
        rename.setTooltipText("Rename");
        Button delete = new Button(VaadinIcon.TRASH.create(), e -> confirmDelete(project));
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_ERROR);
        delete.setAriaLabel("Delete " + project.name());
        boolean allowed = access.actor().mayChange(project.author());
        delete.setEnabled(allowed); // the service refuses it anyway; a disabled button says so before the click
        delete.setTooltipText(allowed ? "Delete" : UserMessages.onlyAuthorMay(project.author(), "delete it"));
        return new HorizontalLayout(rename, delete);
    }

    void openCreateDialog() {
        new ProjectNameDialog("New project", "Create", "", true, (dialog, name) -> {
            try {
                Project created = projects.create(name, dialog.description.getValue());
                dialog.close();
                open(created.id());
            } catch (IllegalArgumentException ex) {
                dialog.showError(ex.getMessage());
            }
        }).open();
    }

    void openRenameDialog(ProjectSummary project) {
        new ProjectNameDialog("Rename project", "Rename", project.name(), false, (dialog, name) -> {
            try {
                projects.rename(project.id(), name);
                dialog.close();
                refresh();
            } catch (IllegalArgumentException ex) {
                dialog.showError(ex.getMessage());
            }
        }).open();
    }

    void confirmDelete(ProjectSummary project) {
        ConfirmDialog confirm = new ConfirmDialog("Delete “" + project.name() + "”?",
                "Its datasets and all " + project.modelCount() + " models will be deleted. This cannot be undone.",
                "Delete", e -> {
                    try {
                        projects.delete(project.id());
                        refresh();
                        Notifications.success("Deleted " + project.name());
                    } catch (RuntimeException ex) {
                        Notifications.error(UserMessages.of(ex)); // e.g. only its author or an administrator may
                    }
                });
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.open();
    }

    void createSample() {
        UI ui = UI.getCurrentOrThrow();
        trySample.setEnabled(false);
        sampleProgress.setVisible(true);
        sampleStatus.setText("Generating 678,013 policies…");
        CompletableFuture.supplyAsync(access.asCurrentUser(samples::createSampleProject), executor).whenComplete((project, error) ->
                UiAccess.run(ui, () -> {
                    trySample.setEnabled(true);
                    sampleProgress.setVisible(false);
                    sampleStatus.setText("");
                    if (error != null) {
                        Notifications.error("Could not create the sample project: " + UserMessages.of(error));
                        refresh();
                    } else {
                        open(project.id());
                    }
                }));
    }

    private void open(String projectId) {
        getUI().ifPresent(ui -> ui.navigate(WorkbenchView.class, projectId));
    }
}
