package org.atelier.ui.workbench;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.atelier.fit.FitEvent;
import org.atelier.model.ModelDetail;
import org.atelier.ui.results.EmptyResults;
import org.atelier.ui.results.FitErrorAlert;
import org.atelier.ui.results.FitProgressPanel;
import org.atelier.ui.report.ReportView;
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
        results.addAction(reportLink(detail)); // beside Score data, Download model and the exports
        replace(results);
        shown = detail;
    }

    /** "Report": the model's printable report, in a new browser tab so the workbench stays as it is. */
    static Anchor reportLink(ModelDetail detail) {
        Button button = new Button("Report", VaadinIcon.PRINT.create());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        button.setTooltipText("Open the printable report of " + detail.label());
        Anchor link = new Anchor(ReportView.path(detail.projectId(), detail.id()), button);
        link.setTarget("_blank");
        link.setId("report-link");
        return link;
    }

    private void replace(com.vaadin.flow.component.Component content) {
        removeAll();
        progress = content instanceof FitProgressPanel panel ? panel : null;
        results = content instanceof ResultsTabs tabs ? tabs : null;
        add(content);
    }
}
