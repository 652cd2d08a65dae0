package org.atelier.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.data.provider.Query;
import java.nio.file.Path;
import java.util.List;
import org.atelier.data.SamplePortfolio;
import org.atelier.dataset.DatasetInfo;
import org.atelier.dataset.DatasetService;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.PenaltyKind;
import org.atelier.engine.spec.Selection;
import org.atelier.engine.spec.TermSpec;
import org.atelier.fit.FitService;
import org.atelier.model.ModelHistoryRow;
import org.atelier.model.ModelStatus;
import org.atelier.project.ProjectService;
import org.atelier.ui.workbench.WorkbenchProbe;
import org.atelier.ui.workbench.WorkbenchView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workbench follows what colleagues do in its project without a click: a fit someone else starts appears in its
 * History at once, the end of a fit it shows (cancelled by someone else) updates it, and a deleted project says so.
 * The colleague acts through the services, as their own session's view does.
 */
class LiveWorkbenchTest extends KaribuTest {
    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;
    @Autowired
    FitService fits;

    @Test
    void fitsAndDeletionsByOthersShowLive() {
        String projectId = projects.create("Shared", "").id();
        Path file = datasets.newUploadFile("portfolio.csv");
        SamplePortfolio.writeCsv(file, 5, 200_000);
        DatasetInfo data = datasets.upload(projectId, "portfolio.csv", file);
        UI.getCurrent().navigate(WorkbenchView.class, projectId);
        WorkbenchView view = _get(WorkbenchView.class);
        WorkbenchProbe workbench = new WorkbenchProbe(view);
        assertThat(history(workbench)).isEmpty();

        ModelSpec lasso = ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("Region"),
                        TermSpec.categorical("VehBrand"), TermSpec.linear("DrivAge"), TermSpec.linear("BonusMalus")))
                .withOffset("Exposure").withFitOptions(new FitOptions(0, 1, 25, 1e-8, PenaltyKind.LASSO, 5, Selection.MIN, 20, 1L));
        String colleagues = fits.start(projectId, data.id(), lasso).id();
        awaitUi("the colleague's fit in the History", () -> history(workbench).stream()
                .anyMatch(r -> r.id().equals(colleagues)));
        assertThat(history(workbench)).singleElement().satisfies(r -> assertThat(r.status().isRunning()).isTrue());

        workbench.open(colleagues); // as a click on its History line does
        assertThat(workbench.fitStatus()).isEqualTo("Fitting");
        fits.cancel(colleagues); // the colleague's Cancel, in their own session
        awaitUi("the cancelled fit", () -> workbench.fitStatus().equals("Cancelled"));
        awaitUi("the History line", () -> history(workbench).getFirst().status() == ModelStatus.CANCELLED);

        projects.delete(projectId);
        awaitUi("the deletion", () -> view.getElement().getTextRecursively().contains("Project deleted"));
        assertThat(view.getElement().getTextRecursively()).contains("\"Shared\" was deleted");
    }

    private static List<ModelHistoryRow> history(WorkbenchProbe workbench) {
        return workbench.historyGrid().getDataProvider().fetch(new Query<>()).toList();
    }
}
