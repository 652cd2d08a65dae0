package org.atelier.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.atelier.TempHomeTest;
import org.atelier.config.AccessMode;
import org.atelier.project.Project;
import org.atelier.project.ProjectService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Bound to loopback (as every test server is): no login, the OS user is the author and may do anything. */
class LoopbackAccessTest extends TempHomeTest {
    @Autowired
    Access access;
    @Autowired
    ProjectService projects;

    @Test
    void theOsUserAuthorsEverythingAndMayChangeAnything() {
        assertThat(access.mode()).isEqualTo(AccessMode.LOOPBACK);
        assertThat(access.actor()).isEqualTo(new Actor(System.getProperty("user.name"), true));
        Project project = projects.create("Mine", "");
        assertThat(projects.author(project.id())).contains(System.getProperty("user.name"));
        jdbc.sql("UPDATE projects SET author = 'someone else' WHERE id = ?").param(project.id()).update();
        projects.delete(project.id());
        assertThat(projects.list()).isEmpty();
    }

    @Test
    void theRuleIsAuthorOrAdministrator() {
        assertThat(new Actor("alice", false).mayChange("alice")).isTrue();
        assertThat(new Actor("alice", false).mayChange("bob")).isFalse();
        assertThat(new Actor("alice", false).mayChange(null)).isFalse();
        assertThat(new Actor("root", true).mayChange(null)).isTrue();
        assertThat(new Actor(null, false).mayChange(null)).isFalse();
    }
}
