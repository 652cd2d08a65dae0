package org.atelier.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.atelier.data.SamplePortfolio;
import org.atelier.dataset.DatasetInfo;
import org.atelier.dataset.DatasetService;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.TermSpec;
import org.atelier.fit.FitService;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelService;
import org.atelier.project.Project;
import org.atelier.project.ProjectService;
import org.atelier.user.NotAllowedException;
import org.atelier.user.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Who made what, and that only its author or an administrator cancels a fit or deletes a model or project. */
class AuthorsTest extends LoginModeTest {
    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;
    @Autowired
    ModelService models;
    @Autowired
    FitService fits;

    @Test
    void onlyTheAuthorOrAnAdministratorCancelsAFitOrDeletesAModelOrAProject() throws Exception {
        actAs("alice", Role.USER);
        Project project = projects.create("Alice's motor book", "");
        DatasetInfo data = portfolio(project.id());
        ModelDetail fit = fits.start(project.id(), data.id(),
                ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("Area"))).withOffset("Exposure"));
        assertThat(projects.author(project.id())).contains("alice");
        assertThat(jdbc.sql("SELECT author FROM datasets WHERE id = ?").param(data.id()).query(String.class).single())
                .isEqualTo("alice");
        assertThat(models.history(project.id())).singleElement().extracting(r -> r.author()).isEqualTo("alice");

        actAs("bob", Role.USER);
        assertThatThrownBy(() -> fits.cancel(fit.id())).isInstanceOf(NotAllowedException.class)
                .hasMessage("Only alice (who created it) or an administrator can cancel this fit");
        assertThatThrownBy(() -> models.delete(fit.id())).isInstanceOf(NotAllowedException.class)
                .hasMessage("Only alice (who created it) or an administrator can delete this model");
        assertThatThrownBy(() -> projects.delete(project.id())).isInstanceOf(NotAllowedException.class)
                .hasMessage("Only alice (who created it) or an administrator can delete the project Alice's motor book");
        assertThat(projects.get(project.id())).isNotNull();

        actAs("carol", Role.ADMIN);
        fits.cancel(fit.id()); // allowed: whether it still ran or had finished, nothing is refused
        ModelDetail second = fits.start(project.id(), data.id(), fit.spec());
        assertThat(models.history(project.id())).extracting(r -> r.author()).containsExactly("carol", "alice");

        actAs("alice", Role.USER);
        assertThatThrownBy(() -> fits.cancel(second.id())).isInstanceOf(NotAllowedException.class);
        projects.delete(project.id()); // her own project, with carol's model in it
        assertThat(projects.list()).isEmpty();
    }

    @Test
    void nobodyLoggedInChangesNothingAndRowsWithoutAnAuthorAreForAdministrators() throws Exception {
        actAs("alice", Role.USER);
        Project project = projects.create("Old project", "");
        jdbc.sql("UPDATE projects SET author = NULL WHERE id = ?").param(project.id()).update();
        assertThatThrownBy(() -> projects.delete(project.id())).isInstanceOf(NotAllowedException.class)
                .hasMessage("Only an administrator can delete the project Old project");

        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        Project anonymous = projects.create("Made by nobody", "");
        assertThat(projects.author(anonymous.id())).isEmpty();
        assertThatThrownBy(() -> projects.delete(anonymous.id())).isInstanceOf(NotAllowedException.class);

        actAs("root", Role.ADMIN);
        projects.delete(project.id());
        projects.delete(anonymous.id());
        assertThat(projects.list()).isEmpty();
    }

    private DatasetInfo portfolio(String projectId) throws Exception {
        Path file = datasets.newUploadFile("portfolio.csv");
        SamplePortfolio.writeCsv(file, 7, 2_000);
        assertThat(Files.size(file)).isPositive();
        return datasets.upload(projectId, "portfolio.csv", file);
    }
}
