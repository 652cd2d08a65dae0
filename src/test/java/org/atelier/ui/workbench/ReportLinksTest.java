package org.atelier.ui.workbench;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import java.util.List;
import org.atelier.dataset.DatasetInfo;
import org.atelier.dataset.DatasetService;
import org.atelier.fit.FitService;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelService;
import org.atelier.project.ProjectService;
import org.atelier.ui.KaribuTest;
import org.atelier.ui.results.FittedModels;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A completed model's report opens from the results panel's "Report" button and from its History row. */
class ReportLinksTest extends KaribuTest {
    @Autowired
    FitService fits;
    @Autowired
    ModelService models;
    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;

    @Test
    void theResultsAndACompletedHistoryRowLinkToTheReportInANewTab() {
        FittedModels fitted = new FittedModels(fits, models, projects, datasets);
        DatasetInfo data = fitted.portfolio("Links");
        ModelDetail model = fitted.fit(data, FittedModels.FREQUENCY);
        ModelDetail cancelled = models.create(data.projectId(), data.id(), FittedModels.FREQUENCY);
        models.cancel(cancelled.id());
        UI.getCurrent().navigate(WorkbenchView.class, data.projectId());
        WorkbenchView view = _get(WorkbenchView.class);
        view.open(model.id());

        Anchor report = _get(Anchor.class, s -> s.withId("report-link"));
        assertThat(report.getHref()).isEqualTo("report/" + data.projectId() + "/" + model.id());
        assertThat(report.getTarget()).hasValue("_blank");
        assertThat(report.getElement().getTextRecursively()).contains("Report");

        HistoryGrid history = view.history;
        List<Anchor> completedRow = anchors(_getCellComponent(history.grid, 1, "actions"));
        assertThat(completedRow).extracting(Anchor::getHref)
                .containsExactly("report/" + data.projectId() + "/" + model.id());
        assertThat(anchors(_getCellComponent(history.grid, 0, "actions"))).as("a cancelled model has no report")
                .isEmpty();
    }

    private static List<Anchor> anchors(Component cell) {
        return _find(cell, Anchor.class);
    }
}
