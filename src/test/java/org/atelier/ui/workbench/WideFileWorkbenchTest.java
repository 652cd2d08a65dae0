package org.atelier.ui.workbench;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.ColumnRendering;
import com.vaadin.flow.component.grid.Grid;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.atelier.dataset.DatasetService;
import org.atelier.project.ProjectService;
import org.atelier.ui.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A 10,000-column file's workbench builds nothing per column: the column list is a grid, the column pickers load
 * lazily, and the Data tab's grid is built when the tab is shown, a window of 100 columns at a time. It used to build
 * a component per column in the list and one per column in each picker (100,310 DOM nodes, 36 s to render), then
 * 10,000 grid columns for the Data tab on every opening (9-31 s of the server at load 20-30).
 */
class WideFileWorkbenchTest extends KaribuTest {
    static final int COLUMNS = 10_000;

    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;

    @Test
    void aTenThousandColumnFileBuildsNoComponentPerColumn() throws Exception {
        String projectId = projects.create("Wide", "").id();
        StringBuilder csv = new StringBuilder();
        for (int c = 0; c < COLUMNS; c++) {
            csv.append(c == 0 ? "" : ",").append("col").append(c);
        }
        csv.append('\n');
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < COLUMNS; c++) {
                csv.append(c == 0 ? "" : ",").append(c % 3 == 0 ? "L" + r : Integer.toString(r * c));
            }
            csv.append('\n');
        }
        Path file = datasets.newUploadFile("wide.csv");
        Files.writeString(file, csv);
        datasets.upload(projectId, "wide.csv", file);

        UI.getCurrent().navigate(WorkbenchView.class, projectId);
        WorkbenchView view = _get(WorkbenchView.class);
        WorkbenchProbe workbench = new WorkbenchProbe(view);

        long components = descendants(UI.getCurrent()).filter(c -> !(c instanceof Grid.Column)).count();
        assertThat(components).as("components outside the preview's columns").isLessThan(1_000);
        assertThat(workbench.columnBadges()).hasSize(COLUMNS).startsWith("col0 Utf8", "col1 Int64");
        assertThat(workbench.previewGrid()).as("the Data tab's grid, before the tab is shown").isNull();
        view.results.tabs.setSelectedTab(view.results.dataTab);
        assertThat(workbench.previewGrid().getColumns()).hasSize(PreviewPanel.WINDOW);
        assertThat(workbench.previewGrid().getColumnRendering()).isEqualTo(ColumnRendering.LAZY);
        _click(_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withText("Next columns")));
        assertThat(workbench.previewGrid().getColumns().getFirst().getKey()).isEqualTo("col100");
        workbench.editor().response("col1");
        assertThat(workbench.editor().responseValue()).isEqualTo("col1");
    }

    private static Stream<Component> descendants(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(WideFileWorkbenchTest::descendants));
    }
}
