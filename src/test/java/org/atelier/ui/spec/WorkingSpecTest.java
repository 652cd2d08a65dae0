package org.atelier.ui.spec;

import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.nio.file.Path;
import org.atelier.data.SamplePortfolio;
import org.atelier.dataset.DatasetService;
import org.atelier.dataset.SampleDataService;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.model.ModelSpecJson;
import org.atelier.model.ModelStatus;
import org.atelier.project.ProjectService;
import org.atelier.ui.KaribuTest;
import org.atelier.ui.projects.ProjectsView;
import org.atelier.ui.workbench.WorkbenchProbe;
import org.atelier.ui.workbench.WorkbenchView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The working spec: the sample's ready model, edits kept across visits, History loads, unreadable JSON. */
class WorkingSpecTest extends KaribuTest {
    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;

    private String projectWithPortfolio(int rows) {
        String projectId = projects.create("Frequency", "").id();
        Path file = datasets.newUploadFile("portfolio.csv");
        SamplePortfolio.writeCsv(file, 5, rows);
        datasets.upload(projectId, "portfolio.csv", file);
        return projectId;
    }

    private static WorkbenchProbe open(String projectId) {
        UI.getCurrent().navigate(WorkbenchView.class, projectId);
        return new WorkbenchProbe(_get(WorkbenchView.class));
    }

    @Test
    void trySampleDataOpensTheFrequencyModelSoOneClickOnFitShowsResults() {
        UI.getCurrent().navigate(ProjectsView.class);
        _click(_get(Button.class, spec -> spec.withText("Try sample data")));
        awaitUi("the sample project's workbench", () -> !_find(WorkbenchView.class).isEmpty());
        WorkbenchProbe workbench = new WorkbenchProbe(_get(WorkbenchView.class));
        SpecEditorProbe spec = workbench.editor();

        assertThat(spec.responseValue()).isEqualTo("ClaimNb");
        assertThat(spec.editor().response.family.getValue()).isEqualTo("poisson");
        assertThat(spec.editor().response.offset.getValue()).isEqualTo("Exposure");
        assertThat(spec.factors()).containsExactly("Area:categorical", "VehPower:linear", "VehAge:linear",
                "DrivAge:linear", "BonusMalus:linear", "VehBrand:categorical", "VehGas:categorical", "Density:linear",
                "Region:categorical");
        assertThat(spec.editor().spec()).isEqualTo(SampleDataService.frequencyModel());
        assertThat(spec.fitEnabled()).as(spec.fitBlockedBecause()).isTrue();

        spec.fit();
        awaitUi("the sample model", () -> workbench.shownModel() != null || workbench.fitStatus().equals("Failed"));
        assertThat(workbench.fitStatus()).as(workbench.modelPaneText()).isEqualTo("Completed");
        assertThat(workbench.shownModel().coefficients()).hasSize(43);
    }

    @Test
    void unsavedEditsSurviveGoingToTheProjectListAndBack() {
        String projectId = projectWithPortfolio(2_000);
        SpecEditorProbe spec = open(projectId).editor();
        spec.response("ClaimNb");
        spec.offset("Exposure");
        spec.addFactor("Area");
        spec.addFactor("DrivAge");
        spec.setType("DrivAge", "ns");
        ModelSpec edited = spec.editor().spec();

        UI.getCurrent().navigate(ProjectsView.class);
        SpecEditorProbe back = open(projectId).editor();
        assertThat(back.editor()).isNotSameAs(spec.editor());
        assertThat(back.editor().spec()).isEqualTo(edited);
        assertThat(back.factors()).containsExactly("Area:categorical", "DrivAge:ns");
        // stored with the project, not in the session: another browser (or a restart) finds it too
        awaitUi("the debounced save", () -> projects.workingSpec(projectId).isPresent());
        assertThat(ModelSpecJson.read(projects.workingSpec(projectId).orElseThrow())).isEqualTo(edited);
    }

    @Test
    void aSpecWithoutAResponseYetIsKeptToo() {
        String projectId = projectWithPortfolio(500);
        SpecEditorProbe spec = open(projectId).editor();
        spec.response(null); // the guessed response, taken back
        spec.addFactor("Region");
        UI.getCurrent().navigate(ProjectsView.class);
        SpecEditorProbe back = open(projectId).editor();
        assertThat(back.responseValue()).isNull();
        assertThat(back.factors()).containsExactly("Region:categorical");
    }

    @Test
    void aModelLoadedFromHistoryStillReplacesTheWorkingSpec() {
        String projectId = projectWithPortfolio(2_000);
        WorkbenchProbe workbench = open(projectId);
        SpecEditorProbe spec = workbench.editor();
        spec.response("ClaimNb");
        spec.offset("Exposure");
        spec.addFactor("Area");
        spec.fit();
        awaitUi("v1", () -> workbench.shownModel() != null || workbench.fitStatus().equals("Failed"));
        assertThat(workbench.shownModel().status()).isEqualTo(ModelStatus.COMPLETED);
        ModelSpec fitted = spec.editor().spec();

        spec.addFactor("VehGas");
        UI.getCurrent().navigate(ProjectsView.class);
        WorkbenchProbe back = open(projectId);
        assertThat(back.editor().factors()).as("the edit after the fit, not the fitted spec")
                .containsExactly("Area:categorical", "VehGas:categorical");
        assertThat(back.shownModel().version()).isEqualTo(1);

        back.selectHistoryTab();
        _clickItem(back.historyGrid(), 0);
        assertThat(back.editor().editor().spec()).isEqualTo(fitted);
        UI.getCurrent().navigate(ProjectsView.class);
        assertThat(open(projectId).editor().editor().spec()).isEqualTo(fitted);
    }

    @Test
    void storedJsonThisVersionCannotReadOpensAnEmptySpecAndSaysSo() {
        String projectId = projectWithPortfolio(500);
        projects.saveWorkingSpec(projectId, "{\"response\": \"ClaimNb\", \"terms\": {\"Area\": \"categorical\"}");
        SpecEditorProbe spec = open(projectId).editor();
        assertThat(spec.responseValue()).isNull();
        assertThat(spec.factors()).isEmpty();
        assertThat(NotificationsKt.getNotifications()).singleElement()
                .satisfies(n -> assertThat(n.getElement().getProperty("text"))
                        .startsWith("The spec saved for this project could not be read (Spec is not valid JSON"));
        NotificationsKt.clearNotifications();

        projects.saveWorkingSpec(projectId, "{\"response\": \"ClaimNb\", \"terms\": {\"Area\": \"categorical\"}}");
        UI.getCurrent().navigate(ProjectsView.class);
        spec = open(projectId).editor();
        assertThat(spec.factors()).isEmpty();
        assertThat(NotificationsKt.getNotifications()).singleElement()
                .satisfies(n -> assertThat(n.getElement().getProperty("text"))
                        .contains("Term 'Area' must be an object with a type"));

        // the next edit replaces what could not be read
        spec.response("ClaimNb");
        UI.getCurrent().navigate(ProjectsView.class);
        assertThat(open(projectId).editor().responseValue()).isEqualTo("ClaimNb");
    }
}
