package org.atelier.ui.security;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.atelier.user.Access;
import org.atelier.user.Actor;

/** In login mode: who is logged in, the Users page for administrators, and Log out. Empty on loopback. */
public class AccountBar extends HorizontalLayout {
    final Span who = new Span();
    final Button logout = new Button("Log out");

    public AccountBar(Access access, AuthenticationContext authentication) {
        setAlignItems(FlexComponent.Alignment.CENTER);
        setSpacing(true);
        if (!access.mode().loginRequired()) {
            setVisible(false);
            return;
        }
        Actor actor = access.actor();
        who.setText(actor.name() == null ? "" : actor.name());
        who.addClassName("atelier-muted");
        add(who);
        if (actor.admin()) {
            add(new RouterLink("Users", UsersView.class));
        }
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        logout.addClickListener(e -> authentication.logout());
        add(logout);
    }
}
