package org.atelier.engine.effect;

/**
 * The scale a term's effect is read on: {@code relativity} for a log link, where every estimate is exp(f) and the
 * base sits at 1, {@code link} otherwise, f itself with the base at 0. The words are what the views and exports
 * print for it.
 */
public enum EffectScale {
    RELATIVITY("relativity"), LINK("link");

    private final String id;

    EffectScale(String id) {
        this.id = id;
    }

    /** The word a reader sees for the scale. */
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
