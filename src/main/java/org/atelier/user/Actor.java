package org.atelier.user;

/**
 * Who is acting: the logged-in user, or on loopback the person at this machine (named after the OS user, and
 * allowed everything). {@code name} is null for an anonymous caller, who may change nothing.
 */
public record Actor(String name, boolean admin) {

    /** The one rule for cancelling a fit, deleting a model or a project: its author or an administrator. */
    public boolean mayChange(String author) {
        return admin || (name != null && name.equals(author));
    }
}
