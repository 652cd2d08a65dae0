package org.atelier.ui.results;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.vaadin.flow.component.UI;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelDiagnostics;
import org.atelier.model.ModelStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A stop or a kill between storing a fit's results and storing its diagnostics leaves a completed model without
 * them. Reopened (after the restart), its validation tabs do not call it a model "fitted before Atelier computed
 * them": they say "Computing diagnostics…", compute the figures from the stored model and its dataset, and fill in.
 */
class DiagnosticsInterruptedTest extends FittedModelsTest {
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCompletedModelFoundWithoutDiagnosticsGetsThemWhenItsResultsAreOpened() {
        ModelDetail model = fitted.fit(data, FittedModels.FREQUENCY);
        assertThat(model.status()).as(model.errorMessage()).isEqualTo(ModelStatus.COMPLETED);
        ModelDiagnostics asFitted = models.diagnostics(model.id()).orElseThrow(); // waits for them
        // what the interrupted server left behind: the results stored, the diagnostics not
        jdbc.update("DELETE FROM model_diagnostics WHERE model_id = ?", model.id());
        assertThat(models.diagnostics(model.id())).as("the row, not the figures still in memory").isEmpty();
        assertThat(models.lacksDiagnostics(model.id())).isTrue();

        ResultsTabs tabs = new ResultsTabs(models.get(model.id()));
        UI.getCurrent().add(tabs);
        tabs.setSelectedTab(tabs.validation.liftTab);
        awaitUi("the diagnostics computed on opening", () -> !tabs.validation.isWaiting());

        assertThat(_find(tabs, LiftTab.class)).hasSize(1);
        String shown = tabs.getElement().getOuterHTML();
        assertThat(shown).doesNotContain("No diagnostics are stored").doesNotContain("fitted before Atelier");
        assertThat(models.lacksDiagnostics(model.id())).isFalse();
        ModelDiagnostics computed = models.diagnostics(model.id()).orElseThrow();
        assertThat(computed.train().gini()).isCloseTo(asFitted.train().gini(), within(1e-9));
        assertThat(computed.train().lifts()).hasSameSizeAs(asFitted.train().lifts());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM model_diagnostics WHERE model_id = ?",
                Integer.class, model.id())).as("stored, so the next opening reads them").isEqualTo(1);
    }

    @Test
    void aModelWithItsDiagnosticsStoredIsNotComputedAgain() {
        ModelDetail model = fitted.fit(data, FittedModels.FREQUENCY);
        models.diagnostics(model.id()).orElseThrow();

        ResultsTabs tabs = new ResultsTabs(models.get(model.id()));
        UI.getCurrent().add(tabs);
        tabs.setSelectedTab(tabs.validation.liftTab);

        assertThat(tabs.validation.isWaiting()).isFalse();
        assertThat(models.diagnosticsPending(model.id())).isFalse();
        assertThat(_find(tabs, LiftTab.class)).hasSize(1);
    }
}
