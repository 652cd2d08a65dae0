package org.atelier.engine.spec;

/** Which α a cross-validated path keeps: the one of least CV deviance, or the largest within one standard error. */
public enum Selection implements SpecWord {
    MIN("min"), ONE_SE("1se");

    private final String id;

    Selection(String id) {
        this.id = id;
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

    public static Selection of(String id) {
        return SpecWord.of(Selection.class, id);
    }

    public static String words() {
        return SpecWord.words(Selection.class);
    }
}
