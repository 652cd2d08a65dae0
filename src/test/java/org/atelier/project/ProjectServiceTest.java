package org.atelier.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.atelier.TempHomeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ProjectServiceTest extends TempHomeTest {
    @Autowired
    ProjectService projects;

    @Test
    void createsListsRenamesAndDeletesProjects() throws Exception {
        Project motor = projects.create("  Motor Frequency 2024 ", "French MTPL");
        Project home = projects.create("Household", null);

        assertThat(motor.name()).isEqualTo("Motor Frequency 2024");
        assertThat(projects.get(motor.id()).description()).isEqualTo("French MTPL");
        assertThat(projects.list()).extracting(ProjectSummary::name).containsExactlyInAnyOrder(
                "Motor Frequency 2024", "Household");
        assertThat(projects.list()).allSatisfy(p -> assertThat(p.modelCount()).isZero());

        Project renamed = projects.rename(motor.id(), "Motor 2025");
        assertThat(projects.get(motor.id()).name()).isEqualTo("Motor 2025");
        assertThat(renamed.updatedAt()).isAfterOrEqualTo(motor.updatedAt());
        assertThat(projects.list().getFirst().name()).isEqualTo("Motor 2025");

        Path folder = projects.projectDir(motor.id()).resolve("datasets");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("x.csv"), "a\n1\n");
        projects.delete(motor.id());
        assertThat(projects.list()).extracting(ProjectSummary::id).containsExactly(home.id());
        assertThat(projects.projectDir(motor.id())).doesNotExist();
    }

    @Test
    void rejectsEmptyAndOverlongNames() {
        assertThatThrownBy(() -> projects.create("   ", ""))
                .hasMessage("Project name must not be empty");
        assertThatThrownBy(() -> projects.create("x".repeat(256), ""))
                .hasMessage("Project name is 256 characters long; at most 255 are allowed");
        assertThat(projects.list()).isEmpty();
    }

    @Test
    void unknownProjectIsAClearError() {
        assertThatThrownBy(() -> projects.rename("nope", "x"))
                .isInstanceOf(ProjectNotFoundException.class).hasMessage("Project nope no longer exists");
    }
}
