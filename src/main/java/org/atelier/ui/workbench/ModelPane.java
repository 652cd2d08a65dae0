package org.atelier.ui.workbench;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import org.atelier.fit.FitEvent;
import org.atelier.model.ModelDetail;

/** The "Model" tab: nothing yet, a running fit's progress, its error, or its results. */
class ModelPane extends Div {
    final Span status = new Span();
    final ProgressBar progress = new ProgressBar();
    final Div error = new Div();
    final Pre summary = new Pre();
    ModelDetail shown;

    ModelPane() {
        setSizeFull();
        status.addClassName("atelier-muted");
        error.addClassName("atelier-alert");
        summary.addClassName("atelier-code");
        showEmpty();
    }

    void showEmpty() {
        removeAll();
        shown = null;
        Div empty = new Div("Choose a response and factors, then Fit (Ctrl+Enter) to see the model here.");
        empty.addClassName("atelier-empty");
        add(empty);
    }

    void showProgress(FitEvent.Progress p) {
        if (progress.getParent().isEmpty() || status.getParent().isEmpty()) {
            removeAll();
            add(status, progress);
        }
        status.setText(p.describe());
        boolean iterating = p.iteration() > 0;
        progress.setIndeterminate(!iterating);
        if (iterating) {
            progress.setValue(Math.min(1.0, p.iteration() / (double) p.maxIterations()));
        }
    }

    void showFailed(String type, String message, String suggestion) {
        removeAll();
        error.setText(type + ": " + message + (suggestion == null ? "" : " — " + suggestion));
        add(error);
    }

    void showCancelled() {
        removeAll();
        Div note = new Div("Fit cancelled.");
        note.addClassName("atelier-empty");
        add(note);
    }

    void showResults(ModelDetail detail) {
        removeAll();
        shown = detail;
        summary.setText(detail.summaryText());
        add(summary);
    }
}
