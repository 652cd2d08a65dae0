package org.atelier.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.atelier.TempHomeTest;
import org.atelier.dataset.DatasetInfo;
import org.atelier.dataset.DatasetService;
import org.atelier.engine.spec.TermSpec;
import org.atelier.fit.FitService;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelService;
import org.atelier.project.ProjectService;
import org.atelier.ui.results.FittedModels;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The report's "Fitted ... by ...": who started the fit and when it finished, read with the model's row. */
class ReportServiceTest extends TempHomeTest {
    @Autowired
    ReportService reports;
    @Autowired
    FitService fits;
    @Autowired
    ModelService models;
    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;

    @Test
    void theReportNamesWhoFittedTheModelAndWhenTheFitFinished() {
        FittedModels fitted = new FittedModels(fits, models, projects, datasets);
        DatasetInfo data = fitted.portfolio("Report provenance");
        ModelDetail model = fitted.fit(data, FittedModels.frequency(List.of(TermSpec.categorical("Area"))));
        long started = millis("started_at", model.id());
        long finished = millis("finished_at", model.id());
        assertThat(finished).isGreaterThanOrEqualTo(started);

        ModelReport report = reports.report(data.projectId(), model.id());
        assertThat(report.fittedAt()).isEqualTo(Instant.ofEpochMilli(finished));
        assertThat(report.fittedBy()).isEqualTo(models.author(model.id())).isNotNull();
        assertThat(models.provenance(model.id())).isEqualTo(
                new ModelService.Provenance(models.author(model.id()), Instant.ofEpochMilli(finished)));

        // a model stored before authors and fit ends were recorded: "unknown", fitted when it started
        jdbc.sql("UPDATE models SET author = NULL, finished_at = NULL WHERE id = ?").param(model.id()).update();
        ModelReport older = reports.report(data.projectId(), model.id());
        assertThat(older.fittedBy()).isEqualTo("unknown");
        assertThat(older.fittedAt()).isEqualTo(Instant.ofEpochMilli(started));

        assertThatThrownBy(() -> models.provenance("no-such-model")).hasMessageContaining("no longer exists");
    }

    private long millis(String column, String modelId) {
        return jdbc.sql("SELECT " + column + " FROM models WHERE id = ?").param(modelId).query(Long.class).single();
    }
}
