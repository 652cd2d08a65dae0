package org.atelier.ui.projects;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.BiConsumer;

/** Asks for a project's name (and description when creating); the action reports errors in the field. */
class ProjectNameDialog extends Dialog {
    final TextField name = new TextField("Name");
    final TextArea description = new TextArea("Description");
    final Button confirm;

    ProjectNameDialog(String title, String confirmText, String initialName, boolean withDescription,
                      BiConsumer<ProjectNameDialog, String> action) {
        setHeaderTitle(title);
        name.setValue(initialName);
        name.setWidthFull();
        name.setMaxLength(255);
        name.setRequiredIndicatorVisible(true);
        name.setId("project-name");
        description.setWidthFull();
        description.setVisible(withDescription);
        VerticalLayout form = new VerticalLayout(name, description);
        form.setPadding(false);
        form.setWidth("24rem");
        add(form);
        confirm = new Button(confirmText, e -> action.accept(this, name.getValue()));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickShortcut(Key.ENTER);
        getFooter().add(new Button("Cancel", e -> close()), confirm);
        addOpenedChangeListener(e -> name.focus());
    }

    void showError(String message) {
        name.setErrorMessage(message);
        name.setInvalid(true);
    }
}
