package org.atelier.engine.spec;

/** §5.2 FitOptions. The engine fits unpenalised models: {@code alpha} must be 0 and regularization null. */
public record FitOptions(double alpha, double l1Ratio, int maxIter, double tol, String regularization, Integer cv,
                         String selection, int nAlphas, Long seed) {

    public static final FitOptions DEFAULT = new FitOptions(0, 0, 25, 1e-8, null, null, "min", 20, null);

    public FitOptions withIterations(int newMaxIter, double newTol) {
        return new FitOptions(alpha, l1Ratio, newMaxIter, newTol, regularization, cv, selection, nAlphas, seed);
    }
}
