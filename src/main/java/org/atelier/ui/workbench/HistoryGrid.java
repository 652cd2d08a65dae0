package org.atelier.ui.workbench;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.atelier.model.ModelHistoryRow;
import org.atelier.model.ModelService;
import org.atelier.model.ModelStatus;
import org.atelier.ui.common.Badge;
import org.atelier.ui.common.Notifications;
import org.atelier.ui.common.UserMessages;
import org.atelier.ui.report.ReportView;

/**
 * The project's models, newest first: version, name, status, author, family, terms, deviance, AIC, BIC, fit time
 * and creation time.
 * A click loads a model; names are edited in place; two selected models can be compared.
 */
class HistoryGrid extends Div {
    static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneId.systemDefault());
    final Grid<ModelHistoryRow> grid = new Grid<>();
    final Button compare = new Button("Compare selected", VaadinIcon.SPLIT_H.create());
    private final String projectId;
    private final ModelService models;
    private final Consumer<String> open;
    /** Whether the user may delete what the given author made (the service's rule, asked once per view). */
    private final Predicate<String> mayChange;

    HistoryGrid(String projectId, ModelService models, Predicate<String> mayChange, Consumer<String> open,
                BiConsumer<String, String> compareTwo) {
        this.projectId = projectId;
        this.mayChange = mayChange;
        this.models = models;
        this.open = open;
        setSizeFull();
        getStyle().set("display", "flex").set("flex-direction", "column");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addClassName("atelier-dense");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(r -> "v" + r.version()).setHeader("Version").setKey("version").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ModelHistoryRow::name).setHeader("Name").setKey("name").setAutoWidth(true);
        grid.addComponentColumn(r -> new Badge(r.status().dbValue(), statusKind(r.status()))).setHeader("Status")
                .setKey("status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.author() == null ? "" : r.author()).setHeader("Author").setKey("author")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ModelHistoryRow::family).setHeader("Family").setKey("family").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ModelHistoryRow::terms).setHeader("Terms").setKey("terms").setFlexGrow(1);
        number(grid.addColumn(r -> figure(r.deviance())).setHeader("Deviance").setKey("deviance"));
        number(grid.addColumn(r -> figure(r.aic())).setHeader("AIC").setKey("aic"));
        number(grid.addColumn(r -> figure(r.bic())).setHeader("BIC").setKey("bic"));
        number(grid.addColumn(r -> r.fitDurationMs() == null ? "" : String.format("%,d ms", r.fitDurationMs()))
                .setHeader("Fit time").setKey("time"));
        grid.addColumn(r -> CREATED.format(r.createdAt())).setHeader("Created").setKey("created").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.addItemClickListener(e -> open.accept(e.getItem().id()));
        grid.setSizeFull();
        compare.addThemeVariants(ButtonVariant.LUMO_SMALL);
        compare.setEnabled(false);
        compare.setTooltipText("Select two models to compare them");
        grid.addSelectionListener(e -> compare.setEnabled(e.getAllSelectedItems().size() == 2));
        compare.addClickListener(e -> {
            List<ModelHistoryRow> two = grid.getSelectedItems().stream().toList();
            if (two.size() == 2) {
                compareTwo.accept(two.get(0).id(), two.get(1).id());
            }
        });
        add(compare, grid);
        refresh();
    }

    void refresh() {
        grid.setItems(models.history(projectId));
    }

    private HorizontalLayout actions(ModelHistoryRow row) {
        Button rename = new Button(VaadinIcon.PENCIL.create(), e -> rename(row));
        rename.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        rename.setAriaLabel("Rename " + row.label());
        Button delete = new Button(VaadinIcon.TRASH.create(), e -> confirmDelete(row));
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_ERROR);
        delete.setAriaLabel("Delete " + row.label());
        boolean allowed = mayChange.test(row.author());
        delete.setEnabled(allowed && !row.status().isRunning());
        if (!allowed) { // the service refuses it anyway; a disabled button says so before the click
            delete.setTooltipText(UserMessages.onlyAuthorMay(row.author(), "delete it"));
        }
        if (row.status() != ModelStatus.COMPLETED) {
            return new HorizontalLayout(rename, delete);
        }
        Button print = new Button(VaadinIcon.PRINT.create());
        print.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        print.setAriaLabel("Report of " + row.label());
        print.setTooltipText("Printable report");
        Anchor report = new Anchor(ReportView.path(projectId, row.id()), print);
        report.setTarget("_blank");
        return new HorizontalLayout(report, rename, delete);
    }

    void rename(ModelHistoryRow row) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Rename v" + row.version());
        TextField name = new TextField("Name");
        name.setValue(row.name() == null ? "" : row.name());
        name.setMaxLength(255);
        name.setWidth("20rem");
        Button save = new Button("Save", e -> {
            try {
                models.rename(row.id(), name.getValue());
                dialog.close();
                refresh();
            } catch (RuntimeException ex) {
                name.setErrorMessage(UserMessages.of(ex));
                name.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        dialog.add(name);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
        name.focus();
    }

    void confirmDelete(ModelHistoryRow row) {
        ConfirmDialog confirm = new ConfirmDialog("Delete " + row.label() + "?",
                "Its results and code are deleted. This cannot be undone.", "Delete", e -> {
                    try {
                        models.delete(row.id());
                    } catch (RuntimeException ex) {
                        Notifications.error(UserMessages.of(ex)); // another user's model
                    }
                    refresh();
                });
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.open();
    }

    static String statusKind(ModelStatus status) {
        return switch (status) {
            case PENDING, FITTING -> "fitting";
            case COMPLETED -> "completed";
            case FAILED -> "failed";
            case CANCELLED -> "idle";
        };
    }

    private static String figure(Double value) {
        return value == null ? "" : String.format("%,.1f", value);
    }

    private static void number(Grid.Column<ModelHistoryRow> column) {
        column.setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
    }
}
