package org.atelier.ui.report;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.router.QueryParameters;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.atelier.dataset.DatasetInfo;
import org.atelier.dataset.DatasetService;
import org.atelier.engine.spec.Validation;
import org.atelier.fit.FitService;
import org.atelier.model.CoefficientRow;
import org.atelier.model.FactorRelativities;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelService;
import org.atelier.model.ModelStatus;
import org.atelier.project.ProjectService;
import org.atelier.ui.KaribuTest;
import org.atelier.ui.results.FittedModels;
import org.atelier.ui.results.ReportParts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The report page's contents, built from a really fitted model, and its section and paper choices. */
class ReportViewTest extends KaribuTest {
    @Autowired
    FitService fits;
    @Autowired
    ModelService models;
    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;
    FittedModels fitted;
    DatasetInfo data;

    @BeforeEach
    void portfolio() {
        fitted = new FittedModels(fits, models, projects, datasets);
        data = fitted.portfolio("Report test");
    }

    private ReportView open(ModelDetail model, String query) {
        assertThat(model.status()).as(model.errorMessage()).isEqualTo(ModelStatus.COMPLETED);
        UI.getCurrent().navigate(ReportView.path(model.projectId(), model.id()),
                QueryParameters.fromString(query.replaceFirst("^\\?", "")));
        return _get(ReportView.class);
    }

    @Test
    void theReportHoldsTheTitleSpecCardsCoefficientsFactorsDiagnosticsWarningsAndCode() {
        ModelDetail model = fitted.fit(data, FittedModels.FREQUENCY.withValidation(Validation.random(0.2, 3)));
        ReportView view = open(model, "");
        ReportSheet sheet = view.sheet;

        assertThat(UI.getCurrent().getPage().getColorScheme()).as("paper is light").isEqualTo(ColorScheme.Value.LIGHT);
        assertThat(view.getPageTitle()).isEqualTo("Report v1 · Report test · Atelier");
        PaperTable facts = (PaperTable) sheet.title.getChildren().filter(PaperTable.class::isInstance)
                .findFirst().orElseThrow();
        assertThat(facts.rows()).contains(List.of("Model", "v1"), List.of("Dataset", "portfolio.csv, 20,000 rows"),
                List.of("Atelier", "0.1.0-SNAPSHOT"));
        assertThat(facts.rows().get(2).get(1)).contains(" by " + System.getProperty("user.name"))
                .contains(ReportParts.count(model.metrics().nObs()) + " rows");

        assertThat(sheet.specification.rows()).contains(List.of("Response", "ClaimNb"), List.of("Family", "Poisson"),
                List.of("Offset", "log(Exposure): Exposure is the exposure"),
                List.of("Term", "DrivAge: B-spline, 4 df, degree 3"), List.of("Regularization", "none"),
                List.of("Hold-out", "20% of the rows at random, kept out of the fit (seed 3)"));

        List<List<String>> coefficients = sheet.coefficients.rows();
        for (CoefficientRow c : model.coefficients()) {
            assertThat(coefficients).anySatisfy(row -> assertThat(row).startsWith(c.feature(),
                    ReportParts.estimate(c.estimate()), ReportParts.estimate(c.stdError())));
        }
        assertThat(coefficients).contains(List.of("Region"), List.of("DrivAge"));
        assertThat(sheet.coefficients.headings()).contains("z value", "P>|z|");

        assertThat(sheet.factors).extracting(f -> f.factor)
                .containsExactlyElementsOf(model.relativities().stream().map(FactorRelativities::factor).toList());
        FactorSection area = sheet.factors.getFirst();
        assertThat(area.table.headings()).containsExactly("Level", "Relativity", "95% CI", "Exposure", "Observed rate",
                "Fitted rate", "A/E", "Hold-out A/E");
        assertThat(area.table.rows()).hasSize(6);
        assertThat(area.table.rows().getFirst()).startsWith("A (base)", "1.000", "—");
        assertThat(area.getChildren().findFirst().orElseThrow().getElement().getChildCount())
                .as("heading and chart").isEqualTo(2);
        FactorSection bonusMalus = sheet.factors.get(1);
        assertThat(bonusMalus.table.rows().getLast().getFirst()).isEqualTo("per unit of BonusMalus");
        assertThat(bonusMalus.bands.headings().getFirst()).isEqualTo("Band");

        assertThat(sheet.diagnostics.parts.headings()).containsExactly("Figure", "Training", "Hold-out");
        assertThat(sheet.diagnostics.parts.rows()).anySatisfy(r -> assertThat(r.getFirst()).isEqualTo("Gini"));
        assertThat(sheet.diagnostics.trainLift.rowCount()).isEqualTo(10);
        assertThat(sheet.diagnostics.testLift.rowCount()).isEqualTo(10);
        assertThat(ReportSheet.text(sheet.java)).isEqualTo(model.javaCode());
        assertThat(ReportSheet.text(sheet.python)).isEqualTo(model.pythonCode());
        assertThat(sheet.sections).containsOnlyKeys(ReportSection.values());
        assertThat(sheet.sections.values()).allMatch(s -> s.isVisible());
        assertThat(view.print.getText()).isEqualTo("Print / Save as PDF");
    }

