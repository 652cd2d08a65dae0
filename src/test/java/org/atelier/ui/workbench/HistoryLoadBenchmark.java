package org.atelier.ui.workbench;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.atelier.dataset.DatasetInfo;
import org.atelier.dataset.DatasetService;
import org.atelier.fit.FitService;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelService;
import org.atelier.model.ModelSpecJson;
import org.atelier.project.ProjectService;
import org.atelier.ui.KaribuTest;
import org.atelier.ui.projects.ProjectsView;
import org.atelier.ui.results.FittedModels;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What opening a project with {@code -Datelier.benchmark.models} models (default 200) costs: one frequency model is
 * fitted on the generated portfolio (so its row has a real blob, summary, code and diagnostics) and its row copied
 * to make the rest; then it times History's service call, reading one model's detail as reopening it from History
 * does (each a model not read before), the project list, the History grid filled in Karibu (and, of
 * history()'s time, what parsing the specs alone takes), and the workbench view opened in Karibu with its History
 * grid filled and the latest model shown. Prints the medians. A benchmark, not a test: it runs only with
 * {@code -Datelier.benchmark=true}.
 */
class HistoryLoadBenchmark extends KaribuTest {
    private static final int REPEAT = 15;

    @Autowired
    FitService fits;
    @Autowired
    ModelService models;
    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;

    @Test
    void openingAProjectWithManyModels() {
        assumeTrue(Boolean.getBoolean("atelier.benchmark"), "a benchmark: run with -Datelier.benchmark=true");
        int count = Integer.getInteger("atelier.benchmark.models", 200);
        FittedModels fitted = new FittedModels(fits, models, projects, datasets);
        DatasetInfo data = fitted.portfolio("History load");
        ModelDetail fittedModel = fitted.fit(data, FittedModels.FREQUENCY);
        models.diagnostics(fittedModel.id()); // waits until they are stored, so the copies have them too
        List<String> copies = copy(fittedModel.id(), count - 1);
        printRowSizes(fittedModel.id());

        double history = median(() -> models.history(data.projectId()).size());
        List<String> unread = new ArrayList<>(copies.subList(0, Math.min(REPEAT, copies.size())));
        double detail = median(() -> models.get(unread.removeFirst()).coefficients().size());
        double grid = median(() -> GridKt._size(new HistoryGrid(data.projectId(), models, id -> true, id -> { }, (a, b) -> { })
                .grid));
        List<String> specs = jdbc.sql("SELECT spec FROM models WHERE project_id = ?").param(data.projectId())
                .query(String.class).list();
        double parse = median(() -> {
            specs.forEach(ModelSpecJson::read);
            return specs.size();
        });
        double list = median(() -> projects.list().size());
        double view = median(() -> {
            UI.getCurrent().navigate(ProjectsView.class);
            UI.getCurrent().navigate(WorkbenchView.class, data.projectId());
            return GridKt._size(_get(WorkbenchView.class).history.grid);
        });
        System.out.printf("History load with %d models, median of %d: history() %.1f ms (parsing the %d specs"
                        + " alone %.1f ms), History grid filled %.1f ms, a model's detail (first read) %.1f ms, project"
                        + " list %.1f ms, workbench view with History and the latest model %.1f ms%n",
                count, REPEAT, history, specs.size(), parse, grid, detail, list, view);
    }

    /**
     * Copies the model's rows under new ids and the next versions: every column as the fit stored it, in the models
     * table and in each table keyed by a model (its results, where they are stored apart).
     */
    private List<String> copy(String modelId, int copies) {
        List<String> inserts = new ArrayList<>();
        inserts.add(copyStatement("models", "id"));
        for (String table : jdbc.sql("""
                SELECT t.name FROM sqlite_master t WHERE t.type = 'table' AND t.name <> 'models'
                  AND EXISTS (SELECT 1 FROM pragma_table_info(t.name) c WHERE c.name = 'model_id')""")
                .query(String.class).list()) {
            inserts.add(copyStatement(table, "model_id"));
        }
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= copies; i++) {
            String id = UUID.randomUUID().toString();
            for (String insert : inserts) {
                jdbc.sql(insert).param("id", id).param("offset", i).param("model", modelId).update();
            }
            ids.add(id);
        }
        return ids;
    }

    private String copyStatement(String table, String key) {
        List<String> columns = jdbc.sql("SELECT name FROM pragma_table_info(?)").param(table).query(String.class)
                .list();
        String values = String.join(", ", columns.stream()
                .map(c -> c.equals(key) ? ":id" : c.equals("version") ? "version + :offset" : c).toList());
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + values + " FROM " + table
                + " WHERE " + key + " = :model";
    }

    private void printRowSizes(String modelId) {
        Map<String, Object> sizes = new java.util.LinkedHashMap<>();
        for (String column : List.of("model_bytes", "diagnostics_json", "summary_text", "generated_code",
                "generated_python", "coef_table_json", "relativities_json", "trace_json")) {
            String table = jdbc.sql("""
                    SELECT t.name FROM sqlite_master t WHERE t.type = 'table'
                      AND EXISTS (SELECT 1 FROM pragma_table_info(t.name) c WHERE c.name = ?)""")
                    .param(column).query(String.class).list().stream().filter(n -> !n.startsWith("out_of_time"))
                    .findFirst().orElseThrow();
            String key = table.equals("models") ? "id" : "model_id";
            sizes.put(column, jdbc.sql("SELECT length(" + column + ") FROM " + table + " WHERE " + key + " = ?")
                    .param(modelId).query(Long.class).single());
        }
        System.out.println("Each model row's results, in bytes: " + sizes);
    }

    private static double median(Supplier<Integer> work) {
        work.get(); // the first call warms the code path up
        double[] millis = new double[REPEAT - 1];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            work.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[millis.length / 2];
    }
}
