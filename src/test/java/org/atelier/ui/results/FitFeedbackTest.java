package org.atelier.ui.results;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.atelier.dataset.DatasetInfo;
import org.atelier.dataset.DatasetService;
import org.atelier.engine.spec.TermSpec;
import org.atelier.fit.FitEvent;
import org.atelier.fit.FitEvents;
import org.atelier.fit.FitService;
import org.atelier.fit.FitStage;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelService;
import org.atelier.model.ModelStatus;
import org.atelier.project.ProjectService;
import org.atelier.ui.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The progress panel, the error alert and the placeholder: what the results panel shows around a fit. */
class FitFeedbackTest extends KaribuTest {
    @Autowired
    FitService fits;
    @Autowired
    FitEvents events;
    @Autowired
    ModelService models;
    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;

    @Test
    void progressIsIndeterminateUntilIterationsThenCountsThem() {
        AtomicInteger cancels = new AtomicInteger();
        FitProgressPanel panel = new FitProgressPanel(cancels::incrementAndGet);
        UI.getCurrent().add(panel);
        assertThat(panel.isIndeterminate()).isTrue();

        panel.show(new FitEvent.Progress("m", "p", FitStage.BUILDING_DESIGN, 0, 25, Double.NaN, Double.NaN));
        assertThat(panel.stageText()).isEqualTo("Building design…");
        assertThat(panel.isIndeterminate()).isTrue();
        assertThat(panel.detailText()).isEmpty();

        panel.show(new FitEvent.Progress("m", "p", FitStage.ITERATING, 3, 25, 135_200, -1_500));
        assertThat(panel.stageText()).isEqualTo("Fitting model…");
        assertThat(panel.detailText()).isEqualTo("Iteration 3/25 · deviance 135,200 (Δ −1,500)");
        assertThat(panel.isIndeterminate()).isFalse();
        assertThat(panel.progress()).isEqualTo(0.12);

        _click(panel.cancelButton());
        assertThat(cancels).hasValue(1);
        assertThat(panel.cancelButton().isEnabled()).as("a second click would ask again").isFalse();
        assertThat(panel.cancelButton().getText()).isEqualTo("Cancelling…");
    }

    @Test
    void aCvPathAndASmoothShowTheirProgressInTheirOwnTerms() {
        FitProgressPanel panel = new FitProgressPanel(() -> { });
        UI.getCurrent().add(panel);
        panel.show(new FitEvent.Progress("m", "p", FitStage.CV_PATH, 0, 25, Double.NaN, Double.NaN, 7, 20, 3, 5));
        assertThat(panel.stageText()).isEqualTo("Cross-validating…");
        assertThat(panel.detailText()).isEqualTo("α 7/20 · fold 3/5");
        assertThat(panel.isIndeterminate()).isFalse();
        assertThat(panel.progress()).isCloseTo((6 + 4.0 / 6) / 20, org.assertj.core.data.Offset.offset(1e-12));
        panel.show(new FitEvent.Progress("m", "p", FitStage.CV_PATH, 0, 25, Double.NaN, Double.NaN, 8, 20, 0, 5));
        assertThat(panel.detailText()).isEqualTo("α 8/20 · full data");

        panel.show(new FitEvent.Progress("m", "p", FitStage.FINAL_REFIT, 0, 25, Double.NaN, Double.NaN));
        assertThat(panel.stageText()).isEqualTo("Final refit…");
        assertThat(panel.detailText()).isEmpty();
        assertThat(panel.isIndeterminate()).isTrue();

        panel.show(new FitEvent.Progress("m", "p", FitStage.LAMBDA_SEARCH, 4, 50, Double.NaN, Double.NaN));
        assertThat(panel.stageText()).isEqualTo("Fitting model…");
        assertThat(panel.detailText()).isEqualTo("Iteration 4 · λ search");
    }

    @Test
    void aRealFitsProgressReachesThePanelThroughUiAccess() {
        DatasetInfo data = new FittedModels(fits, models, projects, datasets).portfolio("Progress");
        FitProgressPanel panel = new FitProgressPanel(() -> { });
        UI ui = UI.getCurrent();
        ui.add(panel);
        List<String> shown = new CopyOnWriteArrayList<>();
        Runnable unsubscribe = events.subscribeProject(data.projectId(), event -> {
            if (event instanceof FitEvent.Progress progress) {
                ui.access(() -> {
                    panel.show(progress);
                    shown.add(panel.stageText() + " | " + panel.detailText());
                });
            }
        });
        ModelDetail started = fits.start(data.projectId(), data.id(),
                FittedModels.frequency(List.of(TermSpec.categorical("Region"), TermSpec.linear("BonusMalus"))));
        awaitUi("the fit to finish", () -> !models.get(started.id()).status().isRunning()
                && shown.stream().anyMatch(s -> s.startsWith("Saving")));
        unsubscribe.run();

        assertThat(shown).contains("Loading data… | ", "Building design… | ");
        assertThat(shown).anySatisfy(s -> assertThat(s).matches("Fitting model… \\| Iteration 1/25 · deviance [\\d,]+"));
    }

    @Test
    void aFailedFitShowsItsTypeMessageAndSuggestion() {
        FittedModels fitted = new FittedModels(fits, models, projects, datasets);
        DatasetInfo data = fitted.portfolio("Failing");
        ModelDetail failed = fitted.fit(data, FittedModels.frequency(List.of(TermSpec.linear("NoSuchColumn"))));
        assertThat(failed.status()).isEqualTo(ModelStatus.FAILED);

        FitErrorAlert alert = FitErrorAlert.of(failed);
        UI.getCurrent().add(alert);
        assertThat(alert.errorType()).isEqualTo(failed.errorType()).isNotBlank();
        assertThat(alert.message()).isEqualTo(failed.errorMessage()).contains("NoSuchColumn");
        assertThat(alert.getClassNames()).contains("atelier-alert", "atelier-fit-error");
        assertThat(alert.getElement().getAttribute("role")).isEqualTo("alert");

        FitErrorAlert convergence = FitErrorAlert.of(new FitEvent.Failed("m", "p", "ConvergenceError",
                "Model did not converge after 25 iterations.", "Try increasing max_iter to 50+."));
        assertThat(convergence.errorType()).isEqualTo("ConvergenceError");
        assertThat(convergence.suggestion()).isEqualTo("Try increasing max_iter to 50+.");
    }

    @Test
    void theEmptyPlaceholderAsksForAFit() {
        EmptyResults empty = new EmptyResults();
        UI.getCurrent().add(empty);
        assertThat(empty.getElement().getTextRecursively())
                .isEqualTo("Configure your model and click \"Fit model\" to see results here.");
    }
}
