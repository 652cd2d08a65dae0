package org.atelier.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.atelier.config.Json;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A database of the version before the results moved to their own tables (V7), with a completed and a failed
 * model in it, opened by this version: migration V8 runs at start-up and every stored value reads back unchanged
 * through the service, and the models table keeps only what a History line shows.
 */
@SpringBootTest(properties = {"atelier.open-browser=false", "atelier.warm-up=false"})
class ResultsSplitUpgradeTest {
    private static final byte[] MODEL_BYTES = {0x41, 0x54, 0x47, 0x4c, 0, 0, 0, 2, (byte) 0xff, 7, 0, 1};
    private static final List<CoefficientRow> COEFFICIENTS = List.of(
            new CoefficientRow("(Intercept)", "(Intercept)", -2.1, 0.05, -42.0, 0.0, -2.2, -2.0, "***"));
    private static final List<IterationPoint> TRACE = List.of(new IterationPoint(1, 812.5, 0),
            new IterationPoint(2, 800.25, 1));
    private static final String DIAGNOSTICS = """
            {"train":{"totals":{"nObs":10,"exposure":9.5,"actual":3.0,"expected":2.5,"ae":1.2,"deviance":4.5},\
            "gini":0.25,"lorenz":[],"lifts":[],"factors":[],"residuals":null},"test":null,"dropOne":null}""";

    @DynamicPropertySource
    static void aVersion7Database(DynamicPropertyRegistry registry) throws IOException {
        Path home = Files.createTempDirectory("atelier-v7-");
        String url = "jdbc:sqlite:" + home.resolve("atelier.db");
        Flyway.configure().dataSource(url, null, null).target("7").load().migrate();
        JdbcClient v7 = JdbcClient.create(sqlite(url));
        v7.sql("""
                INSERT INTO projects (id, name, created_at, updated_at)
                VALUES ('p', 'Old', 1764000000000, 1764000000000)""").update();
        v7.sql("""
                INSERT INTO datasets (id, project_id, name, file_path, file_format, uploaded_at)
                VALUES ('d', 'p', 'portfolio.csv', 'missing.csv', 'csv', 1764000000000)""").update();
        v7.sql("""
                INSERT INTO models (id, project_id, dataset_id, version, name, created_at, spec, status,
                    fit_duration_ms, summary_text, coef_table_json, relativities_json, diagnostics_json, deviance,
                    null_deviance, aic, bic, converged, iterations, n_obs, df_model, df_resid, model_bytes,
                    generated_code, generated_python, trace_json, stage_timings, started_at, finished_at, dispersion,
                    theta, warnings, author)
                VALUES ('done', 'p', 'd', 1, 'first', 1764000001000, :spec, 'completed', 420, 'Poisson GLM summary',
                    :coefficients, '[]', :diagnostics, 800.25, 900.5, 1700.5, 1720.75, 1, 2, 10, 1.0, 9.0, :bytes,
                    'class Model {}', 'def predict(): pass', :trace, '{"engine":400,"save":20}', 1764000001100,
                    1764000001520, 1.0, NULL, '["DrivAge: 3 df instead of 4"]', 'actuary')""")
                .param("spec", ModelSpecJson.write(org.atelier.engine.spec.ModelSpec.of("ClaimNb", "poisson",
                        List.of(org.atelier.engine.spec.TermSpec.categorical("Area")))))
                .param("coefficients", Json.MAPPER.writeValueAsString(COEFFICIENTS))
                .param("diagnostics", DIAGNOSTICS).param("bytes", MODEL_BYTES)
                .param("trace", Json.MAPPER.writeValueAsString(TRACE)).update();
        v7.sql("""
                INSERT INTO models (id, project_id, dataset_id, version, created_at, spec, status, error_type,
                    error_message, error_suggestion, started_at, finished_at)
                SELECT 'failed', 'p', 'd', 2, 1764000002000, spec, 'failed', 'Singular', 'Area is aliased', 'Drop Area',
                    1764000002100, 1764000002200 FROM models WHERE id = 'done'""").update();
        registry.add("atelier.home", home::toString);
    }

    private static org.sqlite.SQLiteDataSource sqlite(String url) {
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.enforceForeignKeys(true);
        org.sqlite.SQLiteDataSource dataSource = new org.sqlite.SQLiteDataSource(config);
        dataSource.setUrl(url);
        return dataSource;
    }

    @Autowired
    ModelService models;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCompletedModelsResultsReadBackUnchangedAfterTheUpgrade() {
        ModelDetail done = models.get("done");
        assertThat(done.status()).isEqualTo(ModelStatus.COMPLETED);
        assertThat(done.label()).isEqualTo("v1 · first");
        assertThat(done.spec().family()).isEqualTo("poisson");
        assertThat(done.metrics()).isEqualTo(new ModelMetrics(800.25, 900.5, 1700.5, 1720.75, 2, true, 10, 1.0, 9.0,
                1.0, null, 420));
        assertThat(done.summaryText()).isEqualTo("Poisson GLM summary");
        assertThat(done.coefficients()).isEqualTo(COEFFICIENTS);
        assertThat(done.relativities()).isEmpty();
        assertThat(done.trace()).isEqualTo(TRACE);
        assertThat(done.javaCode()).isEqualTo("class Model {}");
        assertThat(done.pythonCode()).isEqualTo("def predict(): pass");
        assertThat(done.stageTimings()).isEqualTo(Map.of("engine", 400L, "save", 20L));
        assertThat(done.warnings()).containsExactly("DrivAge: 3 df instead of 4");
        assertThat(models.modelBytes("done")).isEqualTo(MODEL_BYTES);
        assertThat(jdbc.sql("SELECT diagnostics_json FROM model_diagnostics WHERE model_id = 'done'")
                .query(String.class).single()).isEqualTo(DIAGNOSTICS);
        assertThat(models.author("done")).isEqualTo("actuary");
        assertThat(done.createdAt()).isEqualTo(java.time.Instant.ofEpochMilli(1764000001000L));
    }

    @Test
    void aFailedModelKeepsItsErrorAndHasNoResults() {
        ModelDetail failed = models.get("failed");
        assertThat(failed.status()).isEqualTo(ModelStatus.FAILED);
        assertThat(List.of(failed.errorType(), failed.errorMessage(), failed.errorSuggestion()))
                .containsExactly("Singular", "Area is aliased", "Drop Area");
        assertThat(failed.metrics()).isNull();
        assertThat(failed.coefficients()).isEmpty();
        assertThat(failed.warnings()).isEmpty();
        assertThat(models.modelBytes("failed")).isNull();
        assertThat(models.diagnostics("failed")).isEmpty();
    }

    @Test
    void historyReadsTheUpgradedRowsAndTheModelsTableKeepsNoResults() {
        assertThat(models.history("p")).extracting(ModelHistoryRow::label, ModelHistoryRow::deviance,
                        ModelHistoryRow::author)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("v2", null, null),
                        org.assertj.core.groups.Tuple.tuple("v1 · first", 800.25, "actuary"));
        List<String> columns = jdbc.sql("SELECT name FROM pragma_table_info('models')").query(String.class).list();
        assertThat(columns).contains("spec", "status", "deviance", "author")
                .doesNotContain("model_bytes", "diagnostics_json", "summary_text", "generated_code", "warnings");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM model_results").query(Integer.class).single())
                .as("only the completed model had results").isEqualTo(1);
    }
}
