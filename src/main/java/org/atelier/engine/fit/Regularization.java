package org.atelier.engine.fit;

import java.util.List;
import org.atelier.engine.spec.PenaltyKind;
import org.atelier.engine.spec.Selection;

/**
 * How a penalized fit was chosen (glmnet's λ and α under the names {@code alpha} and {@code l1Ratio}). A fit at a
 * fixed α has an empty path and CV curve; a cross-validated fit has the whole path (α, deviance, number of non-zero
 * penalized coefficients, the coefficients themselves for the coefficient path chart), the CV curve (mean held-out deviance per observation and its standard error) and the α
 * chosen by {@code selection} (min or 1se; null for a fixed α). {@code l1Ratio} is the penalty's L1 share as fitted
 * (0 for ridge, 1 for lasso). {@code selectedFeatures} are the features with a non-zero coefficient.
 */
public record Regularization(PenaltyKind penalty, double l1Ratio, double alpha, double alphaMax, List<PathPoint> path,
                             Integer folds, Selection selection, List<CvPoint> cv, List<String> selectedFeatures) {

    public Regularization {
        path = List.copyOf(path);
        cv = List.copyOf(cv);
        selectedFeatures = List.copyOf(selectedFeatures);
    }

    /**
     * One α of the path: the full data's deviance there, its number of non-zero penalized coefficients and every
     * coefficient (original scale, in the model's feature order; empty for a model stored before they were kept).
     */
    public record PathPoint(double alpha, double deviance, int nonZero, List<Double> coefficients) {
        public PathPoint {
            coefficients = coefficients == null ? List.of() : List.copyOf(coefficients);
        }

        public PathPoint(double alpha, double deviance, int nonZero) {
            this(alpha, deviance, nonZero, List.of());
        }
    }

    /** The same choice with the path's coefficients replaced (as read back from a stored model). */
    public Regularization withPath(List<PathPoint> newPath) {
        return new Regularization(penalty, l1Ratio, alpha, alphaMax, newPath, folds, selection, cv, selectedFeatures);
    }

    public record CvPoint(double alpha, double meanDeviance, double standardError) {
    }
}
