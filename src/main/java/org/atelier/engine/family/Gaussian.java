package org.atelier.engine.family;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Normal errors, V(μ) = 1, scale estimated. */
public record Gaussian() implements Family {
    public String id() { return "gaussian"; }
    public String displayName() { return "Gaussian"; }
    public Link defaultLink() { return Link.IDENTITY; }
    public Optional<Link> canonicalLink() { return Optional.of(Link.IDENTITY); }
    public Set<Link> allowedLinks() { return EnumSet.of(Link.IDENTITY, Link.LOG, Link.INVERSE); }
    public double variance(double mu) { return 1.0; }
    public double unitDeviance(double y, double mu) { double r = y - mu; return r * r; }
    public boolean validMu(double mu) { return Double.isFinite(mu); }
    public double startMu(double y, double weight) { return y; }
    public String invalidResponse(double y) { return null; }
    public boolean estimatesDispersion() { return true; }
    public int extraParameters() { return 1; }

    @Override
    public double aicTerm(double[] y, double[] mu, double[] weights, double deviance) {
        // R: nobs*(log(2*pi*dev/nobs)+1)+2 - sum(log(wt)), nobs counting every row
        int n = y.length;
        double sumLogW = 0;
        if (weights != null) {
            for (double w : weights) {
                sumLogW += Math.log(w);
            }
        }
        return n * (Math.log(2 * Math.PI * deviance / n) + 1) + 2 - sumLogW;
    }
}
