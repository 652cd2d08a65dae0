package org.atelier.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.atelier.data.SamplePortfolio;
import org.atelier.dataset.DatasetService;
import org.atelier.dataset.SampleDataService;
import org.atelier.model.ModelStatus;
import org.atelier.project.ProjectService;
import org.atelier.ui.results.ModelComparison;
import org.atelier.ui.spec.SpecEditorProbe;
import org.atelier.ui.workbench.WorkbenchProbe;
import org.atelier.ui.workbench.WorkbenchView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The workbench as an actuary uses it: specify, fit, read, refit, fail, cancel, go back in history. */
class FitFlowTest extends KaribuTest {
    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;
    @Autowired
    SampleDataService samples;

    private WorkbenchProbe openWorkbench(int rows) {
        String projectId = projects.create("Frequency", "").id();
        Path file = datasets.newUploadFile("portfolio.csv");
        SamplePortfolio.writeCsv(file, 5, rows);
        datasets.upload(projectId, "portfolio.csv", file);
        UI.getCurrent().navigate(WorkbenchView.class, projectId);
        return new WorkbenchProbe(_get(WorkbenchView.class));
    }

    @Test
    void specifyFitAndReadAFrequencyModelThenGoBackInHistory() {
        // a portfolio as large as the sample's, in a project without the sample's ready model
        WorkbenchProbe workbench = openWorkbench(SamplePortfolio.DEFAULT_ROWS);
        SpecEditorProbe spec = workbench.editor();
        assertThat(spec.fitEnabled()).isFalse();
        // the Explore tab's guess is the spec's response and exposure until the user picks others
        assertThat(spec.responseValue()).isEqualTo("ClaimNb");
        assertThat(spec.editor().spec().offset()).isEqualTo("Exposure");

        spec.response("ClaimNb");
        assertThat(spec.fitBlockedBecause()).isEqualTo("Add at least one factor");
        spec.family("gamma");
        assertThat(spec.linkLabel()).isEqualTo("log (default)");
        spec.family("poisson");
        assertThat(spec.linkLabel()).isEqualTo("log (canonical)");
        spec.offset("Exposure");
        spec.addFactor("Area");
        spec.addFactor("BonusMalus");
        spec.addFactor("DrivAge");
        spec.setType("DrivAge", "bs");
        assertThat(spec.factors()).containsExactly("Area:categorical", "BonusMalus:linear", "DrivAge:bs");
        assertThat(spec.fitEnabled()).isTrue();
        assertThat(workbench.pythonCode()).contains("\"Area\": {\"type\": \"categorical\"}")
                .contains("\"DrivAge\": {\"type\": \"bs\", \"df\": 5}").contains("offset=\"Exposure\"");
        assertThat(workbench.javaCode()).contains("GlmFitter.fit");
        assertThat(workbench.codeSource()).isEqualTo("Live from the spec");

        spec.fit();
        List<String> seen = new ArrayList<>();
        awaitUi("the fitted model", () -> {
            seen.add(workbench.modelPaneText());
            return workbench.shownModel() != null;
        });
        assertThat(seen).as("progress pushed while fitting").anyMatch(t -> t.matches("(?s).*Iteration \\d+/25.*"));
        assertThat(workbench.resultsTabs().getTabCount()).isEqualTo(6);
        assertThat(workbench.fitStatus()).isEqualTo("Completed");
        assertThat(workbench.shownModel().status()).isEqualTo(ModelStatus.COMPLETED);
        assertThat(workbench.shownModel().coefficients()).extracting(c -> c.feature())
                .contains("Area[T.F]", "BonusMalus", "bs(DrivAge, 5/5)");
        assertThat(workbench.codeSource()).isEqualTo("Stored with v1");
        assertThat(_size(workbench.historyGrid())).isEqualTo(1);
        assertThat(spec.cancelVisible()).isFalse();

        assertThat(workbench.resultsTabs().showRelativities("Area")).isTrue();

        // v2 adds a factor; the comparison shows what changed and which model fits better.
        spec.addFactor("VehGas");
        spec.fit();
        awaitUi("the second model", () -> workbench.shownModel() != null && workbench.shownModel().version() == 2);
        workbench.selectHistoryTab();
        workbench.historyGrid().asMultiSelect().select(_get(workbench.historyGrid(), 0), _get(workbench.historyGrid(), 1));
        _click(workbench.compareButton());
        ModelComparison comparison = _get(ModelComparison.class);
        assertThat(comparison.getElement().getTextRecursively()).contains("Added term: VehGas (categorical)");
        assertThat(comparison.sharedFactors()).contains("Area");
        _get(com.vaadin.flow.component.dialog.Dialog.class).close();

        // A third model: the response is an amount with zeros, which a gamma model cannot take.
        spec.response("ClaimAmount");
        spec.family("gamma");
        spec.offset("None");
        spec.fit();
        awaitUi("the failed fit", () -> workbench.fitStatus().equals("Failed"));
        assertThat(workbench.modelPaneText()).contains("ClaimAmount");
        assertThat(_size(workbench.historyGrid())).isEqualTo(3);
        assertThat(_get(workbench.historyGrid(), 0).status()).isEqualTo(ModelStatus.FAILED);

        workbench.selectHistoryTab();
        _clickItem(workbench.historyGrid(), 2);
        assertThat(spec.responseValue()).isEqualTo("ClaimNb");
        assertThat(spec.factors()).containsExactly("Area:categorical", "BonusMalus:linear", "DrivAge:bs");
        assertThat(workbench.fitStatus()).isEqualTo("Completed");
        assertThat(workbench.resultsTabs()).isNotNull();
        assertThat(workbench.shownModel().version()).isEqualTo(1);
    }

