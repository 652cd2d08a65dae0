package org.atelier.ui.explore;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.UploadKt._upload;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H4;
import java.nio.charset.StandardCharsets;
import org.atelier.dataset.DatasetExploration;
import org.atelier.dataset.DatasetService;
import org.atelier.dataset.ExplorationService;
import org.atelier.project.ProjectService;
import org.atelier.ui.KaribuTest;
import org.atelier.ui.workbench.WorkbenchProbe;
import org.atelier.ui.workbench.WorkbenchView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ExploreTabTest extends KaribuTest {
    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;
    @Autowired
    ExplorationService explorations;

    /** 40 policies: Area B has the most exposure, C three times the claim rate; IDpol an identifier. */
    static String portfolio() {
        StringBuilder s = new StringBuilder("IDpol,ClaimNb,Exposure,Area,DrivAge\n");
        String[] areas = {"A", "B", "B", "C"};
        for (int i = 0; i < 40; i++) {
            String area = areas[i % 4];
            int claims = area.equals("C") ? (i % 8 == 3 ? 2 : 1) : (i % 5 == 0 ? 1 : 0);
            s.append(100 + i).append(',').append(claims).append(',').append(0.5 + (i % 3) * 0.25).append(',')
                    .append(area).append(',').append(18 + i % 30).append('\n');
        }
        return s.toString();
    }

    /** The results panel's "Explore" tab (the spec panel has a TabSheet of its own). */
    static void selectExploreTab() {
        for (var sheet : com.github.mvysny.kaributesting.v10.LocatorJ._find(
                com.vaadin.flow.component.tabs.TabSheet.class)) {
            for (int i = 0; i < sheet.getTabCount(); i++) {
                if ("Explore".equals(sheet.getTabAt(i).getLabel())) {
                    sheet.setSelectedIndex(i);
                    return;
                }
            }
        }
        throw new AssertionError("No Explore tab");
    }

    private record Uploaded(String projectId, WorkbenchProbe probe) {
    }

    /** A new project's workbench with {@code csv} uploaded as policies.csv. */
    private Uploaded uploadPolicies(String project, String csv) {
        String projectId = projects.create(project, "").id();
        UI.getCurrent().navigate(WorkbenchView.class, projectId);
        WorkbenchProbe probe = new WorkbenchProbe(_get(WorkbenchView.class));
        _upload(probe.upload(), "policies.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        awaitUi("the uploaded dataset", () -> probe.datasetIndicator().startsWith("policies.csv"));
        return new Uploaded(projectId, probe);
    }

    /** The Explore tab, opened, once its first exploration is shown. */
    private static ExploreTab exploreTab() {
        selectExploreTab();
        ExploreTab tab = _get(ExploreTab.class);
        awaitUi("the exploration", () -> _size(tab.factors) > 0);
        return tab;
    }

    @Test
    void uploadSeeTheReportOpenAOneWayAndAddTheFactor() {
        Uploaded uploaded = uploadPolicies("Explore", portfolio());
        WorkbenchProbe probe = uploaded.probe();
        ExploreTab tab = exploreTab();

        // the response and exposure were guessed from the names
        assertThat(tab.response.getValue()).isEqualTo("ClaimNb");
        assertThat(tab.status.getText()).contains("Exposure: Exposure").contains("poisson");
        assertThat(_get(tab, com.vaadin.flow.component.html.Div.class, spec -> spec.withId("explore-summary"))
                .getElement().getTextRecursively()).startsWith("40 rows");
        QualityReportView report = _get(QualityReportView.class);
        String reportText = report.getElement().getTextRecursively();
        assertThat(reportText).contains("IDpol has a different value on every row")
                .contains("Base level for Area: B");

        // ranked by strength: Area's rates differ most; the identifier has none
        assertThat(_getFormatted(tab.factors, 0, "Factor")).isEqualTo("Area");
        assertThat(_getFormatted(tab.factors, _size(tab.factors) - 1, "Factor")).isEqualTo("IDpol");
        assertThat(_getFormatted(tab.factors, _size(tab.factors) - 1, "df")).isEmpty();
        tab.factors.select(tab.factors.getListDataView().getItems().filter(r -> r.column().equals("Area"))
                .findFirst().orElseThrow());
        OneWayPanel panel = tab.openPanel;
        assertThat(panel.chart.chart().getConfiguration().getSeries()).hasSize(3);
        assertThat(_size(panel.table)).isEqualTo(3);
        assertThat(_getFormatted(panel.table, 1, "Rows")).isEqualTo("20");
        assertThat(panel.add.getText()).isEqualTo("Add to model (categorical, base B)");

        _click(panel.add);
        assertThat(probe.editor().factors()).containsExactly("Area:categorical");
        assertThat(probe.editor().editor().spec().terms().getFirst().levels()).startsWith("B");
        assertThat(panel.add.isEnabled()).isFalse();

        // cached with the dataset: reopening finds it without computing
        String datasetId = datasets.latest(uploaded.projectId()).orElseThrow().id();
        DatasetExploration cached = explorations.cached(datasetId,
                new DatasetExploration.Choice("ClaimNb", "Exposure", null, "poisson", null)).orElseThrow();
        assertThat(cached.factor("Area").levels()).hasSize(3);
        assertThat(cached.warnings()).anyMatch(e -> e.code().equals("id_column") && e.column().equals("IDpol"));
    }

    /** The portfolio with a positive amount column, Cost, that a severity model could take as its response. */
    static String withCost() {
        StringBuilder s = new StringBuilder();
        String[] lines = portfolio().split("\n");
        s.append(lines[0]).append(",Cost\n");
        for (int i = 1; i < lines.length; i++) s.append(lines[i]).append(',').append(100 + 7.5 * i).append('\n');
        return s.toString();
    }

    @Test
    void theGuessIsTheSpecsResponseThePickHereGoesIntoTheSpecAndTheSpecsChoiceIsExplored() {
        WorkbenchProbe probe = uploadPolicies("Explore response", withCost()).probe();
        ExploreTab tab = exploreTab();

        // a new dataset: the spec had no response, so it takes the guess (and its exposure as offset)
        var spec = probe.editor();
        assertThat(spec.responseValue()).isEqualTo("ClaimNb");
        assertThat(spec.editor().spec().offset()).isEqualTo("Exposure");
        assertThat(spec.editor().spec().family()).isEqualTo("poisson");

        // picked here: the spec's Response and family follow, and the exploration is the spec's choice
        com.github.mvysny.kaributesting.v10.LocatorJ._setValue(tab.response, "Cost");
        assertThat(spec.responseValue()).isEqualTo("Cost");
        assertThat(spec.editor().spec().family()).isEqualTo("gamma");
        awaitUi("the exploration of Cost", () -> tab.status.getText().contains("strengths by gamma"));
        assertThat(tab.status.getText()).contains("Exposure: Exposure");
        assertThat(tab.factors.getListDataView().getItems().map(ExploreTab.FactorRow::column)).contains("ClaimNb")
                .doesNotContain("Cost");

        // the spec's exposure and response changed in the spec panel: explored again for them
        spec.offset("None");
        awaitUi("the exploration without exposure", () -> tab.status.getText().startsWith("Exposure: none"));
        spec.family("poisson");
        spec.response("ClaimNb");
        assertThat(tab.response.getValue()).isEqualTo("ClaimNb");
        awaitUi("the exploration of ClaimNb", () -> tab.status.getText().contains("strengths by poisson")
                && tab.factors.getListDataView().getItems().anyMatch(r -> r.column().equals("Cost")));

        // a second dataset does not overwrite the response the spec has
        _upload(probe.upload(), "other.csv", "text/csv",
                withCost().replace("ClaimNb", "Claims").getBytes(StandardCharsets.UTF_8));
        awaitUi("the second dataset", () -> probe.datasetIndicator().startsWith("other.csv"));
        assertThat(spec.responseValue()).isEqualTo("ClaimNb");
    }

    /** With an error in the report no factor is ranked: the list says so and shows no empty strength columns. */
    @Test
    void aResponseTheFamilyCannotFitListsTheFactorsUnranked() {
        WorkbenchProbe probe = uploadPolicies("Explore unranked", portfolio()).probe();
        ExploreTab tab = exploreTab();
        assertThat(tab.factors.getColumnByKey("Deviance").isVisible()).as("ranked by poisson").isTrue();

        probe.editor().family("gamma"); // ClaimNb is 0 on most rows: no Gamma fit can be made of it
        awaitUi("the exploration by gamma", () -> tab.status.getText().contains("strengths by gamma"));
        assertThat(tab.shown.errors()).anySatisfy(e -> assertThat(e.message()).contains("outside the Gamma family"));
        assertThat(_find(tab, H4.class)).anySatisfy(h ->
                assertThat(h.getText()).isEqualTo("Factors (not ranked: the data-quality report has errors)"));
        assertThat(tab.factors.getColumnByKey("Deviance").isVisible()).isFalse();
        assertThat(_size(tab.factors)).as("the one-ways can still be browsed").isPositive();
    }
}
