package org.atelier.ui.security;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.atelier.user.UserService;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;

/**
 * The login page of a shared Atelier. The form posts to Spring Security's /login; a failed attempt comes back here
 * with "?error" and the reason (wrong password, locked after repeated failures, disabled user).
 */
@Route("login")
@PageTitle("Atelier · Log in")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {
    final LoginForm form = new LoginForm();
    final Div hint = new Div();

    public LoginView(UserService users) {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        H1 title = new H1("Atelier");
        title.getStyle().set("font-size", "1.6em").set("margin", "0");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        hint.addClassName("atelier-muted");
        hint.getStyle().set("max-width", "22rem").set("text-align", "center");
        if (!users.hasEnabledAdmin()) {
            hint.setText("No administrator yet. On the server, run: java -jar atelier.jar user add NAME --admin");
        } else {
            hint.setText("This Atelier is shared: log in with the account an administrator gave you.");
        }
        add(title, form, hint);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            return;
        }
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.ErrorMessage error = new LoginI18n.ErrorMessage();
        error.setTitle("Could not log in");
        error.setMessage(lastFailure());
        i18n.setErrorMessage(error);
        form.setI18n(i18n);
        form.setError(true);
    }

    /** Spring Security keeps the failure's exception in the session for the page it redirects to. */
    private static String lastFailure() {
        VaadinSession session = VaadinSession.getCurrent();
        Object failure = session == null ? null : session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        return failure instanceof AuthenticationException e && e.getMessage() != null
                ? e.getMessage() : "Wrong user name or password";
    }
}
