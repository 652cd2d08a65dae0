package org.atelier.model;

/** A model file that cannot be used: not a model file, damaged, or from a newer Atelier; the message is one line. */
public final class ModelFileException extends RuntimeException {
    public ModelFileException(String message) {
        super(message);
    }
}
