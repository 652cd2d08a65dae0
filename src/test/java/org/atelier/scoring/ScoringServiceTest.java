package org.atelier.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.atelier.TempHomeTest;
import org.atelier.data.SamplePortfolio;
import org.atelier.dataset.DatasetInfo;
import org.atelier.dataset.DatasetService;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.fit.ModelSerializer;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.TermSpec;
import org.atelier.fit.FitEvent;
import org.atelier.fit.FitEvents;
import org.atelier.fit.FitService;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelFile;
import org.atelier.model.ModelService;
import org.atelier.project.ProjectService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Scoring and out-of-time diagnostics of a completed model, from its stored bytes, in the background. */
class ScoringServiceTest extends TempHomeTest {
    @Autowired
    FitService fits;
    @Autowired
    FitEvents events;
    @Autowired
    ModelService models;
    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;
    @Autowired
    ScoringService scoring;

    @Test
    void scoresDatasetsAndUploadsAndStoresOutOfTimeDiagnostics() throws Exception {
        var project = projects.create("Scoring", "");
        DatasetInfo train = upload(project.id(), "train.csv", 11, 4_000);
        ModelDetail model = fit(project.id(), train.id());
        DatasetInfo later = upload(project.id(), "later.csv", 12, 3_000);
        assertThat(scoring.datasets(project.id())).extracting(DatasetInfo::name).containsExactly("later.csv", "train.csv");

        List<ScoreStage> stages = new CopyOnWriteArrayList<>();
        ScoredFile scored = await(l -> scoring.score(model.id(), new ScoringService.DatasetSource(later.id(), later.name()),
                List.of("IDpol", "Region"), l), stages);
        assertThat(scored.rows()).isEqualTo(3_000);
        assertThat(scored.fileName()).isEqualTo("v1-predictions-later.csv");
        assertThat(stages).contains(ScoreStage.READING_DATA, ScoreStage.PREDICTING, ScoreStage.WRITING);
        List<String> lines = Files.readAllLines(scoring.predictionsFile(scored.id()).orElseThrow());
        assertThat(lines).hasSize(3_001);
        assertThat(lines.getFirst()).isEqualTo("IDpol,Region,mu,rate");
        FittedModel stored = ModelSerializer.read(models.modelBytes(model.id()));
        Frame laterFrame = datasets.frame(later.id());
        double[] mu = stored.predict(laterFrame);
        double[] exposure = ((NumericColumn) laterFrame.column("Exposure").orElseThrow()).values();
        for (int row = 0; row < mu.length; row += 97) {
            String[] fields = lines.get(row + 1).split(",");
            assertThat(Double.parseDouble(fields[2])).isCloseTo(mu[row], org.assertj.core.data.Offset.offset(1e-10 * mu[row]));
            assertThat(Double.parseDouble(fields[3])).isCloseTo(mu[row] / exposure[row],
                    org.assertj.core.data.Offset.offset(1e-10 * mu[row] / exposure[row]));
        }

        Path uploaded = datasets.newUploadFile("new-business.csv"); // scored once, not added to the project
        SamplePortfolio.writeCsv(uploaded, 13, 500);
        ScoringService.UploadedData upload = scoring.readUpload(uploaded, "new-business.csv");
        assertThat(upload.rows()).isEqualTo(500);
        assertThat(upload.columns()).startsWith("IDpol", "ClaimNb");
        ScoredFile fromUpload = await(l -> scoring.score(model.id(), upload.source(), List.of(), l), stages);
        assertThat(fromUpload.fileName()).isEqualTo("v1-predictions-new-business.csv");
        assertThat(fromUpload.rows()).isEqualTo(500);
        assertThat(Files.readAllLines(scoring.predictionsFile(fromUpload.id()).orElseThrow()).getFirst())
                .isEqualTo("mu,rate");
        assertThat(uploaded).doesNotExist();
        assertThat(scoring.datasets(project.id())).hasSize(2);

        OutOfTime outOfTime = await(l -> scoring.outOfTime(model.id(), later.id(), l), stages);
        assertThat(outOfTime.title()).isEqualTo("Out of time: later.csv");
        assertThat(outOfTime.part().totals().nObs()).isEqualTo(3_000);
        assertThat(outOfTime.part().lift(10)).isPresent();
        assertThat(outOfTime.part().factor("Region")).isPresent();
        assertThat(scoring.outOfTime(model.id())).containsExactly(outOfTime); // stored: reopening reads it back
        assertThatThrownBy(() -> scoring.outOfTime(model.id(), train.id(), null))
                .hasMessageStartingWith("That is the dataset the model was fitted on");

        ModelFile file = ModelFile.read(scoring.modelFile(model.id()), scoring.modelFileName(model.id()));
        assertThat(file.modelBytes()).isEqualTo(models.modelBytes(model.id()));
        assertThat(file.header().dataset()).isEqualTo("train.csv");
        assertThat(scoring.modelFileName(model.id())).isEqualTo("model-v1.atelier");
    }