    @Test
    void sectionsSwitchedOffAndTheOrientationReachTheSheetAndThePageRules() {
        ModelDetail model = fitted.fit(data, FittedModels.FREQUENCY);
        ReportView view = open(model, "");
        assertThat(pageRules(view)).contains("size: A4 portrait").contains("@top-left { content: \"Report test · v1\"")
                .contains("counter(page)").contains("counter(pages)");

        Set<ReportSection> shown = EnumSet.allOf(ReportSection.class);
        shown.removeAll(Set.of(ReportSection.CODE, ReportSection.FACTORS));
        view.sections.setValue(shown);
        assertThat(view.sheet.sections.get(ReportSection.CODE).isVisible()).isFalse();
        assertThat(view.sheet.sections.get(ReportSection.FACTORS).isVisible()).isFalse();
        assertThat(view.sheet.sections.get(ReportSection.COEFFICIENTS).isVisible()).isTrue();
        view.orientation.setValue(Orientation.LANDSCAPE);
        assertThat(pageRules(view)).contains("size: A4 landscape");
        assertThat(view.sheet.getClassNames()).contains("landscape");

        ReportView linked = open(model, "?orientation=landscape&omit=code,warnings");
        assertThat(linked.orientation.getValue()).isEqualTo(Orientation.LANDSCAPE);
        assertThat(linked.sections.getValue()).doesNotContain(ReportSection.CODE, ReportSection.WARNINGS)
                .contains(ReportSection.SUMMARY);
        assertThat(linked.sheet.sections.get(ReportSection.WARNINGS).isVisible()).isFalse();
    }

    @Test
    void aModelWithoutRelativitiesShowsEachFactorsCoefficients() {
        ModelDetail model = fitted.fit(data, FittedModels.GAUSSIAN);
        ReportView view = open(model, "");
        assertThat(view.sheet.factors).extracting(f -> f.factor).containsExactly("Area", "DrivAge", "VehGas");
        FactorSection area = view.sheet.factors.getFirst();
        assertThat(area.table.headings()).containsExactly("Feature", "Estimate", "95% CI");
        assertThat(area.table.rows()).hasSize(5);
        assertThat(view.sheet.coefficients.headings()).contains("t value");
    }

    @Test
    void aModelWithoutResultsOrOfAnotherProjectHasNoReportButAMessage() {
        ModelDetail model = fitted.fit(data, FittedModels.FREQUENCY);
        ModelDetail pending = models.create(data.projectId(), data.id(), FittedModels.FREQUENCY);
        models.cancel(pending.id());
        ReportView view = open(model, "");
        assertThat(view.problem).isNull();

        UI.getCurrent().navigate(ReportView.path(data.projectId(), pending.id()));
        view = _get(ReportView.class);
        assertThat(view.problem.getElement().getTextRecursively()).contains("No report: Model v2 has no results");
        String other = projects.create("Other", "").id();
        UI.getCurrent().navigate(ReportView.path(other, model.id()));
        assertThat(_get(ReportView.class).problem.getElement().getTextRecursively())
                .contains("belongs to another project than Other");
        UI.getCurrent().navigate(ReportView.path(data.projectId(), "missing"));
        assertThat(_get(ReportView.class).problem.getElement().getTextRecursively())
                .contains("Model missing no longer exists");
    }

    private static String pageRules(ReportView view) {
        return view.getElement().getChildren().filter(e -> e.getTag().equals("style")).findFirst().orElseThrow()
                .getText();
    }
}
