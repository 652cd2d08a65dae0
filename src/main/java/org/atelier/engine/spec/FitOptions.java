package org.atelier.engine.spec;

/**
 * How a model is fitted: IRLS iterations and tolerance, and the optional penalty (ridge, lasso or elastic net with
 * {@code l1Ratio}; null with a non-zero {@code alpha} is elastic net) at a fixed {@code alpha} or chosen by {@code cv}-fold cross-validation over {@code nAlphas} values.
 */
public record FitOptions(double alpha, double l1Ratio, int maxIter, double tol, PenaltyKind regularization, Integer cv,
                         Selection selection, int nAlphas, Long seed) {

    public static final FitOptions DEFAULT = new FitOptions(0, 0, 25, 1e-8, null, null, Selection.MIN, 20, null);

    public FitOptions {
        selection = selection == null ? Selection.MIN : selection;
    }

    public FitOptions withIterations(int newMaxIter, double newTol) {
        return new FitOptions(alpha, l1Ratio, newMaxIter, newTol, regularization, cv, selection, nAlphas, seed);
    }
}
