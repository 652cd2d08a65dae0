package org.atelier.engine.fit;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.atelier.data.SampleModel;
import org.atelier.data.SamplePortfolio;
import org.atelier.engine.design.CategoricalEncoder;
import org.atelier.engine.design.LinearEncoder;
import org.atelier.engine.design.SplineEncoder;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.TermType;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model stored in the first format (no regularization, smooths or validation sections; splines without their
 * penalty and monotonicity fields), kept as a fixture: Poisson with exposure, Area, a natural spline of DrivAge with
 * 3 df and BonusMalus, fitted on the sample portfolio's first 2,000 rows of seed 21. It still reads, and predicts
 * as today's fit of the same model does.
 */
class ModelFormatOneTest {

    @Test
    void aVersionOneModelReadsAndPredictsAsTodaysFit() throws IOException {
        byte[] fixture;
        try (InputStream in = getClass().getResourceAsStream("/engine/model-format-1.bin")) {
            fixture = in.readAllBytes();
        }
        assertEquals(1, java.nio.ByteBuffer.wrap(fixture).getInt(4), "the fixture is in format 1");
        FittedModel stored = ModelSerializer.read(fixture);
        Frame frame = SamplePortfolio.generate(21L, 2000);
        ModelSpec spec = new ModelSpec("ClaimNb", List.of(TermSpec.categorical("Area"),
                new TermSpec("DrivAge", TermType.NS, 3, null, null, null, null, null, null, null), TermSpec.linear("BonusMalus")),
                List.of(), "poisson", null, 1.5, null, "Exposure", null, true, SampleModel.frequency().fitOptions());
        FittedModel today = GlmFitter.fit(spec, frame);

        assertEquals(spec, stored.spec());
        assertNull(stored.spec().validation());
        assertNull(stored.regularization());
        assertTrue(stored.smooths().isEmpty());
        assertTrue(stored.encoders().get(0) instanceof CategoricalEncoder);
        SplineEncoder spline = (SplineEncoder) stored.encoders().get(1);
        assertFalse(spline.penalized());
        assertEquals(0, spline.direction());
        assertTrue(stored.encoders().get(2) instanceof LinearEncoder);
        assertEquals(today.features(), stored.features());
        for (int j = 0; j < today.coefficients().length; j++) {
            assertEquals(today.coefficients()[j], stored.coefficients()[j], 1e-9 * Math.abs(today.coefficients()[j]));
        }
        double[] expected = today.predict(frame);
        double[] predicted = stored.predict(frame);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], predicted[i], 1e-9 * expected[i]);
        }
        // written again, it is in today's format and reads back the same
        byte[] rewritten = ModelSerializer.write(stored);
        assertEquals(3, java.nio.ByteBuffer.wrap(rewritten).getInt(4));
        assertArrayEquals(stored.coefficients(), ModelSerializer.read(rewritten).coefficients());
    }
}
