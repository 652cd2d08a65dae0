package org.atelier.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.nio.file.Path;
import org.atelier.data.SamplePortfolio;
import org.atelier.dataset.DatasetService;
import org.atelier.project.ProjectService;
import org.atelier.ui.results.FitProgressPanel;
import org.atelier.ui.spec.SpecEditorProbe;
import org.atelier.ui.workbench.WorkbenchProbe;
import org.atelier.ui.workbench.WorkbenchView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The view follows the end of a fit whatever kind of fit it was: a cross-validated lasso path cancelled while its
 * design is being built (where the view stayed on "Building design… / Cancelling…" under a "Fitting"
 * badge) leaves the Fitting state, and the badge says Cancelled.
 */
class FitEndViewTest extends KaribuTest {
    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;

    @Test
    void aLassoPathCancelledWhileBuildingItsDesignLeavesTheFittingState() {
        String projectId = projects.create("Lasso", "").id();
        Path file = datasets.newUploadFile("portfolio.csv");
        SamplePortfolio.writeCsv(file, 5, 200_000);
        datasets.upload(projectId, "portfolio.csv", file);
        UI.getCurrent().navigate(WorkbenchView.class, projectId);
        WorkbenchProbe workbench = new WorkbenchProbe(_get(WorkbenchView.class));
        SpecEditorProbe spec = workbench.editor();
        spec.response("ClaimNb");
        spec.offset("Exposure");
        for (String factor : new String[] {"Region", "VehBrand", "Area", "DrivAge", "BonusMalus", "VehAge"}) {
            spec.addFactor(factor);
        }
        spec.regularization("lasso");
        spec.cvFolds(5);
        spec.fit();
        assertThat(workbench.fitStatus()).isEqualTo("Fitting");
        awaitUi("the design being built", () -> workbench.modelPaneText().contains("Building design")
                || !workbench.fitStatus().equals("Fitting"));

        // the Cancel of the progress panel, as in the issue
        _find(FitProgressPanel.class).stream().findFirst().ifPresent(panel ->
                _click(_get(panel, Button.class, s -> s.withText("Cancel"))));
        awaitUi("the end of the cancelled fit", () -> !workbench.fitStatus().equals("Fitting"));

        assertThat(workbench.fitStatus()).isEqualTo("Cancelled");
        assertThat(_find(FitProgressPanel.class)).isEmpty();
        assertThat(workbench.modelPaneText()).contains("Fit cancelled");
        assertThat(spec.cancelVisible()).isFalse();
    }
}
