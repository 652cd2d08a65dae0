package org.atelier.engine.fit;

import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.DoubleSupplier;
import org.atelier.engine.design.DesignMatrix;
import org.atelier.engine.design.TermEncoder;
import org.atelier.engine.family.Family;
import org.atelier.engine.family.Link;
import org.atelier.engine.family.NegativeBinomial;
import org.atelier.engine.spec.ModelSpec;

/**
 * The tail every kind of fit ends with, once its estimates are in: the dispersion, the null deviance, AIC/BIC and
 * the degrees of freedom, from the one count of parameters each kind gives (p for maximum likelihood, the free
 * coefficients of a constrained fit, a smoothed fit's edf, a penalized fit's non-zero coefficients).
 */
final class FitFinish {
    private FitFinish() {
    }

    /** What the model was fitted on: the same for every kind of fit. */
    record Data(ModelSpec spec, Link link, List<TermEncoder> encoders, DesignMatrix x, double[] y, double[] prior,
                double[] offset, int observations, FitSettings settings, long startNanos) {
        IrlsProblem problem(Family family) {
            return new IrlsProblem(x, y, prior, offset, family, link, settings.backend());
        }
    }

    /**
     * What a kind of fit found. {@code parameters}: the coefficients it estimated (with the intercept; an edf for
     * smooths); {@code thetaEstimated}: θ was estimated too (it counts as a parameter); {@code likelihoodCounted}:
     * AIC/BIC are defined (a penalized fit has no agreed number of parameters); {@code pearson}: Pearson's χ² for the
     * dispersion; {@code covariance}: the coefficients' covariance at a dispersion; {@code nullDeviance}: NaN to
     * compute R's.
     */
    record Estimates(Family family, double[] beta, double[] mu, double deviance, int iterations,
                     List<IterationTrace> trace, double parameters, boolean thetaEstimated, boolean likelihoodCounted,
                     DoubleSupplier pearson, DoubleFunction<double[]> covariance, double nullDeviance,
                     Regularization regularization, List<Smooth> smooths) {
    }

    static FittedModel finish(Data data, Estimates e) {
        Family family = e.family();
        ModelSpec spec = data.spec();
        int nOk = data.observations();
        double dfResidual = nOk - e.parameters();
        double dispersion = 1;
        if (family.estimatesDispersion()) {
            dispersion = dfResidual > 0 ? e.pearson().getAsDouble() / dfResidual : Double.NaN;
        }
        double nullDeviance = Double.isNaN(e.nullDeviance())
                ? GlmFitter.nullDeviance(spec.intercept(), data.y(), data.prior(), data.offset(), family, data.link(),
                e.mu(), spec.fitOptions(), data.settings())
                : e.nullDeviance();
        double aic = Double.NaN;
        double bic = Double.NaN;
        if (family.hasLikelihood() && e.likelihoodCounted()) {
            double theta = e.thetaEstimated() ? 1 : 0;
            aic = family.aicTerm(data.y(), e.mu(), data.prior(), e.deviance()) + 2 * (e.parameters() + theta);
            bic = aic + (Math.log(nOk) - 2) * (e.parameters() + family.extraParameters() + theta);
        }
        double[] covariance = e.covariance().apply(dispersion);
        long millis = (System.nanoTime() - data.startNanos()) / 1_000_000;
        FitStatistics stats = new FitStatistics(true, e.iterations(), e.deviance(), nullDeviance, aic, bic,
                (int) Math.round(e.parameters() - (spec.intercept() ? 1 : 0)), (int) Math.round(dfResidual),
                data.y().length, dispersion, family instanceof NegativeBinomial nb ? nb.theta() : Double.NaN,
                family.estimatesDispersion(), millis, data.settings().backend().name());
        DesignMatrix x = data.x();
        return new FittedModel(spec, family, data.link(), data.encoders(), x.featureNames(), x.factorNames(), e.beta(),
                covariance, stats, e.trace(), e.regularization(), e.smooths());
    }

    /**
     * Pearson's χ² at the fitted means, Σ w (y - μ)² / V(μ): for fits with no summary.glm working weights to reuse
     * (penalized, constrained, smoothed), from the prior weights and the variance function.
     */
    static double pearson(double[] y, double[] prior, double[] mu, Family family) {
        double pearson = 0;
        for (int i = 0; i < y.length; i++) {
            if (prior[i] > 0) {
                double r = y[i] - mu[i];
                pearson += prior[i] * r * r / family.variance(mu[i]);
            }
        }
        return pearson;
    }

    /**
     * Pearson's χ² as summary.glm computes it: Σ W (y - μ)² / μ'(η)² with the last iteration's working weights
     * W = w μ'² / V (so, at convergence, Σ w (y - μ)² / V(μ)).
     */
    static double workingPearson(double[] y, IrlsResult result, Link link) {
        double pearson = 0;
        double[] w = result.workingWeights();
        for (int i = 0; i < y.length; i++) {
            if (w[i] > 0) {
                double r = (y[i] - result.mu()[i]) / link.muEta(result.eta()[i]);
                pearson += w[i] * r * r;
            }
        }
        return pearson;
    }
}
