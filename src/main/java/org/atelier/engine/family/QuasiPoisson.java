package org.atelier.engine.family;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Poisson mean-variance relation with a free (Pearson) scale; no likelihood, so no AIC. */
public record QuasiPoisson() implements Family {
    public String id() { return "quasipoisson"; }
    public String displayName() { return "QuasiPoisson"; }
    public Link defaultLink() { return Link.LOG; }
    public Optional<Link> canonicalLink() { return Optional.of(Link.LOG); }
    public Set<Link> allowedLinks() { return EnumSet.of(Link.LOG, Link.IDENTITY); }
    public double variance(double mu) { return mu; }
    @Override public boolean devianceFromLogMean() { return true; }
    public double unitDeviance(double y, double mu) { return 2 * (Family.xlogxm(y, mu) - (y - mu)); }
    public boolean validMu(double mu) { return Double.isFinite(mu) && mu > 0; }
    public double startMu(double y, double weight) { return y + 0.1; }
    public String invalidResponse(double y) { return y < 0 ? "negative values are not allowed for the quasiPoisson family" : null; }
    public boolean estimatesDispersion() { return true; }
    public boolean hasLikelihood() { return false; }
}
