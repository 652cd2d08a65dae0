package org.atelier.engine.family;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.atelier.engine.inference.SpecialFunctions;

/**
 * Negative binomial with shape θ: V(μ) = μ + μ²/θ, scale 1 (MASS's {@code negative.binomial(theta)}).
 * θ = NaN means "estimate": the fitter alternates IRLS with θ's maximum likelihood, as {@code glm.nb} does,
 * and returns a family with the estimate filled in.
 */
public record NegativeBinomial(double theta) implements Family {
    public String id() { return "negbinomial"; }
    public String displayName() { return "NegativeBinomial(theta=" + (Double.isNaN(theta) ? "?" : String.format("%.4g", theta)) + ")"; }
    public Link defaultLink() { return Link.LOG; }
    public Optional<Link> canonicalLink() { return Optional.empty(); }
    public Set<Link> allowedLinks() { return EnumSet.of(Link.LOG, Link.IDENTITY); }
    public double variance(double mu) { return mu + mu * mu / theta; }

    public double unitDeviance(double y, double mu) {
        // MASS: 2*(y*log(pmax(1, y)/mu) - (y + theta)*log((y + theta)/(mu + theta)))
        return 2 * (y * Math.log(Math.max(1, y) / mu) - (y + theta) * Math.log((y + theta) / (mu + theta)));
    }

    public boolean validMu(double mu) { return Double.isFinite(mu) && mu > 0; }
    public double startMu(double y, double weight) { return y + (y == 0 ? 1.0 / 6 : 0); }
    public String invalidResponse(double y) { return y < 0 ? "negative values are not allowed for the negative binomial family" : null; }
    public boolean estimatesDispersion() { return false; }

    public boolean thetaEstimated() {
        return Double.isNaN(theta);
    }

    public NegativeBinomial withTheta(double newTheta) {
        return new NegativeBinomial(newTheta);
    }

    @Override
    public double aicTerm(double[] y, double[] mu, double[] weights, double deviance) {
        return -2 * logLikelihood(y, mu, weights, theta);
    }

    /** MASS's {@code loglik}: Σ w (lgamma(θ+y) - lgamma(θ) - lgamma(y+1) + θ log θ + y log(μ + [y=0]) - (θ+y) log(θ+μ)). */
    public static double logLikelihood(double[] y, double[] mu, double[] weights, double theta) {
        double lgTheta = SpecialFunctions.lgamma(theta);
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double w = weights == null ? 1 : weights[i];
            if (w == 0) {
                continue;
            }
            double yi = y[i];
            double m = mu[i];
            sum += w * (SpecialFunctions.lgamma(theta + yi) - lgTheta - SpecialFunctions.lgamma(yi + 1)
                    + theta * Math.log(theta) + yi * Math.log(m + (yi == 0 ? 1 : 0)) - (theta + yi) * Math.log(theta + m));
        }
        return sum;
    }
}
