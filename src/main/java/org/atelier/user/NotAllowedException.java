package org.atelier.user;

/** An action refused to the current user; the message says what and who may do it. */
public class NotAllowedException extends RuntimeException {
    public NotAllowedException(String message) {
        super(message);
    }
}
