package org.atelier.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.UploadKt._upload;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.atelier.dataset.DatasetService;
import org.atelier.project.ProjectService;
import org.atelier.ui.projects.ProjectsView;
import org.atelier.ui.workbench.WorkbenchView;
import org.atelier.ui.workbench.WorkbenchProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class WorkbenchFlowTest extends KaribuTest {
    static final String POLICIES = """
            IDpol,ClaimNb,Exposure,Area,DrivAge
            1,0,0.5,A,34
            2,1,1,C,51
            3,0,0.25,B,
            4,2,1,A,28
            5,0,0.75,C,67
            """;

    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;

    @Test
    void createProjectUploadCsvSeeProfileAndPreviewThenDelete() throws Exception {
        UI.getCurrent().navigate(ProjectsView.class);
        _click(_get(Button.class, spec -> spec.withText("New project")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Motor frequency");
        _click(_get(Button.class, spec -> spec.withText("Create")));

        WorkbenchView workbench = _get(WorkbenchView.class);
        WorkbenchProbe probe = new WorkbenchProbe(workbench);
        assertThat(probe.projectName()).isEqualTo("Motor frequency");
        assertThat(probe.datasetIndicator()).isEqualTo("No dataset");
        assertThat(probe.codePanelVisible()).isTrue();
        _click((Button) probe.codeToggle());
        assertThat(probe.codePanelVisible()).isFalse();
        _click((Button) probe.codeToggle());
        assertThat(probe.codePanelVisible()).isTrue();

        _upload(probe.upload(), "policies.csv", "text/csv", POLICIES.getBytes(StandardCharsets.UTF_8));
        awaitUi("the uploaded dataset", () -> probe.datasetIndicator().startsWith("policies.csv"));

        assertThat(probe.datasetIndicator()).isEqualTo("policies.csv · 5 rows");
        assertThat(probe.columnBadges()).containsExactly(
                "IDpol Int64", "ClaimNb Int64", "Exposure Float64", "Area Utf8", "DrivAge Int64");
        var profile = probe.profileGrid();
        assertThat(_size(profile)).isEqualTo(5);
        assertThat(_getFormatted(profile, 2, "Distinct")).isEqualTo("4");
        assertThat(_getFormatted(profile, 4, "Missing")).isEqualTo("1");
        assertThat(_getFormatted(profile, 4, "Min")).isEqualTo("28");
        assertThat(_getFormatted(profile, 4, "Max")).isEqualTo("67");
        var preview = probe.previewGrid();
        assertThat(_size(preview)).isEqualTo(5);
        assertThat(_getFormatted(preview, 1, "Area")).isEqualTo("C");
        assertThat(_getFormatted(preview, 2, "Exposure")).isEqualTo("0.25");
        assertThat(_getFormatted(preview, 2, "DrivAge")).isEmpty();

        String projectId = projects.list().getFirst().id();
        assertThat(projects.projectDir(projectId).resolve("datasets")).isDirectoryContaining("glob:**.csv");

        UI.getCurrent().navigate(ProjectsView.class);
        Grid<?> projectGrid = _get(Grid.class);
        assertThat(_size(projectGrid)).isEqualTo(1);
        assertThat(_getFormatted(projectGrid, 0, "Models")).isEqualTo("0");
        _click(_get(GridKt._getCellComponent(projectGrid, 0, "actions"), Button.class,
                spec -> spec.withAttribute("aria-label", "Delete Motor frequency")));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        ComponentUtil.fireEvent(confirm, new ConfirmDialog.ConfirmEvent(confirm, false));
        assertThat(projects.list()).isEmpty();
        assertThat(projects.projectDir(projectId)).doesNotExist();
    }

    @Test
    void aBadUploadShowsItsProblemAndKeepsTheDatasetWeHad() throws Exception {
        String projectId = projects.create("Household", "").id();
        UI.getCurrent().navigate(WorkbenchView.class, projectId);
        WorkbenchProbe probe = new WorkbenchProbe(_get(WorkbenchView.class));
        _upload(probe.upload(), "policies.csv", "text/csv", POLICIES.getBytes(StandardCharsets.UTF_8));
        awaitUi("the first dataset", () -> probe.datasetIndicator().startsWith("policies.csv"));

        _upload(probe.upload(), "broken.csv", "text/csv",
                "Area,Region,Area\nA,R11,1\n".getBytes(StandardCharsets.UTF_8));
        awaitUi("the upload error", () -> !probe.uploadError().isEmpty());
        assertThat(probe.uploadError()).isEqualTo("Duplicate column names: Area");
        assertThat(probe.datasetIndicator()).isEqualTo("policies.csv · 5 rows");

        _upload(probe.upload(), "ragged.csv", "text/csv",
                "a,b\n1,2\n3,4,5\n".getBytes(StandardCharsets.UTF_8));
        awaitUi("the parse error", () -> probe.uploadError().contains("Line 3"));
        assertThat(probe.uploadError()).contains("expected 2 fields, found 3");

        assertThat(datasets.latest(projectId)).get().extracting(d -> d.name()).isEqualTo("policies.csv");
        try (var files = Files.list(projects.projectDir(projectId).resolve("datasets"))) {
            assertThat(files.count()).as("only the good dataset's file is kept").isEqualTo(1);
        }
        try (var leftovers = Files.list(home.resolve("uploads"))) {
            assertThat(leftovers.toList()).as("failed uploads leave nothing behind").isEmpty();
        }
    }

    @Test
    void trySampleDataOpensAWorkbenchWithTheGeneratedPortfolio() {
        UI.getCurrent().navigate(ProjectsView.class);
        _click(_get(Button.class, spec -> spec.withText("Try sample data")));
        awaitUi("the sample project's workbench", () -> !_find(WorkbenchView.class).isEmpty());

        WorkbenchProbe probe = new WorkbenchProbe(_get(WorkbenchView.class));
        assertThat(probe.projectName()).isEqualTo("Sample: French motor TPL");
        assertThat(probe.datasetIndicator()).isEqualTo("freMTPL2_sample.csv · 678K rows");
        assertThat(probe.columnBadges()).containsExactly("IDpol Int64", "ClaimNb Int64", "Exposure Float64",
                "Area Utf8", "VehPower Int64", "VehAge Int64", "DrivAge Int64", "BonusMalus Int64",
                "VehBrand Utf8", "VehGas Utf8", "Density Int64", "Region Utf8", "ClaimAmount Float64");
        assertThat(_size(probe.previewGrid())).isEqualTo(678_013);
        assertThat(_getFormatted(probe.previewGrid(), 678_012, "IDpol")).isNotEmpty();
    }
}
