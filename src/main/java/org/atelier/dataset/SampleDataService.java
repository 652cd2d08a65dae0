package org.atelier.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.atelier.data.SampleModel;
import org.atelier.data.SamplePortfolio;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.model.ModelSpecJson;
import org.atelier.project.Project;
import org.atelier.project.ProjectService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
    private final TransactionTemplate transactions;

    public SampleDataService(ProjectService projects, DatasetService datasets,
                             PlatformTransactionManager transactionManager) {
        this.projects = projects;
        this.datasets = datasets;
        this.transactions = new TransactionTemplate(transactionManager);
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

    /**
     * Atomic: the portfolio file is written and checked first, then the project, its dataset and its ready spec
     * are recorded in one transaction, so a kill at any moment leaves either no project or a complete one (a file
     * moved into a project folder whose transaction never committed is removed at the next start).
     */
    public Project createSampleProject(int rows) {
        Path file = datasets.newUploadFile(FILE_NAME);
        String[] created = new String[1];
        try {
            SamplePortfolio.writeCsv(file, SEED, rows);
            DatasetService.Checked checked = datasets.check(FILE_NAME, file);
            return transactions.execute(status -> {
                Project project = projects.create("Sample: French motor TPL", String.format(
                        "Generated freMTPL2-like portfolio of %,d policies with a known log-linear claim frequency",
                        rows));
                created[0] = project.id();
                datasets.store(project.id(), FILE_NAME, file, checked);
                // straight to the project row: WorkingSpecService.save takes its own lock before a transaction, and
                // taking it inside this one could deadlock with its writer; a new project has no edit waiting anyway
                projects.saveWorkingSpec(project.id(), ModelSpecJson.write(frequencyModel()));
                return projects.get(project.id());
            });
        } catch (RuntimeException e) {
            if (created[0] != null) {
                ProjectFolders.deleteQuietly(projects.projectDir(created[0])); // rolled back: its rows never were
            }
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
