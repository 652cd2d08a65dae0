package org.atelier.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.atelier.data.SampleModel;
import org.atelier.data.SamplePortfolio;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.model.WorkingSpecService;
import org.atelier.project.Project;
import org.atelier.project.ProjectService;
import org.springframework.stereotype.Service;

/**
 * "Try sample data": a project holding a generated freMTPL2-like motor portfolio, so a newcomer can walk
 * through the whole workflow at once. The seed is fixed: every user gets the same 678,013 policies. The
 * project opens with the frequency model the portfolio was generated from as its working spec (claim counts,
 * Poisson, exposure offset, the nine rating factors: 43 coefficients), so one click on Fit shows results.
 */
@Service
public class SampleDataService {
    public static final long SEED = 20_240_101L;
    public static final String FILE_NAME = "freMTPL2_sample.csv";

    private final ProjectService projects;
    private final DatasetService datasets;
    private final WorkingSpecService workingSpecs;

    public SampleDataService(ProjectService projects, DatasetService datasets, WorkingSpecService workingSpecs) {
        this.projects = projects;
        this.datasets = datasets;
        this.workingSpecs = workingSpecs;
    }

    /**
     * The sample's ready model: the benchmark's frequency model, the one the portfolio's claims were drawn
     * from. Its offset names the Exposure column; a log-link fit takes its log, as R's offset(log(Exposure)).
     */
    public static ModelSpec frequencyModel() {
        return SampleModel.frequency();
    }

    public Project createSampleProject() {
        return createSampleProject(SamplePortfolio.DEFAULT_ROWS);
    }

    public Project createSampleProject(int rows) {
        Project project = projects.create("Sample: French motor TPL", String.format(
                "Generated freMTPL2-like portfolio of %,d policies with a known log-linear claim frequency", rows));
        Path file = datasets.newUploadFile(FILE_NAME);
        try {
            SamplePortfolio.writeCsv(file, SEED, rows);
            datasets.upload(project.id(), FILE_NAME, file);
            workingSpecs.save(project.id(), frequencyModel());
            return projects.get(project.id());
        } catch (RuntimeException e) {
            projects.delete(project.id());
            throw e;
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
