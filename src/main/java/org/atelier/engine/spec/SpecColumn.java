package org.atelier.engine.spec;

/**
 * What {@link SpecRules} knows of a data column: its name, whether it is numeric and how many distinct present
 * values it has ({@link #UNKNOWN} when not counted: the engine checks the data itself once it reads it).
 */
public record SpecColumn(String name, boolean numeric, int distinct) {
    public static final int UNKNOWN = -1;
}
