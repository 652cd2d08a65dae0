package org.atelier.engine.fit;

import java.util.List;

/**
 * How a penalised fit was chosen (glmnet's λ and α under the names {@code alpha} and {@code l1Ratio}). A fit at a
 * fixed α has an empty path and CV curve; a cross-validated fit has the whole path (α, deviance, number of non-zero
 * penalised coefficients), the CV curve (mean held-out deviance per observation and its standard error) and the α
 * chosen by {@code selection} (min or 1se). {@code selectedFeatures} are the features with a non-zero coefficient.
 */
public record Regularization(String penalty, double l1Ratio, double alpha, double alphaMax, List<PathPoint> path,
                             Integer folds, String selection, List<CvPoint> cv, List<String> selectedFeatures) {

    public Regularization {
        path = List.copyOf(path);
        cv = List.copyOf(cv);
        selectedFeatures = List.copyOf(selectedFeatures);
    }

    public record PathPoint(double alpha, double deviance, int nonZero) {
    }

    public record CvPoint(double alpha, double meanDeviance, double standardError) {
    }
}
