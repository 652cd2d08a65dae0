package org.atelier.engine.expr;

/** A malformed expression: the message says what was expected and at which character. */
public final class ExpressionError extends IllegalArgumentException {
    public ExpressionError(String message) {
        super(message);
    }
}
