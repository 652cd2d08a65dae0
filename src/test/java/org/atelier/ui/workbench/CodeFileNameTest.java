package org.atelier.ui.workbench;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.nio.file.Path;
import java.util.List;
import org.atelier.data.SamplePortfolio;
import org.atelier.dataset.DatasetInfo;
import org.atelier.dataset.DatasetService;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.TermSpec;
import org.atelier.fit.FitService;
import org.atelier.model.ModelService;
import org.atelier.project.ProjectService;
import org.atelier.ui.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The code panel reads the dataset by the file name the user uploaded, never the server's absolute path (which it
 * showed to every visitor), live and in the code stored with a fitted model; the header shows the project's disk use.
 */
class CodeFileNameTest extends KaribuTest {
    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;
    @Autowired
    FitService fits;
    @Autowired
    ModelService models;

    @Test
    void theCodeReadsTheUploadedFileByItsOwnName() {
        String projectId = projects.create("Code", "").id();
        Path file = datasets.newUploadFile("motor policies.csv");
        SamplePortfolio.writeCsv(file, 5, 2_000);
        DatasetInfo data = datasets.upload(projectId, "motor policies.csv", file);
        UI.getCurrent().navigate(WorkbenchView.class, projectId);
        WorkbenchView view = _get(WorkbenchView.class);
        WorkbenchProbe workbench = new WorkbenchProbe(view);
        workbench.editor().response("ClaimNb");

        assertThat(workbench.javaCode()).contains("Path.of(args.length > 0 ? args[0] : \"motor policies.csv\")")
                .doesNotContain(home.toString());
        assertThat(view.header.diskUse.getText()).matches(".*· [\\d,]+ (MB|bytes) on disk");

        ModelSpec spec = ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("Area")))
                .withOffset("Exposure");
        String id = fits.start(projectId, data.id(), spec).id();
        awaitUi("the fit", () -> !fits.isActive(id));
        assertThat(models.get(id).javaCode()).contains("\"motor policies.csv\"").doesNotContain(home.toString());
    }
}
