package org.atelier.ui.results;

import static com.github.mvysny.kaributesting.v10.DownloadKt._download;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.atelier.engine.spec.TermSpec;
import org.atelier.model.FactorRelativities;
import org.atelier.model.LevelRelativity;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelStatus;
import org.atelier.tables.ExportedTables;
import org.atelier.tables.TableFormat;
import org.junit.jupiter.api.Test;

/** The results' "Export rating tables" downloads, fetched as the browser would and parsed back. */
class RatingTableExportsTest extends FittedModelsTest {

    private RatingTableExports exportsOf(ModelDetail model) {
        assertThat(model.status()).as(model.errorMessage()).isEqualTo(ModelStatus.COMPLETED);
        ResultsTabs tabs = new ResultsTabs(model);
        UI.getCurrent().add(tabs);
        assertThat(tabs.exports).isNotNull();
        return tabs.exports;
    }

    @Test
    void theWorkbookDownloadHasTheRelativitiesTheResultsShow() {
        ModelDetail model = fitted.fit(data, FittedModels.frequency(List.of(TermSpec.categorical("Area"),
                TermSpec.linear("BonusMalus"))));
        RatingTableExports exports = exportsOf(model);
        assertThat(exports.links.keySet()).containsExactly(TableFormat.values());
        assertThat(exports.links.get(TableFormat.XLSX).getText()).isEqualTo("XLSX");

        Map<String, List<List<String>>> sheets = ExportedTables.xlsx(_download(exports.links.get(TableFormat.XLSX)));

        assertThat(sheets.keySet()).containsExactly("Overview", "Area", "BonusMalus");
        assertThat(sheets.get("Overview")).anySatisfy(r -> assertThat(r).containsExactly("Project", getClass().getSimpleName()));
        assertThat(sheets.get("Overview")).anySatisfy(r -> assertThat(r).containsExactly("Model", model.label()));
        FactorRelativities area = model.relativities().getFirst();
        List<List<String>> sheet = sheets.get("Area");
        for (int i = 0; i < area.levels().size(); i++) {
            LevelRelativity level = area.levels().get(i);
            assertThat(sheet.get(4 + i).get(0)).isEqualTo(level.level());
            assertThat(Double.parseDouble(sheet.get(4 + i).get(1))).isEqualTo(level.relativity());
            assertThat(Double.parseDouble(sheet.get(4 + i).get(4))).isEqualTo(level.exposure());
        }
    }

    @Test
    void theRatingEngineCsvAndTheZipDownload() {
        ModelDetail model = fitted.fit(data, FittedModels.frequency(List.of(TermSpec.categorical("Area"))));
        RatingTableExports exports = exportsOf(model);

        List<List<String>> rows = ExportedTables.csv(new String(_download(exports.links.get(TableFormat.RATING_ENGINE_CSV)),
                StandardCharsets.UTF_8));
        assertThat(rows.getFirst()).containsExactly("factor", "level", "relativity", "ci_lower", "ci_upper", "exposure");
        double intercept = model.coefficients().getFirst().estimate();
        assertThat(rows.get(1).subList(0, 2)).containsExactly("Base rate", "");
        assertThat(Double.parseDouble(rows.get(1).get(2))).isEqualTo(Math.exp(intercept));
        assertThat(rows).hasSize(2 + model.relativities().getFirst().levels().size());

        Map<String, String> zip = ExportedTables.zip(_download(exports.links.get(TableFormat.CSV)));
        assertThat(zip.keySet()).containsExactly("overview.csv", "Area.csv");
    }

    @Test
    void aModelWhoseDatasetIsGoneSaysWhyInsteadOfDownloading() {
        ModelDetail model = fitted.fit(data, FittedModels.frequency(List.of(TermSpec.categorical("Area"))));
        RatingTableExports exports = new RatingTableExports(format -> {
            throw new IllegalArgumentException("Dataset " + model.datasetId() + " no longer exists");
        });
        UI.getCurrent().add(exports);
        try {
            _download(exports.links.get(TableFormat.XLSX));
        } catch (RuntimeException expected) {
            // the download answers with an error status
        }
        com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip(false);
        assertThat(com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications())
                .anySatisfy(n -> assertThat(n.getElement().getProperty("text"))
                        .contains("Could not export the rating tables").contains("no longer exists"));
    }
}
