package org.atelier.ui.projects;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;
import java.util.concurrent.Executor;
import org.atelier.dataset.SampleDataService;
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

/**
 * In login mode the project list offers Delete only to whom may delete the project (its author or an
 * administrator): the others see the button disabled, with the reason, instead of an error after confirming.
 */
@TestPropertySource(properties = "atelier.access.login-required=true")
class DeleteButtonsLoginTest extends KaribuTest {
    @Autowired
    ProjectService projects;
    @Autowired
    SampleDataService samples;
    @Autowired
    Executor applicationTaskExecutor;
    @Autowired
    Access access;
    @Autowired
    AuthenticationContext authentication;

    @AfterEach
    void nobodyLoggedIn() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void onlyTheAuthorAndAdministratorsMayDeleteAProject() {
        actAs("alice", Role.USER);
        projects.create("Alice's motor book", "");

        assertThat(deleteButton().isEnabled()).isTrue();

        actAs("bob", Role.USER);
        Button refused = deleteButton();
        assertThat(refused.isEnabled()).isFalse();
        assertThat(refused.getTooltip().getText())
                .isEqualTo("Only alice (who created it) or an administrator can delete it");

        actAs("carol", Role.ADMIN);
        assertThat(deleteButton().isEnabled()).isTrue();
    }

    private Button deleteButton() {
        ProjectsView view = new ProjectsView(projects, samples, applicationTaskExecutor, access, authentication);
        HorizontalLayout actions = (HorizontalLayout) _getCellComponent(view.grid, 0, "actions");
        return (Button) actions.getComponentAt(1);
    }

    static void actAs(String name, Role role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                name, null, List.of(new SimpleGrantedAuthority("ROLE_" + role.name()))));
    }
}
