package org.atelier.engine.family;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.atelier.engine.inference.SpecialFunctions;

/** Counts, V(μ) = μ, scale 1. */
public record Poisson() implements Family {
    public String id() { return "poisson"; }
    public String displayName() { return "Poisson"; }
    public Link defaultLink() { return Link.LOG; }
    public Optional<Link> canonicalLink() { return Optional.of(Link.LOG); }
    public Set<Link> allowedLinks() { return EnumSet.of(Link.LOG, Link.IDENTITY); }
    public double variance(double mu) { return mu; }
    @Override public boolean devianceFromLogMean() { return true; }
    public double unitDeviance(double y, double mu) { return 2 * (Family.xlogxm(y, mu) - (y - mu)); }
    public boolean validMu(double mu) { return Double.isFinite(mu) && mu > 0; }
    public double startMu(double y, double weight) { return y + 0.1; }
    public String invalidResponse(double y) { return y < 0 ? "negative values are not allowed for the Poisson family" : null; }
    public boolean estimatesDispersion() { return false; }

    @Override
    public double aicTerm(double[] y, double[] mu, double[] weights, double deviance) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double w = weights == null ? 1 : weights[i];
            if (w != 0) {
                sum += w * SpecialFunctions.poissonLogDensity(y[i], mu[i]);
            }
        }
        return -2 * sum;
    }
}
