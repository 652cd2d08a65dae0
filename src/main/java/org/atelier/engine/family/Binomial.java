package org.atelier.engine.family;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.atelier.engine.inference.SpecialFunctions;

/** Proportions in [0, 1] with prior weights as numbers of trials; V(μ) = μ(1-μ), scale 1. */
public record Binomial() implements Family {
    public String id() { return "binomial"; }
    public String displayName() { return "Binomial"; }
    public Link defaultLink() { return Link.LOGIT; }
    public Optional<Link> canonicalLink() { return Optional.of(Link.LOGIT); }
    public Set<Link> allowedLinks() { return EnumSet.of(Link.LOGIT, Link.LOG, Link.IDENTITY); }
    public double variance(double mu) { return mu * (1 - mu); }
    public double unitDeviance(double y, double mu) { return binomialDeviance(y, mu); }
    public boolean validMu(double mu) { return mu > 0 && mu < 1; }
    public double startMu(double y, double weight) { return (weight * y + 0.5) / (weight + 1); }
    public String invalidResponse(double y) { return y < 0 || y > 1 ? "values must be between 0 and 1 for the binomial family" : null; }
    public boolean estimatesDispersion() { return false; }

    static double binomialDeviance(double y, double mu) {
        return 2 * (Family.xlogxm(y, mu) + Family.xlogxm(1 - y, 1 - mu));
    }

    @Override
    public double aicTerm(double[] y, double[] mu, double[] weights, double deviance) {
        // R: -2*sum(ifelse(m > 0, wt/m, 0) * dbinom(round(m*y), round(m), mu, log=TRUE)) with m = weights
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double m = weights == null ? 1 : weights[i];
            if (m > 0) {
                sum += SpecialFunctions.binomialLogDensity(Math.rint(m * y[i]), Math.rint(m), mu[i]);
            }
        }
        return -2 * sum;
    }
}