    @Test
    void aRunningFitCanBeCancelled() {
        WorkbenchProbe workbench = openWorkbench(300_000);
        SpecEditorProbe spec = workbench.editor();
        spec.response("ClaimNb");
        spec.offset("Exposure");
        for (String factor : new String[] {"Region", "VehBrand", "Area", "DrivAge", "BonusMalus", "VehAge"}) {
            spec.addFactor(factor);
        }
        spec.fit();
        assertThat(spec.cancelVisible()).isTrue();
        assertThat(workbench.fitStatus()).isEqualTo("Fitting");
        _click(spec.cancel());
        awaitUi("the cancelled fit", () -> workbench.fitStatus().equals("Cancelled"));
        assertThat(_get(workbench.historyGrid(), 0).status()).isEqualTo(ModelStatus.CANCELLED);
        assertThat(spec.cancelVisible()).isFalse();
    }

    @Test
    void theAdvancedOptionsOfTheSpecPanelReachTheEngine() {
        WorkbenchProbe workbench = openWorkbench(20_000);
        SpecEditorProbe spec = workbench.editor();
        spec.response("ClaimNb");
        spec.offset("Exposure");
        spec.addFactor("VehBrand");
        spec.setType("VehBrand", "target_encoding");
        spec.addFactor("DrivAge");
        spec.setType("DrivAge", "bs");
        spec.penalize("DrivAge");
        spec.addFactor("BonusMalus");
        spec.monotone("BonusMalus", "increasing");
        assertThat(workbench.pythonCode()).contains("\"VehBrand\": {\"type\": \"target_encoding\"}")
                .contains("\"DrivAge\": {\"type\": \"bs\", \"k\": 10}")
                .contains("\"BonusMalus\": {\"type\": \"linear\", \"monotonicity\": \"increasing\"}");
        // monotone terms and penalized smooths are not fitted together: the spec panel says so before Fit
        assertThat(spec.fitEnabled()).isFalse();
        assertThat(spec.fitBlockedBecause()).contains("'BonusMalus' is monotone").contains("'DrivAge'");
        assertThat(spec.issues("BonusMalus")).singleElement().asString().contains("give that spline df");
        spec.monotone("BonusMalus", "none");
        assertThat(spec.fitEnabled()).isTrue();
        spec.fit();
        awaitUi("the advanced model", () -> workbench.shownModel() != null || workbench.fitStatus().equals("Failed"));
        assertThat(workbench.fitStatus()).as(workbench.modelPaneText()).isEqualTo("Completed");
        assertThat(workbench.shownModel().coefficients()).extracting(c -> c.feature()).contains("TE(VehBrand)");
        assertThat(workbench.shownModel().summaryText()).contains("edf");

        // A lasso path chosen by cross-validation, on plain terms.
        spec.setType("DrivAge", "linear");
        spec.setType("VehBrand", "categorical");
        spec.regularization("lasso");
        assertThat(workbench.pythonCode()).contains("regularization=\"lasso\"");
        // a fold count the engine refuses blocks Fit, and the advanced options say why
        spec.cvFolds(1);
        assertThat(spec.fitEnabled()).isFalse();
        assertThat(spec.fitOptionIssues()).containsExactly("CV folds must be at least 2, got 1");
        spec.cvFolds(5);
        assertThat(spec.fitOptionIssues()).isEmpty();
        spec.fit();
        awaitUi("the lasso model", () -> (workbench.shownModel() != null && workbench.shownModel().version() == 2)
                || workbench.fitStatus().equals("Failed"));
        assertThat(workbench.fitStatus()).as(workbench.modelPaneText()).isEqualTo("Completed");
        assertThat(workbench.shownModel().summaryText()).containsIgnoringCase("lasso");
    }
}
