package org.atelier.model;

import java.util.List;
import org.atelier.engine.spec.PenaltyKind;
import org.atelier.engine.spec.Selection;

/**
 * How a cross-validated penalized fit chose its α, as the results read it: the CV curve (mean held-out deviance per
 * observation ± its standard error against α, the chosen α marked) and the path of the full-data fit (deviance,
 * number of non-zero coefficients and, when stored, every coefficient at each α, in {@code features}' order).
 * glmnet's names: {@code alpha} is its λ, {@code l1Ratio} its α.
 */
public record PenaltyPath(PenaltyKind penalty, double l1Ratio, double alpha, double alphaMax, Integer folds,
                          Selection selection, List<String> features, List<CvPoint> cv, List<PathPoint> path) {

    public PenaltyPath {
        features = List.copyOf(features);
        cv = List.copyOf(cv);
        path = List.copyOf(path);
    }

    public record CvPoint(double alpha, double meanDeviance, double standardError) {
    }

    /** {@code coefficients} empty when the model was fitted before the path's coefficients were kept. */
    public record PathPoint(double alpha, double deviance, int nonZero, List<Double> coefficients) {
        public PathPoint {
            coefficients = List.copyOf(coefficients);
        }
    }

    /** True for a fit whose α was chosen by cross-validation (a fixed-α fit has no curve to show). */
    public boolean crossValidated() {
        return !cv.isEmpty();
    }
}
