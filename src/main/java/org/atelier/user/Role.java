package org.atelier.user;

/** What a user may do: an administrator manages users and may cancel or delete anything; a user only their own. */
public enum Role {
    ADMIN,
    USER
}
