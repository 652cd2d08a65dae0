package org.atelier.engine.spec;

/** The direction a term's effect is constrained to; a term without one (null) is unconstrained. */
public enum Monotonicity implements SpecWord {
    INCREASING("increasing", 1), DECREASING("decreasing", -1);

    private final String id;
    private final int direction;

    Monotonicity(String id, int direction) {
        this.id = id;
        this.direction = direction;
    }

    @Override
    public String id() {
        return id;
    }

    /** The JSON word, so a message that names the value reads as the spec does. */
    @Override
    public String toString() {
        return id;
    }

    /** +1 increasing, -1 decreasing: the sign the constrained coefficients keep. */
    public int direction() {
        return direction;
    }

    public static Monotonicity of(String id) {
        return SpecWord.of(Monotonicity.class, id);
    }

    public static String words() {
        return SpecWord.words(Monotonicity.class);
    }
}
