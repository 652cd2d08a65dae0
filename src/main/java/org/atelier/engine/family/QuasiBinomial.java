package org.atelier.engine.family;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Binomial mean-variance relation with a free (Pearson) scale; no AIC. */
public record QuasiBinomial() implements Family {
    public String id() { return "quasibinomial"; }
    public String displayName() { return "QuasiBinomial"; }
    public Link defaultLink() { return Link.LOGIT; }
    public Optional<Link> canonicalLink() { return Optional.of(Link.LOGIT); }
    public Set<Link> allowedLinks() { return EnumSet.of(Link.LOGIT, Link.LOG, Link.IDENTITY); }
    public double variance(double mu) { return mu * (1 - mu); }
    public double unitDeviance(double y, double mu) { return Binomial.binomialDeviance(y, mu); }
    public boolean validMu(double mu) { return mu > 0 && mu < 1; }
    public double startMu(double y, double weight) { return (weight * y + 0.5) / (weight + 1); }
    public String invalidResponse(double y) { return y < 0 || y > 1 ? "values must be between 0 and 1 for the quasibinomial family" : null; }
    public boolean estimatesDispersion() { return true; }
    public boolean hasLikelihood() { return false; }
}
