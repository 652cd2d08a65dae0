package org.atelier.ui.results;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.atelier.fit.FitEvent;
import org.atelier.model.ModelDetail;

/**
 * Why a fit failed, in red: the error type, the engine's message and, when the engine has one, what
 * to try instead. The × dismisses it.
 */
public class FitErrorAlert extends Div {
    private final Span type = new Span();
    private final Div message = new Div();
    private final Div suggestion = new Div();

    public FitErrorAlert(String errorType, String errorMessage, String errorSuggestion) {
        setId("fit-error");
        addClassNames("atelier-alert", "atelier-fit-error");
        getElement().setAttribute("role", "alert");
        type.setText(errorType == null || errorType.isBlank() ? "Fit failed" : errorType);
        type.addClassName("atelier-fit-error-type");
        message.setText(errorMessage == null ? "" : errorMessage);
        message.addClassName("atelier-fit-error-message");
        Button dismiss = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> setVisible(false));
        dismiss.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        dismiss.setAriaLabel("Dismiss");
        Div heading = new Div(VaadinIcon.WARNING.create(), type, dismiss);
        heading.addClassName("atelier-fit-error-heading");
        add(heading, message);
        if (errorSuggestion != null && !errorSuggestion.isBlank()) {
            suggestion.add(VaadinIcon.LIGHTBULB.create(), new Span(errorSuggestion));
            suggestion.addClassName("atelier-fit-error-suggestion");
            add(suggestion);
        }
    }

    public static FitErrorAlert of(ModelDetail failed) {
        return new FitErrorAlert(failed.errorType(), failed.errorMessage(), failed.errorSuggestion());
    }

    public static FitErrorAlert of(FitEvent.Failed failed) {
        return new FitErrorAlert(failed.errorType(), failed.message(), failed.suggestion());
    }

    public String errorType() {
        return type.getText();
    }

    public String message() {
        return message.getText();
    }

    /** The suggestion's text, empty when the engine had none. */
    public String suggestion() {
        return suggestion.getElement().getTextRecursively();
    }
}
