package org.atelier.security;

import java.time.Duration;
import org.atelier.user.LoginThrottle;
import org.atelier.user.UserAccount;
import org.atelier.user.UserService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks a user name and password against the users table, refusing at once while the name or the caller's
 * address is locked by {@link LoginThrottle}. A wrong password and an unknown name fail alike, and both count.
 */
@Component
public class ThrottledAuthenticationProvider implements AuthenticationProvider {
    /** Compared against when the user does not exist, so that an unknown name costs as long as a wrong password. */
    private final String unknownUserHash;
    private final UserService users;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;

    public ThrottledAuthenticationProvider(UserService users, PasswordEncoder encoder, LoginThrottle throttle) {
        this.users = users;
        this.encoder = encoder;
        this.throttle = throttle;
        this.unknownUserHash = encoder.encode("no such user, no such password");
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName() == null ? "" : authentication.getName().strip();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web
                ? web.getRemoteAddress() : null;
        var locked = throttle.lockedFor(username, address);
        if (locked.isPresent()) {
            throw new LockedException("Too many failed logins: try again in " + minutes(locked.get()));
        }
        var credentials = users.credentials(username);
        boolean matches = encoder.matches(password,
                credentials.map(UserService.Credentials::passwordHash).orElse(unknownUserHash));
        if (credentials.isEmpty() || !matches) {
            throttle.failed(username, address);
            throw new BadCredentialsException("Wrong user name or password");
        }
        UserAccount account = credentials.get().account();
        if (!account.enabled()) {
            throw new DisabledException("User " + account.username() + " is disabled: ask an administrator");
        }
        throttle.succeeded(username);
        var authorities = java.util.List.of(new SimpleGrantedAuthority("ROLE_" + account.role().name()));
        return UsernamePasswordAuthenticationToken.authenticated(account.username(), null, authorities);
    }

    private static String minutes(Duration d) {
        long minutes = Math.max(1, (d.toSeconds() + 59) / 60);
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