    @Test
    void unseenLevelsAndMissingIdsFailWithOneLineAndCancelStops() throws Exception {
        var project = projects.create("Unseen", "");
        DatasetInfo train = upload(project.id(), "train.csv", 11, 3_000);
        ModelDetail model = fit(project.id(), train.id());
        Path file = datasets.newUploadFile("odd.csv");
        SamplePortfolio.writeCsv(file, 12, 2_000);
        Files.writeString(file, Files.readString(file).replace(",R11,", ",R99,"));
        DatasetInfo odd = datasets.upload(project.id(), "odd.csv", file);
        assertThatThrownBy(() -> ScoringServiceTest.<ScoredFile>await(l -> scoring.score(model.id(), new ScoringService.DatasetSource(odd.id(),
                odd.name()), List.of(), l), new CopyOnWriteArrayList<>()))
                .hasMessageStartingWith("Column 'Region' has level 'R99' that was not in the training data");
        assertThatThrownBy(() -> ScoringServiceTest.<OutOfTime>await(l -> scoring.outOfTime(model.id(), odd.id(), l),
                new CopyOnWriteArrayList<>()))
                .hasMessageStartingWith("Column 'Region' has level 'R99'");
        assertThat(scoring.outOfTime(model.id())).isEmpty();
        assertThatThrownBy(() -> ScoringServiceTest.<ScoredFile>await(l -> scoring.score(model.id(), new ScoringService.DatasetSource(train.id(),
                train.name()), List.of("Policy"), l), new CopyOnWriteArrayList<>()))
                .hasMessageStartingWith("ID column 'Policy' is not in the data");

        CompletableFuture<String> outcome = new CompletableFuture<>();
        String[] runId = new String[1];
        runId[0] = scoring.score(model.id(), new ScoringService.DatasetSource(train.id(), train.name()), List.of(),
                new ScoreListener<>() {
                    @Override
                    public void progress(ScoreStage stage, double fraction) {
                        if (stage == ScoreStage.READING_DATA) {
                            while (runId[0] == null) {
                                Thread.onSpinWait();
                            }
                            scoring.cancel(runId[0]);
                        }
                    }

                    @Override
                    public void finished(ScoredFile result) {
                        outcome.complete("finished");
                    }

                    @Override
                    public void failed(String message) {
                        outcome.complete("failed: " + message);
                    }

                    @Override
                    public void cancelled() {
                        outcome.complete("cancelled");
                    }
                });
        assertThat(outcome.get(60, TimeUnit.SECONDS)).isEqualTo("cancelled");
    }

    private interface Start<T> {
        void start(ScoreListener<T> listener);
    }

    private static <T> T await(Start<T> start, List<ScoreStage> stages) throws Exception {
        CompletableFuture<T> done = new CompletableFuture<>();
        start.start(new ScoreListener<>() {
            @Override
            public void progress(ScoreStage stage, double fraction) {
                stages.add(stage);
            }

            @Override
            public void finished(T result) {
                done.complete(result);
            }

            @Override
            public void failed(String message) {
                done.completeExceptionally(new IllegalStateException(message));
            }

            @Override
            public void cancelled() {
                done.completeExceptionally(new IllegalStateException("cancelled"));
            }
        });
        try {
            return done.get(120, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    private DatasetInfo upload(String projectId, String name, long seed, int rows) throws Exception {
        Path file = datasets.newUploadFile(name);
        SamplePortfolio.writeCsv(file, seed, rows);
        DatasetInfo info = datasets.upload(projectId, name, file);
        Thread.sleep(5); // distinct upload times: newest first
        return info;
    }

    private ModelDetail fit(String projectId, String datasetId) {
        List<FitEvent> seen = new CopyOnWriteArrayList<>();
        Runnable unsubscribe = events.subscribeProject(projectId, seen::add);
        ModelSpec spec = ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("Area"),
                TermSpec.linear("BonusMalus"), TermSpec.categorical("Region"))).withOffset("Exposure");
        ModelDetail model = fits.start(projectId, datasetId, spec);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (seen.stream().noneMatch(e -> e instanceof FitEvent.Completed)) {
            assertThat(seen).noneMatch(e -> e instanceof FitEvent.Failed);
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.onSpinWait();
        }
        unsubscribe.run();
        return models.get(model.id());
    }
}
