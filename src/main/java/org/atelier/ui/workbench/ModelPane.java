package org.atelier.ui.workbench;

import com.vaadin.flow.component.html.Div;
import org.atelier.fit.FitEvent;
import org.atelier.model.ModelDetail;
import org.atelier.ui.results.EmptyResults;
import org.atelier.ui.results.FitErrorAlert;
import org.atelier.ui.results.FitProgressPanel;
import org.atelier.ui.results.ResultsTabs;

/** The "Model" tab: nothing yet, a running fit's progress, its error, or its results. */
class ModelPane extends Div {
    private final Runnable onCancel;
    FitProgressPanel progress;
    ResultsTabs results;
    ModelDetail shown;

    ModelPane(Runnable onCancel) {
        this.onCancel = onCancel;
        setSizeFull();
        showEmpty();
    }

    void showEmpty() {
        replace(new EmptyResults());
        shown = null;
    }

    void showProgress(FitEvent.Progress p) {
        if (progress == null || progress.getParent().isEmpty()) {
            progress = new FitProgressPanel(onCancel);
            replace(progress);
        }
        progress.show(p);
    }

    void showFailed(FitErrorAlert alert) {
        replace(alert);
    }

    void showCancelled() {
        Div note = new Div("Fit cancelled. Edit the spec and fit again, or open a model from the history.");
        note.addClassName("atelier-empty");
        replace(note);
    }

    void showResults(ModelDetail detail) {
        results = new ResultsTabs(detail);
        results.setSizeFull();
        replace(results);
        shown = detail;
    }

    private void replace(com.vaadin.flow.component.Component content) {
        removeAll();
        progress = content instanceof FitProgressPanel panel ? panel : null;
        results = content instanceof ResultsTabs tabs ? tabs : null;
        add(content);
    }
}
