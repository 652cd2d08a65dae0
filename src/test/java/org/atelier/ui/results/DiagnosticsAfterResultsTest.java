package org.atelier.ui.results;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;

import com.vaadin.flow.component.UI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelService;
import org.atelier.model.ModelStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A fit's results come before its diagnostics: while the validation figures are still being computed the model is
 * completed, its Diagnostics, Lift and Residuals tabs say "Computing diagnostics…", and they fill in as soon as the
 * figures are stored, without a reload. The diagnostics are held back here until the test lets them through.
 */
class DiagnosticsAfterResultsTest extends FittedModelsTest {
    @MockitoSpyBean
    ModelService spied;

    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void letTheDiagnosticsThrough() {
        release.countDown();
    }

    @Test
    void theResultsShowWhileTheDiagnosticsAreComputedAndTheTabsFillInWhenTheyLand() {
        doAnswer(call -> {
            release.await(60, TimeUnit.SECONDS);
            return call.callRealMethod();
        }).when(spied).storeDiagnostics(any(), any());

        ModelDetail model = fitted.fit(data, FittedModels.FREQUENCY);

        assertThat(model.status()).as(model.errorMessage()).isEqualTo(ModelStatus.COMPLETED);
        assertThat(models.diagnosticsPending(model.id())).as("completed before its diagnostics are stored").isTrue();
        ResultsTabs tabs = new ResultsTabs(model);
        UI.getCurrent().add(tabs);
        assertThat(tabs.builtTabs()).as("only the tab shown is built").isEqualTo(1);
        tabs.setSelectedTab(tabs.validation.liftTab);
        assertThat(tabs.validation.isWaiting()).isTrue();
        assertThat(_find(tabs, LiftTab.class)).isEmpty();
        assertThat(tabs.getElement().getOuterHTML()).contains("Computing diagnostics…");

        release.countDown();
        awaitUi("the diagnostics in the Lift tab", () -> !tabs.validation.isWaiting());

        assertThat(_find(tabs, LiftTab.class)).hasSize(1);
        assertThat(tabs.builtTabs()).as("Summary and Lift").isEqualTo(2);
        assertThat(tabs.getElement().getOuterHTML()).doesNotContain("Computing diagnostics…");
        assertThat(models.diagnosticsPending(model.id())).isFalse();
        assertThat(models.diagnostics(model.id()).orElseThrow().train().lifts()).isNotEmpty();
        assertThat(tabs.validation.diagnostics().trainCards).isNotEmpty(); // built from the stored figures
        org.mockito.Mockito.verify(spied).storeDiagnostics(eq(model.id()), any());
    }
}
