package org.atelier.user;

import java.util.function.Supplier;
import org.atelier.config.AccessMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is acting and what they may change. On loopback (see {@link AccessMode}) the actor is the person at this
 * machine, named after the OS user and allowed everything; with login, the logged-in user. Services ask here
 * instead of reading Spring Security themselves, so the rule lives in {@link Actor#mayChange} alone.
 */
@Component
public class Access {
    static final String ADMIN_AUTHORITY = "ROLE_" + Role.ADMIN.name();
    private static final Actor ANONYMOUS = new Actor(null, false);

    private final AccessMode mode;
    private final Actor local;

    @Autowired
    public Access(Environment environment) {
        this(AccessMode.of(environment));
    }

    public Access(AccessMode mode) {
        this.mode = mode;
        String osUser = System.getProperty("user.name");
        this.local = new Actor(osUser == null || osUser.isBlank() ? "local" : osUser, true);
    }

    public AccessMode mode() {
        return mode;
    }

    public Actor actor() {
        if (mode == AccessMode.LOOPBACK) {
            return local;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return ANONYMOUS;
        }
        boolean admin = authentication.getAuthorities().stream()
                .anyMatch(a -> ADMIN_AUTHORITY.equals(a.getAuthority()));
        return new Actor(authentication.getName(), admin);
    }

    /** The name a new project, dataset or model records as its author. */
    public String author() {
        return actor().name();
    }

    /** Refuses {@code action} ("cancel this fit") unless the current actor is the author or an administrator. */
    public void requireAuthorOrAdmin(String author, String action) {
        if (!actor().mayChange(author)) {
            throw new NotAllowedException(author == null
                    ? "Only an administrator can " + action
                    : "Only " + author + " (who created it) or an administrator can " + action);
        }
    }

    /**
     * {@code task} as run by the current user on another thread (e.g. creating the sample project in the
     * background), so what it creates records the right author.
     */
    public <T> Supplier<T> asCurrentUser(Supplier<T> task) {
        SecurityContext context = SecurityContextHolder.getContext();
        return () -> {
            SecurityContextHolder.setContext(context);
            try {
                return task.get();
            } finally {
                SecurityContextHolder.clearContext();
            }
        };
    }
}
