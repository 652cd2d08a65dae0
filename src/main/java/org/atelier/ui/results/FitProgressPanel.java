package org.atelier.ui.results;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import org.atelier.fit.FitEvent;
import org.atelier.fit.FitStage;

/**
 * A running fit. The stage ("Building design…", "Cross-validating…"), then its progress in the fit's own
 * terms over a bar: per IRLS iteration "Iteration 3/25 · deviance 135,200 (Δ −1,500)" (the bar at iteration/max),
 * a penalized smooth's "Iteration 4 · λ search", a cross-validated path's "α 7/20 · fold 3/5" (the bar at the share
 * of α steps done); indeterminate while a stage has no count. Cancel asks the caller to stop the fit. Call
 * {@link #show} inside UI.access: fit events arrive on the fitting thread.
 */
public class FitProgressPanel extends Div {
    private final Span stage = new Span("Fitting model…");
    private final Span detail = new Span();
    private final ProgressBar bar = new ProgressBar();
    private final Button cancel;

    public FitProgressPanel(Runnable onCancel) {
        setId("fit-progress");
        addClassName("atelier-fit-progress");
        stage.addClassName("atelier-fit-stage");
        detail.addClassName("atelier-fit-detail");
        bar.setIndeterminate(true);
        bar.getElement().setAttribute("aria-label", "Fit progress");
        cancel = new Button("Cancel", VaadinIcon.CLOSE_SMALL.create(), e -> {
            e.getSource().setEnabled(false); // one request is enough; the fit stops at its next iteration
            e.getSource().setText("Cancelling…");
            onCancel.run();
        });
        cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        Div heading = new Div(VaadinIcon.SPINNER.create(), stage, cancel);
        heading.addClassName("atelier-fit-heading");
        add(heading, bar, detail);
    }

    public void show(FitEvent.Progress progress) {
        boolean fitting = progress.stage() == FitStage.ITERATING || progress.stage() == FitStage.LAMBDA_SEARCH;
        stage.setText(fitting ? "Fitting model…" : progress.stage().label() + "…");
        double fraction = progress.fraction();
        bar.setIndeterminate(Double.isNaN(fraction));
        if (!Double.isNaN(fraction)) {
            bar.setValue(fraction);
        }
        detail.setText(progress.hasDetail() ? progress.describe() : "");
    }

    public String stageText() {
        return stage.getText();
    }

    public String detailText() {
        return detail.getText();
    }

    public boolean isIndeterminate() {
        return bar.isIndeterminate();
    }

    public double progress() {
        return bar.getValue();
    }

    Button cancelButton() {
        return cancel;
    }
}
