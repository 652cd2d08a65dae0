package org.atelier.engine.fit;

import java.util.List;
import org.atelier.engine.Frames;
import org.atelier.engine.TestCsv;
import org.atelier.engine.design.SplineEncoder;
import org.atelier.engine.error.ValidationError;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.TermType;
import org.atelier.engine.spline.SplineBasis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Quantile knots on tied data (63% of the portfolio's BonusMalus is 50): duplicates go, the fit says so. */
class TiedKnotsTest {
    private static Frame portfolio;

    @BeforeAll
    static void read() {
        portfolio = TestCsv.resource("refs/portfolio50k.csv.gz");
    }

    private static FittedModel fit(TermSpec term) {
        return GlmFitter.fit(ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("Area"), term))
                .withOffset("Exposure"), portfolio);
    }

    @Test
    void coincidingQuantileKnotsAreDroppedAndTheFitWarns() {
        FittedModel model = fit(TermSpec.ns("BonusMalus", 4));
        assertEquals(List.of("ns(BonusMalus, df=4): 2 of 3 interior knots coincide at 50, the lower boundary knot "
                + "(63% of rows have that value); fitted with df=2"), model.warnings());
        assertEquals(List.of("ns(BonusMalus, 1/2)", "ns(BonusMalus, 2/2)"),
                model.features().subList(model.features().size() - 2, model.features().size()));
        SplineEncoder spline = (SplineEncoder) model.encoders().get(1);
        assertEquals(1, spline.basis().interiorKnots().length);
        assertTrue(spline.basis().interiorKnots()[0] > 50);
        // the warning is part of the model: it survives storage
        assertEquals(model.warnings(), ModelSerializer.read(ModelSerializer.write(model)).warnings());
    }

    @Test
    void bsAndPenalizedSmoothsDropTheirTiedKnotsToo() {
        FittedModel bs = fit(TermSpec.bs("BonusMalus", 6, 3));
        assertEquals(1, bs.warnings().size());
        assertTrue(bs.warnings().getFirst().startsWith("bs(BonusMalus, df=6): 2 of 3 interior knots coincide at 50"),
                bs.warnings().getFirst());
        assertTrue(bs.warnings().getFirst().endsWith("fitted with df=4"), bs.warnings().getFirst());
        FittedModel smooth = fit(new TermSpec("BonusMalus", TermType.BS, null, 10, null, null, null, null, null, null));
        assertTrue(smooth.warnings().getFirst().startsWith("bs(BonusMalus, k=10): "), smooth.warnings().getFirst());
        assertEquals(smooth.smooths().getFirst().k(), ((SplineEncoder) smooth.encoders().get(1)).df());
    }

    @Test
    void untiedDataKeepsRsKnotsAndNoWarning() {
        double[] x = {18, 19, 20, 22, 25, 30, 33, 37, 41, 45, 50, 55, 60, 66, 72, 80, 90, 99};
        for (boolean natural : new boolean[] {true, false}) {
            SplineBasis.Learned learned = SplineBasis.learnDistinct(natural, 5, 3, x);
            assertArrayEquals(SplineBasis.learn(natural, 5, 3, x).interiorKnots(), learned.basis().interiorKnots());
            assertTrue(learned.ties().isEmpty());
        }
        assertTrue(fit(TermSpec.ns("DrivAge", 4)).warnings().isEmpty());
    }

    @Test
    void explicitKnotsThatCoincideAreRefused() {
        Frame f = Frames.builder().numeric("x", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10).build();
        ValidationError twice = assertThrows(ValidationError.class,
                () -> SplineEncoder.withKnots(f, "x", true, new double[] {4, 6, 4}, null));
        assertEquals("Term 'x': ns knot 4 is given twice; knots must be distinct", twice.getMessage());
        ValidationError boundary = assertThrows(ValidationError.class,
                () -> SplineEncoder.withKnots(f, "x", false, new double[] {1, 5}, 3));
        assertEquals("Term 'x': bs knot 1 is not inside the data range 1 to 10 (the boundary knots)", boundary.getMessage());
        assertEquals(4, SplineEncoder.withKnots(f, "x", true, new double[] {6, 3, 8}, null).basis().columns());
    }
}
