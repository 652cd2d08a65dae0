package org.atelier.engine.frame;

/** One typed column of a data frame: numbers as a double array, strings dictionary-coded. */
public sealed interface Column permits NumericColumn, StringColumn {
    String name();

    int size();

    /** True where the value is missing (NaN for numbers, code -1 for strings). */
    boolean isMissing(int row);
}
