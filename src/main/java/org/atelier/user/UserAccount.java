package org.atelier.user;

import java.time.Instant;

/** A user as the administrator's page lists it; the password hash never leaves {@link UserService}. */
public record UserAccount(String username, Role role, boolean enabled, Instant createdAt) {

    public boolean admin() {
        return role == Role.ADMIN;
    }
}
