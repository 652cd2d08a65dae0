package org.atelier.engine.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property tests of the identities IRLS relies on, on random points of each family's domain:
 * ∂d(y,μ)/∂μ = -2 (y - μ) / V(μ) ties the deviance to the variance; d(y, y) = 0 and d ≥ 0;
 * g⁻¹(g(μ)) = μ; μ'(η) is the derivative of g⁻¹.
 */
class FamilyIdentitiesTest {
    private static final List<Family> FAMILIES = List.of(new Gaussian(), new Poisson(), new Binomial(), new Gamma(),
            new Tweedie(1.5), new Tweedie(1.2), new Tweedie(2.5), new QuasiPoisson(), new QuasiBinomial(),
            new NegativeBinomial(2.5));

    private static boolean proportion(Family f) {
        return f instanceof Binomial || f instanceof QuasiBinomial;
    }

    private static double sampleMu(Family f, Random rnd) {
        if (proportion(f)) return 0.02 + 0.96 * rnd.nextDouble();
        if (f instanceof Gaussian) return rnd.nextGaussian() * 5;
        return 0.05 + 10 * rnd.nextDouble();
    }

    private static double sampleY(Family f, Random rnd) {
        if (proportion(f)) return rnd.nextInt(4) == 0 ? rnd.nextInt(2) : rnd.nextDouble();
        if (f instanceof Gaussian) return rnd.nextGaussian() * 5;
        if (f instanceof Gamma || (f instanceof Tweedie t && t.power() >= 2)) return 0.01 + 20 * rnd.nextDouble();
        return rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(15);
    }

    @Test
    void devianceDerivativeIsMinusTwoResidualOverVariance() {
        Random rnd = new Random(11);
        for (Family f : FAMILIES) {
            for (int k = 0; k < 500; k++) {
                double mu = sampleMu(f, rnd);
                double y = sampleY(f, rnd);
                double h = 1e-6 * Math.max(1e-3, Math.abs(mu));
                if (proportion(f)) h = Math.min(h, 1e-7);
                double numeric = (f.unitDeviance(y, mu + h) - f.unitDeviance(y, mu - h)) / (2 * h);
                double exact = -2 * (y - mu) / f.variance(mu);
                assertEquals(exact, numeric, 1e-5 * Math.max(1, Math.abs(exact)), f + " y=" + y + " mu=" + mu);
            }
        }
    }

    @Test
    void devianceIsZeroAtTheDataAndPositiveElsewhere() {
        Random rnd = new Random(12);
        for (Family f : FAMILIES) {
            for (int k = 0; k < 500; k++) {
                double y = sampleY(f, rnd);
                double mu = sampleMu(f, rnd);
                boolean interior = !proportion(f) || (y > 0 && y < 1);
                if (f.validMu(y) && interior) {
                    assertEquals(0, f.unitDeviance(y, y), 1e-12 * Math.max(1, Math.abs(y)), f + " y=" + y);
                }
                assertTrue(f.unitDeviance(y, mu) >= -1e-12, f + " y=" + y + " mu=" + mu);
                assertTrue(f.variance(mu) > 0, f.toString());
            }
        }
    }

    @Test
    void linksInvertAndDifferentiate() {
        Random rnd = new Random(13);
        for (Link link : Link.values()) {
            for (int k = 0; k < 1000; k++) {
                double mu = link == Link.LOGIT ? 0.001 + 0.998 * rnd.nextDouble()
                        : link == Link.IDENTITY ? rnd.nextGaussian() * 10 : 0.01 + 50 * rnd.nextDouble();
                double eta = link.link(mu);
                assertEquals(mu, link.inverse(eta), 1e-12 * Math.max(1, Math.abs(mu)), link + " mu=" + mu);
                double h = 1e-6 * Math.max(1, Math.abs(eta));
                double numeric = (link.inverse(eta + h) - link.inverse(eta - h)) / (2 * h);
                assertEquals(numeric, link.muEta(eta), 1e-6 * Math.max(1e-3, Math.abs(numeric)), link + " eta=" + eta);
            }
        }
    }

    @Test
    void defaultLinksAreCanonicalExceptLogForAmountsAndOverDispersedCounts() {
        assertEquals(Link.IDENTITY, Family.of("gaussian", 1.5, Double.NaN).defaultLink());
        assertEquals(Link.LOG, Family.of("poisson", 1.5, Double.NaN).defaultLink());
        assertEquals(Link.LOGIT, Family.of("binomial", 1.5, Double.NaN).defaultLink());
        assertEquals(Link.LOG, Family.of("gamma", 1.5, Double.NaN).defaultLink());
        assertEquals(Link.LOG, Family.of("tweedie", 1.5, Double.NaN).defaultLink());
        assertEquals(Link.LOG, Family.of("quasipoisson", 1.5, Double.NaN).defaultLink());
        assertEquals(Link.LOGIT, Family.of("quasibinomial", 1.5, Double.NaN).defaultLink());
        assertEquals(Link.LOG, Family.of("negbinomial", 1.5, Double.NaN).defaultLink());
    }

    @Test
    void theCanonicalLinkIsTheNaturalParameterWhereOffered() {
        assertEquals(java.util.Optional.of(Link.INVERSE), Family.of("gamma", 1.5, Double.NaN).canonicalLink());
        assertEquals(java.util.Optional.of(Link.LOG), Family.of("poisson", 1.5, Double.NaN).canonicalLink());
        assertEquals(java.util.Optional.empty(), Family.of("tweedie", 1.5, Double.NaN).canonicalLink());
        assertEquals(java.util.Optional.empty(), Family.of("negbinomial", 1.5, Double.NaN).canonicalLink());
    }

    @Test
    void tweedieReducesToPoissonAndGammaDeviances() {
        Random rnd = new Random(14);
        for (int k = 0; k < 200; k++) {
            double mu = 0.1 + 5 * rnd.nextDouble();
            double y = 0.1 + 5 * rnd.nextDouble();
            assertEquals(new Poisson().unitDeviance(y, mu), new Tweedie(1).unitDeviance(y, mu), 1e-12);
            assertEquals(new Gamma().unitDeviance(y, mu), new Tweedie(2).unitDeviance(y, mu), 1e-12);
            // p → 1 from above approaches the Poisson deviance continuously
            assertEquals(new Poisson().unitDeviance(y, mu), new Tweedie(1 + 1e-7).unitDeviance(y, mu), 1e-5);
        }
    }
}
