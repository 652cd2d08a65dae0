package org.atelier.engine.design;

import java.util.List;
import org.atelier.engine.frame.Frame;

/**
 * A fitted term: what it learned from the training data (levels, knots) and how to turn any frame with the same
 * columns into design blocks. Training and prediction go through the same {@link #encode}, so they agree.
 */
public sealed interface TermEncoder
        permits CategoricalEncoder, LinearEncoder, ExpressionEncoder, SplineEncoder, InteractionEncoder, LevelEncoder {

    /** The term's name: the column, the expression's name, or {@code A:B} for an interaction. */
    String name();

    /** Data columns the term reads. */
    List<String> columns();

    List<Block> encode(Frame frame);

    /** What the user should know about how the term was learned (e.g. a spline fitted with fewer df than asked). */
    default List<String> warnings() {
        return List.of();
    }
}
