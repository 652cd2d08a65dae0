package org.atelier.engine.linalg;

import java.util.List;
import org.atelier.engine.TestCsv;
import org.atelier.engine.fit.FitSettings;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.fit.GlmFitter;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.Selection;
import org.atelier.engine.spec.TermSpec;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ND4J backend, on OpenBLAS (or on MKL, built with -Pmkl), gives the same fit as the others, to 1e-10. */
class Nd4jBackendTest {
    @Test
    void nd4jAgreesWithTheJavaKernel() {
        assertTrue(LinearAlgebras.available().contains("nd4j"));
        Frame frame = TestCsv.resource("refs/portfolio50k.csv.gz");
        ModelSpec spec = ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("Area"), TermSpec.linear("VehAge"),
                        TermSpec.bs("DrivAge", 5, null), TermSpec.linear("BonusMalus"), TermSpec.categorical("Region")))
                .withOffset("Exposure").withFitOptions(new FitOptions(0, 0, 50, 1e-10, null, null, Selection.MIN, 20, null));
        FittedModel java = GlmFitter.fit(spec, frame, FitSettings.backend("java"));
        // With -Pmkl the MKL backend is the one under test (javacpp loads a single BLAS per JVM).
        String name = LinearAlgebras.available().contains("mkl") ? "mkl" : "nd4j";
        FittedModel nd4j = GlmFitter.fit(spec, frame, FitSettings.backend(name));
        assertEquals(name, nd4j.statistics().backend());
        assertEquals(java.statistics().deviance(), nd4j.statistics().deviance(), 1e-10 * java.statistics().deviance());
        for (int j = 0; j < java.coefficients().length; j++) {
            assertEquals(java.coefficients()[j], nd4j.coefficients()[j], 1e-10 * Math.max(1, Math.abs(java.coefficients()[j])));
        }
    }
}
