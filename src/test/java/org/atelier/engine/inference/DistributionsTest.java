package org.atelier.engine.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Reference values (R / SciPy): 2*pnorm(-z), 2*pt(-t, df), lgamma, digamma, trigamma. */
class DistributionsTest {
    @Test
    void normalAndStudentTails() {
        assertEquals(0.04999579029644087, Distributions.normalTwoSided(1.96), 1e-15);
        assertEquals(1.0, Distributions.normalTwoSided(0), 0);
        assertEquals(0.3173105078629141, Distributions.normalTwoSided(-1), 1e-14);
        assertEquals(4.162750438986456e-23, Distributions.normalTwoSided(9.9), 1e-35);
        assertEquals(0.07338803477074037, Distributions.studentTwoSided(2, 10), 1e-14);
        assertEquals(0.5, Distributions.studentTwoSided(1, 1), 1e-13);
        assertEquals(0.012422510545954266, Distributions.studentTwoSided(2.5, 49957), 1e-12);
        assertEquals(1.0, Distributions.studentTwoSided(0, 5), 0);
        assertEquals(0.975, Distributions.normalCdf(Distributions.Z_975), 1e-15);
        assertEquals("***", Distributions.significance(1e-5));
        assertEquals("**", Distributions.significance(0.005));
        assertEquals("*", Distributions.significance(0.02));
        assertEquals(".", Distributions.significance(0.07));
        assertEquals("", Distributions.significance(0.5));
    }

    @Test
    void gammaFunctions() {
        assertEquals(0.5723649429247001, SpecialFunctions.lgamma(0.5), 1e-13);
        assertEquals(12.801827480081467, SpecialFunctions.lgamma(10), 1e-13);
        assertEquals(857.9336698258574, SpecialFunctions.lgamma(200), 1e-11);
        assertEquals(-0.5772156649015329, SpecialFunctions.digamma(1), 1e-13);
        assertEquals(2.251752589066721, SpecialFunctions.digamma(10), 1e-13);
        assertEquals(Math.PI * Math.PI / 6, SpecialFunctions.trigamma(1), 1e-14);
        assertEquals(4.934802200544679, SpecialFunctions.trigamma(0.5), 1e-13);
    }
}
