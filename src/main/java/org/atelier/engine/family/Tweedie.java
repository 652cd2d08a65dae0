package org.atelier.engine.family;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.atelier.engine.error.ValidationError;

/**
 * Tweedie with variance power p: V(μ) = μᵖ (p = 0 normal, 1 Poisson, 1 < p < 2 compound Poisson-gamma, 2 gamma).
 * Deviance and starting values as statmod's {@code tweedie()}; the density has no closed form, so no AIC.
 */
public record Tweedie(double power) implements Family {
    public Tweedie {
        if (!(power == 0 || power >= 1) || !Double.isFinite(power)) {
            throw new ValidationError("Tweedie var_power " + power + " is not allowed: use 0 or a value of at least 1 (1 < p < 2 for claims costs)");
        }
    }

    public String id() { return "tweedie"; }
    public String displayName() { return "Tweedie(p=" + power + ")"; }
    public Link defaultLink() { return Link.LOG; }
    public Optional<Link> canonicalLink() { return Optional.empty(); }
    public Set<Link> allowedLinks() { return EnumSet.of(Link.LOG, Link.IDENTITY, Link.INVERSE); }
    public double variance(double mu) { return power == 0 ? 1 : Math.pow(mu, power); }

    public double unitDeviance(double y, double mu) {
        if (power == 0) {
            double r = y - mu;
            return r * r;
        }
        if (power == 1) {
            return 2 * (Family.xlogxm(y, mu) - (y - mu));
        }
        if (power == 2) {
            return 2 * (-Math.log(y / mu) + (y - mu) / mu);
        }
        double a = y == 0 ? 0 : Math.pow(y, 2 - power) / ((1 - power) * (2 - power));
        double b = y * Math.pow(mu, 1 - power) / (1 - power);
        double c = Math.pow(mu, 2 - power) / (2 - power);
        return 2 * (a - b + c);
    }

    public boolean validMu(double mu) { return power == 0 ? Double.isFinite(mu) : Double.isFinite(mu) && mu > 0; }
    public double startMu(double y, double weight) { return power == 0 ? y : y + 0.1 * (y == 0 ? 1 : 0); }

    public String invalidResponse(double y) {
        if (power == 0) {
            return null;
        }
        if (power < 2) {
            return y < 0 ? "negative values are not allowed for the Tweedie family with 1 <= p < 2" : null;
        }
        return y <= 0 ? "non-positive values are not allowed for the Tweedie family with p >= 2" : null;
    }

    public boolean estimatesDispersion() { return true; }
    public boolean hasLikelihood() { return false; }
}
