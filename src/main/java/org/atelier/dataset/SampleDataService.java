package org.atelier.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.atelier.data.SamplePortfolio;
import org.atelier.project.Project;
import org.atelier.project.ProjectService;
import org.springframework.stereotype.Service;

/**
 * "Try sample data": a project holding a generated freMTPL2-like motor portfolio, so a newcomer can walk
 * through the whole workflow at once. The seed is fixed: every user gets the same 678,013 policies.
 */
@Service
public class SampleDataService {
    public static final long SEED = 20_240_101L;
    public static final String FILE_NAME = "freMTPL2_sample.csv";

    private final ProjectService projects;
    private final DatasetService datasets;

    public SampleDataService(ProjectService projects, DatasetService datasets) {
        this.projects = projects;
        this.datasets = datasets;
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
