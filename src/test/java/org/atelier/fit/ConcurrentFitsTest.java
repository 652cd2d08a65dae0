package org.atelier.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.atelier.TempHomeTest;
import org.atelier.data.SamplePortfolio;
import org.atelier.dataset.DatasetInfo;
import org.atelier.dataset.DatasetService;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.TermSpec;
import org.atelier.model.ModelHistoryRow;
import org.atelier.model.ModelService;
import org.atelier.model.ModelStatus;
import org.atelier.model.WorkingSpecService;
import org.atelier.project.ProjectService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Five users clicking Fit three times each, 150 ms apart, on one project: every click creates its model, and every
 * model ends completed, failed or cancelled. Each "session" also does what a browser does around a click (save the
 * working spec, read the history), so the writes of the fits, the clicks and the edits all meet in SQLite.
 */
class ConcurrentFitsTest extends TempHomeTest {
    static final int SESSIONS = 5;
    static final int CLICKS = 3;

    @Autowired
    FitService fits;
    @Autowired
    ModelService models;
    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;
    @Autowired
    WorkingSpecService workingSpecs;

    @Test
    void fifteenConcurrentFitsAllEndInAFinalState() throws Exception {
        String projectId = projects.create("Shared", "").id();
        Path file = datasets.newUploadFile("portfolio.csv");
        SamplePortfolio.writeCsv(file, 3, 20_000);
        DatasetInfo data = datasets.upload(projectId, "portfolio.csv", file);
        ModelSpec spec = ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("Area"),
                TermSpec.linear("BonusMalus"), TermSpec.categorical("VehGas"))).withOffset("Exposure");

        ConcurrentLinkedQueue<String> created = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> refused = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> sessions = new ArrayList<>();
        for (int s = 0; s < SESSIONS; s++) {
            Thread session = new Thread(() -> {
                try {
                    go.await();
                    for (int click = 0; click < CLICKS; click++) {
                        workingSpecs.save(projectId, spec);
                        created.add(fits.start(projectId, data.id(), spec).id());
                        models.history(projectId);
                        Thread.sleep(150);
                    }
                } catch (Throwable e) {
                    refused.add(e);
                }
            }, "session-" + s);
            sessions.add(session);
            session.start();
        }
        go.countDown();
        for (Thread session : sessions) {
            session.join();
        }

        assertThat(refused).isEmpty();
        assertThat(created).hasSize(SESSIONS * CLICKS);
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (models.history(projectId).stream().anyMatch(r -> r.status().isRunning())
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        List<ModelHistoryRow> history = models.history(projectId);
        assertThat(history).hasSize(SESSIONS * CLICKS);
        assertThat(history).extracting(ModelHistoryRow::version)
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 15).boxed().toList());
        assertThat(history).extracting(ModelHistoryRow::status).containsOnly(ModelStatus.COMPLETED);
        assertThat(created).allSatisfy(id -> assertThat(fits.isActive(id)).isFalse());
    }
}
