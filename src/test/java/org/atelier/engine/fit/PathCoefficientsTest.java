package org.atelier.engine.fit;

import java.util.List;
import org.atelier.engine.TestCsv;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.PenaltyKind;
import org.atelier.engine.spec.Selection;
import org.atelier.engine.spec.TermSpec;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A cross-validated path keeps every coefficient at each α (the coefficient path chart), through a round trip. */
class PathCoefficientsTest {

    @Test
    void eachPathPointHoldsItsCoefficientsAndTheChosenOneIsTheModel() {
        Frame portfolio = TestCsv.resource("refs/portfolio50k.csv.gz");
        ModelSpec spec = ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("Area"),
                        TermSpec.linear("BonusMalus"), TermSpec.linear("VehAge")))
                .withOffset("Exposure")
                .withFitOptions(new FitOptions(0, 0.5, 50, 1e-8, PenaltyKind.ELASTIC_NET, 3, Selection.MIN, 8, 1L));
        FittedModel model = GlmFitter.fit(spec, portfolio);
        Regularization r = model.regularization();
        int p = model.coefficients().length;
        assertEquals(8, r.path().size());
        int chosen = -1;
        for (int a = 0; a < r.path().size(); a++) {
            Regularization.PathPoint point = r.path().get(a);
            assertEquals(p, point.coefficients().size());
            long nonZero = point.coefficients().subList(1, p).stream().filter(b -> b != 0).count();
            assertEquals(point.nonZero(), nonZero, "the count of non-zero coefficients is the point's own");
            if (point.alpha() == r.alpha()) {
                chosen = a;
            }
        }
        assertTrue(r.path().getFirst().coefficients().subList(1, p).stream().allMatch(b -> b == 0),
                "at alpha_max every penalized coefficient is zero");
        double[] atChosen = r.path().get(chosen).coefficients().stream().mapToDouble(Double::doubleValue).toArray();
        assertArrayEquals(model.coefficients(), atChosen, 0.0);

        Regularization reloaded = ModelSerializer.read(ModelSerializer.write(model)).regularization();
        assertEquals(r, reloaded);
    }

    @Test
    void aModelWithoutTheCoefficientSectionReadsWithAnEmptyPath() {
        Frame portfolio = TestCsv.resource("refs/portfolio50k.csv.gz");
        ModelSpec spec = ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("Area")))
                .withOffset("Exposure")
                .withFitOptions(new FitOptions(0, 1, 50, 1e-8, PenaltyKind.LASSO, 3, Selection.MIN, 5, 1L));
        FittedModel model = GlmFitter.fit(spec, portfolio);
        byte[] full = ModelSerializer.write(model);
        int section = 4 + model.regularization().path().size() * (4 + 8 * model.coefficients().length);
        byte[] older = java.util.Arrays.copyOf(full, full.length - section);
        Regularization read = ModelSerializer.read(older).regularization();
        assertEquals(model.regularization().cv(), read.cv());
        assertTrue(read.path().stream().allMatch(pt -> pt.coefficients().isEmpty()));
    }
}
