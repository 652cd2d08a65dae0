package org.atelier.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import com.vaadin.flow.component.UI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import kotlin.jvm.functions.Function0;
import org.atelier.TempHomeTest;
import org.atelier.data.SamplePortfolio;
import org.atelier.dataset.DatasetService;
import org.atelier.project.ProjectService;
import org.atelier.ui.workbench.WorkbenchProbe;
import org.atelier.ui.workbench.WorkbenchView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Base for browserless UI tests: a mocked Vaadin session on the real Spring context and services. */
public abstract class KaribuTest extends TempHomeTest {
    private static final Routes ROUTES = new Routes().autoDiscoverViews("org.atelier.ui");

    @Autowired
    ApplicationContext context;
    @Autowired
    private ProjectService projectService;
    @Autowired
    private DatasetService datasetService;

    @BeforeEach
    void startVaadin() {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, context, uiFactory));
    }

    @AfterEach
    void stopVaadin() {
        MockVaadin.tearDown();
    }

    /**
     * Work done in the background reaches the UI through UI.access; in a real browser push delivers it,
     * here each round trip runs the queued UI tasks. Waits until the condition holds (or fails after 60 s).
     */
    protected static void awaitUi(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            MockVaadin.clientRoundtrip(false);
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * A new project named {@code name} with the sample portfolio of {@code rows} rows (seed {@code seed}) uploaded,
     * its workbench open: what most workbench tests start from.
     */
    protected WorkbenchProbe openWorkbench(String name, long seed, int rows) {
        String projectId = projectService.create(name, "").id();
        Path file = datasetService.newUploadFile("portfolio.csv");
        SamplePortfolio.writeCsv(file, seed, rows);
        datasetService.upload(projectId, "portfolio.csv", file);
        UI.getCurrent().navigate(WorkbenchView.class, projectId);
        return new WorkbenchProbe(_get(WorkbenchView.class));
    }
}
