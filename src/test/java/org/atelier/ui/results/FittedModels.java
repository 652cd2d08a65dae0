package org.atelier.ui.results;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.atelier.data.SamplePortfolio;
import org.atelier.dataset.DatasetInfo;
import org.atelier.dataset.DatasetService;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.TermSpec;
import org.atelier.fit.FitService;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelService;
import org.atelier.project.ProjectService;

/** Real models for the results tests: fitted by the fit service on a generated portfolio, read back as stored. */
public record FittedModels(FitService fits, ModelService models, ProjectService projects, DatasetService datasets) {
    static final int ROWS = 20_000;

    /** Poisson claim frequency with an exposure offset: a log-link model, so it has relativities. */
    public static ModelSpec frequency(List<TermSpec> terms) {
        return ModelSpec.of("ClaimNb", "poisson", terms).withOffset("Exposure");
    }

    public static final ModelSpec FREQUENCY = frequency(List.of(TermSpec.categorical("Area"), TermSpec.linear("BonusMalus"),
            TermSpec.categorical("VehGas"), TermSpec.categorical("Region"), TermSpec.bs("DrivAge", 4, null)));

    /** A Gaussian (identity link) model: coefficients but no relativities. */
    public static final ModelSpec GAUSSIAN = ModelSpec.of("BonusMalus", "gaussian",
            List.of(TermSpec.categorical("Area"), TermSpec.linear("DrivAge"), TermSpec.categorical("VehGas")));

    /** A project with the sample portfolio; returns the dataset. */
    public DatasetInfo portfolio(String projectName) {
        String projectId = projects.create(projectName, "").id();
        Path file = datasets.newUploadFile("portfolio.csv");
        SamplePortfolio.writeCsv(file, 11, ROWS);
        return datasets.upload(projectId, "portfolio.csv", file);
    }

    public ModelDetail fit(DatasetInfo data, ModelSpec spec) {
        ModelDetail started = fits.start(data.projectId(), data.id(), spec);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            ModelDetail model = models.get(started.id());
            if (!model.status().isRunning()) {
                return model;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Fit of " + spec + " did not finish");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
