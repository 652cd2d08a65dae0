package org.atelier.engine.family;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.atelier.engine.error.ValidationError;

/**
 * An exponential-dispersion family: variance function, unit deviance, R's starting values and (where a
 * likelihood exists) R's AIC contribution. Implementations are records so a fitted model can carry them.
 */
public sealed interface Family
        permits Gaussian, Poisson, Binomial, Gamma, Tweedie, QuasiPoisson, QuasiBinomial, NegativeBinomial {

    /** The spec's name, e.g. {@code poisson}. */
    String id();

    /** The name as summaries print it, e.g. {@code Poisson}. */
    String displayName();

    /**
     * The link a spec without one gets. It is the canonical link except for Gamma, Tweedie and the negative binomial,
     * where Atelier (like most pricing tools, and unlike R's {@code Gamma()}, which defaults to the inverse) uses log,
     * because a rating structure is multiplicative.
     */
    Link defaultLink();

    /**
     * The canonical link (the one that makes η the natural parameter) when Atelier offers it: none for Tweedie (its
     * canonical link is the power link μ^(1-p)) or the negative binomial (log(μ/(μ+θ)), which depends on θ).
     */
    Optional<Link> canonicalLink();

    /** Links R (or statmod/MASS) accept for this family. */
    Set<Link> allowedLinks();

    /** V(μ). */
    double variance(double mu);

    /** Unit deviance d(y, μ) for prior weight 1: the deviance is Σ wᵢ d(yᵢ, μᵢ). */
    double unitDeviance(double y, double mu);

    /** Whether μ lies in the family's domain (positive for counts and amounts, (0,1) for proportions). */
    boolean validMu(double mu);

    /** R's {@code mustart}: the starting mean for one observation. */
    double startMu(double y, double weight);

    /** Why a response value is not allowed, or null when it is; checked on rows with positive weight. */
    String invalidResponse(double y);

    /** True when the dispersion is estimated (Pearson χ²/df) rather than fixed at 1; also selects t over z. */
    boolean estimatesDispersion();

    /**
     * R's {@code family$aic(y, n, mu, wt, dev)}: -2 log-likelihood (plus 2 for an estimated scale where R adds it),
     * or NaN where no likelihood exists (quasi families, Tweedie).
     */
    default double aicTerm(double[] y, double[] mu, double[] weights, double deviance) {
        return Double.NaN;
    }

    /** Parameters beyond the coefficients that the likelihood estimates (the scale of gaussian and Gamma). */
    default int extraParameters() {
        return 0;
    }

    default boolean hasLikelihood() {
        return true;
    }

    /**
     * True when V(μ) = μ and the unit deviance is Poisson's, 2(y log(y/μ) - (y - μ)): with a log link the deviance
     * and score then follow from η with one exp per row and no logarithm or division (the penalized fits' fast path).
     */
    default boolean devianceFromLogMean() {
        return false;
    }

    /** The spec names of the families, in the order the workbench offers them. */
    List<String> IDS = List.of("gaussian", "poisson", "binomial", "gamma", "tweedie", "quasipoisson", "quasibinomial",
            "negbinomial");

    /** Resolves a spec's family name, Tweedie power and negative-binomial θ (NaN = estimate). */
    static Family of(String id, double varPower, double theta) {
        return switch (id == null ? "gaussian" : id.toLowerCase()) {
            case "gaussian" -> new Gaussian();
            case "poisson" -> new Poisson();
            case "binomial" -> new Binomial();
            case "gamma" -> new Gamma();
            case "tweedie" -> new Tweedie(varPower);
            case "quasipoisson" -> new QuasiPoisson();
            case "quasibinomial" -> new QuasiBinomial();
            case "negbinomial", "negativebinomial", "negative_binomial" -> new NegativeBinomial(theta);
            default -> throw new ValidationError("Unknown family '" + id + "': expected one of " + String.join(", ", IDS));
        };
    }

    /** Σ wᵢ d(yᵢ, μᵢ) over rows with positive weight. */
    default double deviance(double[] y, double[] mu, double[] weights) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double w = weights == null ? 1 : weights[i];
            if (w > 0) {
                sum += w * unitDeviance(y[i], mu[i]);
            }
        }
        return sum;
    }

    /** x log(x/m) with the convention 0 log 0 = 0, as R's {@code y_log_y}. */
    static double xlogxm(double x, double m) {
        return x == 0 ? 0 : x * Math.log(x / m);
    }
}
