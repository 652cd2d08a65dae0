package org.atelier.fit;

import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.fit.ModelSerializer;
import org.atelier.model.FactorRelativities;
import org.atelier.model.ModelService;
import org.springframework.stereotype.Service;

/**
 * Relativity curves of a stored model at a base value the user picks: read from the model's stored coefficients
 * and covariance (its serialised form), so the view redraws without a refit and without the data.
 */
@Service
public class RelativityService {
    private final ModelService models;
    /** The last model read: a user trying base values works on one model at a time. */
    private volatile Loaded last;

    private record Loaded(String modelId, FittedModel model) {
    }

    public RelativityService(ModelService models) {
        this.models = models;
    }

    /**
     * The factor's curve relative to {@code base} (where it is 1), its band recomputed from the covariance.
     *
     * @throws IllegalArgumentException when the base is not a finite number or the model has no curve for it
     */
    public FactorRelativities rebased(String modelId, FactorRelativities factor, double base) {
        if (!Double.isFinite(base)) {
            throw new IllegalArgumentException("The base value of " + factor.factor() + " must be a number");
        }
        if (factor.curve().isEmpty()) {
            throw new IllegalArgumentException(factor.factor() + " is not a curve: its base is a level");
        }
        return RelativityTables.rebased(model(modelId), factor, base);
    }

    private FittedModel model(String modelId) {
        Loaded loaded = last;
        if (loaded == null || !loaded.modelId().equals(modelId)) {
            byte[] bytes = models.modelBytes(modelId);
            if (bytes == null) {
                throw new IllegalArgumentException("Model " + modelId + " has no stored fit");
            }
            loaded = new Loaded(modelId, ModelSerializer.read(bytes));
            last = loaded;
        }
        return loaded.model();
    }
}
