package org.atelier.engine.spec;

/** The regularization penalty: its l1 share is 0 for ridge, 1 for lasso and the spec's l1 ratio for elastic net. */
public enum PenaltyKind implements SpecWord {
    RIDGE("ridge"), LASSO("lasso"), ELASTIC_NET("elastic_net");

    private final String id;

    PenaltyKind(String id) {
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

    /** glmnet's α for this penalty, {@code l1Ratio} being the spec's (used by elastic net only). */
    public double l1(double l1Ratio) {
        return switch (this) {
            case RIDGE -> 0;
            case LASSO -> 1;
            case ELASTIC_NET -> l1Ratio;
        };
    }

    public static PenaltyKind of(String id) {
        return SpecWord.of(PenaltyKind.class, id);
    }

    public static String words() {
        return SpecWord.words(PenaltyKind.class);
    }
}
