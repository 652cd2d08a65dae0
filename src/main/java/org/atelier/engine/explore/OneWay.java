package org.atelier.engine.explore;

import java.util.List;
import org.atelier.engine.spec.TermType;

/**
 * The one-way table of a column. {@code banded}: a numeric column with more than 20 values, in 10 equal-exposure
 * bands labelled by range. {@code suggestedType} and {@code baseLevel} are what the column would start as in a
 * spec: categorical with the level of most exposure as its base, linear for a banded column (no base level),
 * target encoding for a text column of more than 100 levels.
 */
public record OneWay(String column, boolean banded, TermType suggestedType, String baseLevel, List<OneWayLevel> levels) {
    public OneWay {
        levels = List.copyOf(levels);
    }
}
