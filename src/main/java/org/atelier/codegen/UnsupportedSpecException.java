package org.atelier.codegen;

/** The spec holds something the generated code cannot express (an unknown family, link or term type, a missing name). */
public final class UnsupportedSpecException extends IllegalArgumentException {
    public UnsupportedSpecException(String message) {
        super(message);
    }
}
