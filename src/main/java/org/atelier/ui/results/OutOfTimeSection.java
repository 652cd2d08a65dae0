package org.atelier.ui.results;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.atelier.dataset.DatasetInfo;
import org.atelier.model.ModelDetail;
import org.atelier.scoring.OutOfTime;
import org.atelier.scoring.ScoreListener;
import org.atelier.scoring.ScoreStage;
import org.atelier.scoring.ScoringService;
import org.atelier.ui.common.UiAccess;
import org.atelier.ui.common.UserMessages;

/**
 * Out-of-time validation in the Diagnostics tab: another dataset of the project (a later year, with the response
 * and the exposure and weights columns) scored by the stored model, its full diagnostics computed in the background
 * and stored, then shown as a part beside the training rows and the hold-out.
 */
class OutOfTimeSection extends Div {
    final Select<DatasetInfo> dataset = new Select<>();
    final Button compute = new Button("Compute out-of-time diagnostics", VaadinIcon.CALENDAR_CLOCK.create());
    final Button cancel = new Button("Cancel");
    final ProgressBar progress = new ProgressBar();
    final Span status = new Span();
    private final ModelDetail model;
    private final ScoringService scoring;
    private final Consumer<OutOfTime> computed;
    private String runId;

    OutOfTimeSection(ModelDetail model, ScoringService scoring, Consumer<OutOfTime> computed) {
        this.model = model;
        this.scoring = scoring;
        this.computed = computed;
        addClassName("atelier-out-of-time");
        Span what = new Span("Judge the model on another dataset of the project, e.g. a later year: scored with the"
                + " stored model, never refitted. Levels the model never saw are refused, named.");
        what.addClassName("atelier-muted");
        List<DatasetInfo> others = scoring.datasets(model.projectId()).stream()
                .filter(d -> !d.id().equals(model.datasetId())).toList();
        dataset.setLabel("Dataset");
        dataset.setId("out-of-time-dataset");
        dataset.setItemLabelGenerator(d -> d == null ? "" : d.indicator());
        dataset.setItems(others);
        dataset.setEnabled(!others.isEmpty());
        dataset.setHelperText(others.isEmpty() ? "The project has no other dataset: upload a later year to the project"
                + " first" : null);
        others.stream().findFirst().ifPresent(dataset::setValue);
        compute.setId("run-out-of-time");
        compute.addThemeVariants(ButtonVariant.LUMO_SMALL);
        compute.setEnabled(!others.isEmpty());
        compute.addClickListener(e -> start());
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        cancel.addClickListener(e -> scoring.cancel(runId));
        cancel.setVisible(false);
        progress.setWidth("10rem");
        progress.setVisible(false);
        status.setId("out-of-time-status");
        HorizontalLayout bar = new HorizontalLayout(dataset, compute, progress, status, cancel);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H4("Out of time"), what, bar);
    }

    void start() {
        DatasetInfo chosen = dataset.getValue();
        if (chosen == null) {
            return;
        }
        UI ui = UI.getCurrent();
        running(true);
        status.setText("Starting…");
        try {
            runId = scoring.outOfTime(model.id(), chosen.id(), new ScoreListener<>() {
                @Override
                public void progress(ScoreStage stage, double fraction) {
                    UiAccess.run(ui, () -> {
                        progress.setIndeterminate(Double.isNaN(fraction));
                        if (!Double.isNaN(fraction)) {
                            progress.setValue(Math.clamp(fraction, 0, 1));
                        }
                        status.setText(stage.label() + (Double.isNaN(fraction) ? "…"
                                : String.format(Locale.ROOT, " %.0f%%", 100 * fraction)));
                    });
                }

                @Override
                public void finished(OutOfTime result) {
                    UiAccess.run(ui, () -> {
                        running(false);
                        status.setText(result.title() + ": computed and stored with the model.");
                        computed.accept(result);
                    });
                }

                @Override
                public void failed(String message) {
                    UiAccess.run(ui, () -> stopped("Out-of-time diagnostics failed: " + message));
                }

                @Override
                public void cancelled() {
                    UiAccess.run(ui, () -> stopped("Out-of-time diagnostics cancelled"));
                }
            });
        } catch (RuntimeException e) {
            stopped("Could not start: " + UserMessages.of(e));
        }
    }

    private void stopped(String message) {
        running(false);
        status.setText(message);
    }

    private void running(boolean running) {
        compute.setEnabled(!running);
        cancel.setVisible(running);
        progress.setVisible(running);
        progress.setIndeterminate(true);
    }
}
