package org.atelier.ui.workbench;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.nio.file.Path;
import java.util.List;
import org.atelier.data.SamplePortfolio;
import org.atelier.dataset.DatasetInfo;
import org.atelier.dataset.DatasetService;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.TermSpec;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelService;
import org.atelier.project.Project;
import org.atelier.project.ProjectService;
import org.atelier.ui.KaribuTest;
import org.atelier.user.Access;
import org.atelier.user.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;

/** In login mode History offers a model's Delete only to its author or an administrator. */
@TestPropertySource(properties = "atelier.access.login-required=true")
class HistoryDeleteLoginTest extends KaribuTest {
    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;
    @Autowired
    ModelService models;
    @Autowired
    Access access;

    @AfterEach
    void nobodyLoggedIn() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void onlyTheAuthorAndAdministratorsMayDeleteAModel() throws Exception {
        actAs("alice", Role.USER);
        Project project = projects.create("Shared book", "");
        Path file = datasets.newUploadFile("portfolio.csv");
        SamplePortfolio.writeCsv(file, 7, 500);
        DatasetInfo data = datasets.upload(project.id(), "portfolio.csv", file);
        ModelDetail model = models.create(project.id(), data.id(),
                ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("Area"))).withOffset("Exposure"));
        models.cancel(model.id()); // ended, so only the author rule decides

        assertThat(deleteButton(project.id()).isEnabled()).isTrue();

        actAs("bob", Role.USER);
        Button refused = deleteButton(project.id());
        assertThat(refused.isEnabled()).isFalse();
        assertThat(refused.getTooltip().getText())
                .isEqualTo("Only alice (who created it) or an administrator can delete it");

        actAs("carol", Role.ADMIN);
        assertThat(deleteButton(project.id()).isEnabled()).isTrue();
    }

    private Button deleteButton(String projectId) {
        HistoryGrid history = new HistoryGrid(projectId, models, access.actor()::mayChange, id -> { }, (a, b) -> { });
        HorizontalLayout actions = (HorizontalLayout) _getCellComponent(history.grid, 0, "actions");
        return (Button) actions.getComponentAt(actions.getComponentCount() - 1);
    }

    private static void actAs(String name, Role role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                name, null, List.of(new SimpleGrantedAuthority("ROLE_" + role.name()))));
    }
}
