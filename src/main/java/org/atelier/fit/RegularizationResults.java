package org.atelier.fit;

import java.util.List;
import java.util.Optional;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.fit.ModelSerializer;
import org.atelier.engine.fit.Regularization;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelService;
import org.atelier.model.ModelStatus;
import org.atelier.model.PenaltyPath;
import org.springframework.stereotype.Service;

/**
 * A penalized model's CV curve and path, read from the fitted model stored with it (the engine keeps them in the
 * model itself), so showing them never refits.
 */
@Service
public class RegularizationResults {
    private final ModelService models;

    public RegularizationResults(ModelService models) {
        this.models = models;
    }

    /** The model's path, or empty for an unpenalized or unfinished model. */
    public Optional<PenaltyPath> of(String modelId) {
        ModelDetail model = models.get(modelId);
        if (model.status() != ModelStatus.COMPLETED || !penalized(model)) {
            return Optional.empty();
        }
        FittedModel fitted = ModelSerializer.read(models.modelBytes(modelId));
        Regularization r = fitted.regularization();
        return r == null ? Optional.empty() : Optional.of(of(r, fitted.features()));
    }

    /** As the fitter decides it: a named penalty or a positive α. */
    private static boolean penalized(ModelDetail model) {
        return model.spec().fitOptions().regularization() != null || model.spec().fitOptions().alpha() != 0;
    }

    static PenaltyPath of(Regularization r, List<String> features) {
        return new PenaltyPath(r.penalty(), r.l1Ratio(), r.alpha(), r.alphaMax(), r.folds(), r.selection(), features,
                r.cv().stream().map(p -> new PenaltyPath.CvPoint(p.alpha(), p.meanDeviance(), p.standardError()))
                        .toList(),
                r.path().stream().map(p -> new PenaltyPath.PathPoint(p.alpha(), p.deviance(), p.nonZero(), p.coefficients()))
                        .toList());
    }
}
