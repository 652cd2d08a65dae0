package org.atelier.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.atelier.data.SamplePortfolio;
import org.atelier.dataset.DatasetInfo;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelFile;
import org.atelier.model.ModelStatus;
import org.atelier.scoring.ScoringService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Score data" and "Download model" in a completed model's results, and out-of-time diagnostics in the Diagnostics
 * and Lift tabs, on a real fit and a later year of the portfolio.
 */
class ScoreDataTest extends FittedModelsTest {
    @Autowired
    ScoringService scoring;

    @Test
    void scoreALaterYearDownloadTheCsvAndTheModelFile() throws Exception {
        ModelDetail model = fitted.fit(data, FittedModels.FREQUENCY);
        assertThat(model.status()).isEqualTo(ModelStatus.COMPLETED);
        DatasetInfo later = upload("later.csv", 12, 5_000);
        ResultsTabs tabs = new ResultsTabs(model);
        UI.getCurrent().add(tabs);

        assertThat(tabs.actions.downloadModel.getElement().getAttribute("download")).isNotNull();
        ModelFile file = ModelFile.read(scoring.modelFile(model.id()), "m.atelier"); // what the link serves
        assertThat(file.modelBytes()).isEqualTo(models.modelBytes(model.id()));

        tabs.actions.scoreData.click();
        ScoreDialog dialog = tabs.actions.dialog;
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.dataset.getValue().name()).as("another dataset than the fitted one is offered first")
                .isEqualTo("later.csv");
        assertThat(dialog.ids.getSelectedItems()).as("the policy ID is picked by default").containsExactly("IDpol");
        dialog.ids.select("Region");
        dialog.score.click();
        awaitUi("the predictions", () -> dialog.download != null);
        assertThat(dialog.status.getText()).startsWith("Scored 5,000 rows in ");
        assertThat(dialog.download.getText()).isEqualTo("Download v1-predictions-later.csv");
        assertThat(dialog.cancel.isVisible()).isFalse();
        Path predictions = Files.list(home.resolve("scores")).findFirst().orElseThrow();
        List<String> lines = Files.readAllLines(predictions);
        assertThat(lines).hasSize(5_001);
        assertThat(lines.getFirst()).isEqualTo("IDpol,Region,mu,rate");

        // a file the model cannot score: the unseen level is named
        Path odd = datasets.newUploadFile("odd.csv");
        SamplePortfolio.writeCsv(odd, 13, 1_000);
        Files.writeString(odd, Files.readString(odd).replace(",R24,", ",R77,"));
        DatasetInfo oddData = datasets.upload(data.projectId(), "odd.csv", odd);
        ScoreDialog again = new ScoreDialog(model, scoring);
        again.dataset.setValue(again.dataset.getListDataView().getItems()
                .filter(d -> d.id().equals(oddData.id())).findFirst().orElseThrow());
        again.start();
        awaitUi("the failure", () -> again.status.getText().startsWith("Scoring failed"));
        assertThat(again.status.getText()).isEqualTo("Scoring failed: Column 'Region' has level 'R77' that was not in"
                + " the training data (levels: R11, R21, R22, R23, R24, R25, R26, R31, R41, R42, ...)");
        assertThat(again.download).isNull();
    }

    @Test
    void outOfTimeDiagnosticsJoinTheDiagnosticsAndLiftTabsAndStayStored() throws Exception {
        ModelDetail model = fitted.fit(data, FittedModels.FREQUENCY);
        upload("later.csv", 12, 5_000);
        ResultsTabs tabs = new ResultsTabs(model);
        UI.getCurrent().add(tabs);
        DiagnosticsTab diagnostics = tabs.validation.diagnostics();
        assertThat(diagnostics.outOfTime.dataset.getValue().name()).isEqualTo("later.csv");
        diagnostics.outOfTime.compute.click();
        awaitUi("the out-of-time part", () -> diagnostics.outOfTimeCards.containsKey("Out of time: later.csv"));
        assertThat(diagnostics.outOfTime.status.getText()).isEqualTo("Out of time: later.csv: computed and stored with"
                + " the model.");
        var stored = scoring.outOfTime(model.id()).getFirst();
        assertThat(card(diagnostics.outOfTimeCards.get("Out of time: later.csv"), "Observations")).isEqualTo("5,000");
        assertThat(card(diagnostics.outOfTimeCards.get("Out of time: later.csv"), "Gini"))
                .isEqualTo(String.format("%.4f", stored.part().gini()));

        LiftTab lift = tabs.validation.lift();
        assertThat(lift.part.isVisible()).isTrue();
        assertThat(lift.part.getListDataView().getItems()).containsExactly("Training", "Out of time: later.csv");
        lift.part.setValue("Out of time: later.csv");
        assertThat(lift.shownPart()).isEqualTo(stored.part());
        assertThat(lift.table.getListDataView().getItems().mapToInt(b -> b.nObs()).sum()).isEqualTo(5_000);

        // reopened: read back from the store, nothing recomputed
        ResultsTabs reopened = new ResultsTabs(models.get(model.id()));
        UI.getCurrent().add(reopened);
        assertThat(reopened.validation.diagnostics().outOfTimeCards).containsOnlyKeys("Out of time: later.csv");
        assertThat(reopened.validation.lift().part.getListDataView().getItems()).contains("Out of time: later.csv");
    }

    private static String card(List<MetricCard> cards, String label) {
        return cards.stream().filter(c -> c.label().equals(label)).findFirst().orElseThrow().value();
    }

    private DatasetInfo upload(String name, long seed, int rows) throws Exception {
        Thread.sleep(5); // a later upload time than the fitted dataset's
        Path file = datasets.newUploadFile(name);
        SamplePortfolio.writeCsv(file, seed, rows);
        return datasets.upload(data.projectId(), name, file);
    }
}
