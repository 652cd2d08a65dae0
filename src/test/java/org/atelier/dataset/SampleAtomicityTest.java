package org.atelier.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.atelier.TempHomeTest;
import org.atelier.project.Project;
import org.atelier.project.ProjectService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Try sample data" is all or nothing: at no moment can another connection (or a restart after a kill) see the
 * sample project without its dataset; what a kill can leave, a project folder never recorded, goes at the next start.
 */
class SampleAtomicityTest extends TempHomeTest {
    @Autowired
    SampleDataService samples;
    @Autowired
    ProjectService projects;
    @Autowired
    UploadsCleanup cleanup;

    @Test
    void noMomentShowsTheSampleProjectWithoutItsDataset() throws Exception {
        CompletableFuture<Project> creating = CompletableFuture.supplyAsync(() -> samples.createSampleProject(150_000));
        int looks = 0;
        int incomplete = 0;
        while (!creating.isDone()) {
            incomplete += jdbc.sql("""
                    SELECT COUNT(*) FROM projects p WHERE NOT EXISTS (SELECT 1 FROM datasets d WHERE d.project_id = p.id)
                       OR p.working_spec IS NULL""").query(Integer.class).single();
            looks++;
        }
        Project sample = creating.get();
        assertThat(looks).as("looks while it was being created").isPositive();
        assertThat(incomplete).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM datasets WHERE project_id = ?").param(sample.id())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aFolderLeftByAKilledCreationIsRemovedAtStart() throws Exception {
        Path orphan = projects.projectDir("never-recorded").resolve("datasets");
        Files.createDirectories(orphan);
        Files.writeString(orphan.resolve("x.csv"), "a\n1\n");
        String kept = projects.create("Kept", "").id();
        Path keptFile = projects.projectDir(kept).resolve("datasets").resolve("stray.csv");
        Files.createDirectories(keptFile.getParent());
        Files.writeString(keptFile, "a\n1\n");

        cleanup.run(null);

        assertThat(projects.projectDir("never-recorded")).doesNotExist();
        assertThat(keptFile).as("a file no dataset row names").doesNotExist();
        assertThat(projects.projectDir(kept)).exists();
    }
}
