package org.atelier.ui.security;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.atelier.ui.KaribuTest;
import org.atelier.user.Role;
import org.atelier.user.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The administrator's page: add a user, refuse a bad one with its reason, disable, enable, set a new password. */
class UsersViewTest extends KaribuTest {
    @Autowired
    UserService users;
    @Autowired
    PasswordEncoder encoder;

    @BeforeEach
    void noUsers() {
        jdbc.sql("DELETE FROM users").update();
    }

    @Test
    void anAdministratorAddsDisablesAndResetsUsers() {
        users.add("ada", "first admin password", Role.ADMIN);
        UI.getCurrent().navigate(UsersView.class);
        UsersView view = _get(UsersView.class);

        _click(_get(Button.class, spec -> spec.withText("Add user")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("User name")), "bo");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Password")), "short");
        _click(_get(Button.class, spec -> spec.withText("Add")));
        assertThat(_get(Span.class, spec -> spec.withText("The password must have at least 10 characters")))
                .isNotNull();
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Password")), "a good long password");
        _setValue(_get(Checkbox.class, spec -> spec.withLabel("Administrator")), false);
        _click(_get(Button.class, spec -> spec.withText("Add")));
        assertThat(_size(view.grid)).isEqualTo(2);
        assertThat(_getFormatted(view.grid, 1, "user")).isEqualTo("bo");
        assertThat(_getFormatted(view.grid, 1, "role")).isEqualTo("User");
        assertThat(_getFormatted(view.grid, 1, "state")).isEqualTo("Enabled");

        view.setEnabled(users.find("bo").orElseThrow(), false);
        assertThat(_getFormatted(view.grid, 1, "state")).isEqualTo("Disabled");
        view.setEnabled(users.find("ada").orElseThrow(), false); // the only administrator: refused, stays enabled
        assertThat(users.find("ada").orElseThrow().enabled()).isTrue();

        view.openResetDialog(users.find("bo").orElseThrow());
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("New password")), "another long password");
        _click(_get(Button.class, spec -> spec.withText("Set password")));
        assertThat(encoder.matches("another long password", users.credentials("bo").orElseThrow().passwordHash()))
                .isTrue();
    }
}
