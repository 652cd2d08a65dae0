package org.atelier.engine.family;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.atelier.engine.inference.SpecialFunctions;

/** Positive amounts (severities), V(μ) = μ², scale estimated. */
public record Gamma() implements Family {
    public String id() { return "gamma"; }
    public String displayName() { return "Gamma"; }
    public Link defaultLink() { return Link.LOG; }
    public Optional<Link> canonicalLink() { return Optional.of(Link.INVERSE); }
    public Set<Link> allowedLinks() { return EnumSet.of(Link.LOG, Link.INVERSE, Link.IDENTITY); }
    public double variance(double mu) { return mu * mu; }
    public double unitDeviance(double y, double mu) { return -2 * (Math.log(y / mu) - (y - mu) / mu); }
    public boolean validMu(double mu) { return Double.isFinite(mu) && mu > 0; }
    public double startMu(double y, double weight) { return y; }
    public String invalidResponse(double y) { return y <= 0 ? "non-positive values are not allowed for the Gamma family" : null; }
    public boolean estimatesDispersion() { return true; }
    public int extraParameters() { return 1; }

    @Override
    public double aicTerm(double[] y, double[] mu, double[] weights, double deviance) {
        // R: n <- sum(wt); disp <- dev/n; -2*sum(dgamma(y, 1/disp, scale=mu*disp, log=TRUE)*wt) + 2
        double n = 0;
        for (int i = 0; i < y.length; i++) {
            n += weights == null ? 1 : weights[i];
        }
        double disp = deviance / n;
        double shape = 1 / disp;
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double w = weights == null ? 1 : weights[i];
            if (w != 0) {
                sum += w * SpecialFunctions.gammaLogDensity(y[i], shape, mu[i] * disp);
            }
        }
        return -2 * sum + 2;
    }
}
