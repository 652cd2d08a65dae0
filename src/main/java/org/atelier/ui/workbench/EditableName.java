package org.atelier.ui.workbench;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldVariant;
import java.util.function.Function;

/**
 * A name shown as text that turns into a text field on click; Enter or leaving the field saves, Escape
 * cancels. The save function returns an error message, or null when the name was accepted.
 */
class EditableName extends HorizontalLayout {
    final Span label = new Span();
    final TextField field = new TextField();
    private final Function<String, String> save;

    EditableName(String initial, Function<String, String> save) {
        this.save = save;
        setPadding(false);
        setSpacing(false);
        label.setText(initial);
        label.addClassName("atelier-editable-name");
        label.setTitle("Click to rename");
        label.addClickListener(e -> edit());
        field.addThemeVariants(TextFieldVariant.LUMO_SMALL);
        field.setMaxLength(255);
        field.setVisible(false);
        field.addKeyPressListener(Key.ENTER, e -> commit());
        field.addKeyPressListener(Key.ESCAPE, e -> cancel());
        field.addBlurListener(e -> {
            if (field.isVisible()) {
                commit();
            }
        });
        add(label, field);
    }

    void edit() {
        field.setValue(label.getText());
        field.setInvalid(false);
        label.setVisible(false);
        field.setVisible(true);
        field.focus();
    }

    void commit() {
        String value = field.getValue();
        if (value.strip().equals(label.getText())) {
            cancel();
            return;
        }
        String error = save.apply(value);
        if (error != null) {
            field.setErrorMessage(error);
            field.setInvalid(true);
            return;
        }
        label.setText(value.strip());
        cancel();
    }

    void cancel() {
        field.setVisible(false);
        label.setVisible(true);
    }

    String text() {
        return label.getText();
    }
}
