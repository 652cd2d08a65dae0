package org.atelier.engine.design;

import java.util.List;
import org.atelier.engine.frame.Frame;

/** A numeric column entering as itself: one coefficient per unit. */
public record LinearEncoder(String column) implements TermEncoder {
    public String name() {
        return column;
    }

    public List<String> columns() {
        return List.of(column);
    }

    public List<Block> encode(Frame frame) {
        return List.of(new Block.Dense(column, column, Columns.numeric(frame, column)));
    }
}
