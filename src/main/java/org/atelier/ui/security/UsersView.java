package org.atelier.ui.security;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.atelier.ui.common.Notifications;
import org.atelier.ui.common.UserMessages;
import org.atelier.ui.projects.ProjectsView;
import org.atelier.user.Role;
import org.atelier.user.UserAccount;
import org.atelier.user.UserService;

/** The administrator's page: add users, disable or enable them, give them a new password. */
@Route("users")
@PageTitle("Atelier · Users")
@RolesAllowed("ADMIN")
public class UsersView extends VerticalLayout {
    static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    final Grid<UserAccount> grid = new Grid<>();
    final Button add = new Button("Add user", VaadinIcon.PLUS.create());
    private final UserService users;

    public UsersView(UserService users) {
        this.users = users;
        setSizeFull();
        setMaxWidth("960px");
        getStyle().set("margin", "0 auto");
        HorizontalLayout top = new HorizontalLayout(new RouterLink("← Projects", ProjectsView.class), new H2("Users"));
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> openAddDialog());
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(UserAccount::username).setHeader("User").setKey("user").setFlexGrow(2);
        grid.addColumn(u -> u.admin() ? "Administrator" : "User").setHeader("Role").setKey("role").setFlexGrow(1);
        grid.addColumn(u -> u.enabled() ? "Enabled" : "Disabled").setHeader("State").setKey("state").setFlexGrow(1);
        grid.addColumn(u -> CREATED.format(u.createdAt())).setHeader("Created").setKey("created").setFlexGrow(1);
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        add(top, add, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    void refresh() {
        grid.setItems(users.list());
    }

    private HorizontalLayout actions(UserAccount user) {
        Button toggle = new Button(user.enabled() ? "Disable" : "Enable", e -> setEnabled(user, !user.enabled()));
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        Button reset = new Button("Reset password", e -> openResetDialog(user));
        reset.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return new HorizontalLayout(toggle, reset);
    }

    void setEnabled(UserAccount user, boolean enabled) {
        try {
            users.setEnabled(user.username(), enabled);
            refresh();
        } catch (RuntimeException ex) {
            Notifications.error(UserMessages.of(ex));
        }
    }

    void openAddDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Add user");
        TextField name = new TextField("User name");
        PasswordField password = new PasswordField("Password");
        password.setHelperText("At least " + UserService.MIN_PASSWORD_LENGTH + " characters");
        Checkbox admin = new Checkbox("Administrator");
        Span error = new Span();
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Button save = new Button("Add", e -> {
            try {
                users.add(name.getValue(), password.getValue(), admin.getValue() ? Role.ADMIN : Role.USER);
                dialog.close();
                refresh();
                Notifications.success("Added " + name.getValue().strip());
            } catch (RuntimeException ex) {
                error.setText(UserMessages.of(ex));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout form = new VerticalLayout(name, password, admin, error);
        form.setPadding(false);
        dialog.add(form);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
        name.focus();
    }

    void openResetDialog(UserAccount user) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New password for " + user.username());
        PasswordField password = new PasswordField("New password");
        password.setHelperText("At least " + UserService.MIN_PASSWORD_LENGTH + " characters");
        Button save = new Button("Set password", e -> {
            try {
                users.resetPassword(user.username(), password.getValue());
                dialog.close();
                Notifications.success("New password set for " + user.username());
            } catch (RuntimeException ex) {
                password.setErrorMessage(UserMessages.of(ex));
                password.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(password);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
        password.focus();
    }
}
