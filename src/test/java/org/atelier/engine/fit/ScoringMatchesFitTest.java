package org.atelier.engine.fit;

import java.util.List;
import org.atelier.data.SampleModel;
import org.atelier.data.SamplePortfolio;
import org.atelier.engine.design.Columns;
import org.atelier.engine.design.Encoders;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.linalg.LinearAlgebras;
import org.atelier.engine.score.Scorer;
import org.atelier.engine.score.Scores;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.TermType;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scoring the training rows with the stored model gives the fit's own μ: the IRLS run again on the model's
 * training design (the fit's fixed point) against {@link Scorer} on the model read back from its bytes.
 */
class ScoringMatchesFitTest {
    private static final Frame SAMPLE = SamplePortfolio.generate(7L, 20_000);

    @Test
    void sampleFrequencyModel() {
        check(SampleModel.frequency());
    }

    @Test
    void splineAndInteractionWithoutExposure() {
        ModelSpec base = SampleModel.frequency();
        ModelSpec spec = new ModelSpec("ClaimNb", List.of(TermSpec.categorical("Area"),
                new TermSpec("DrivAge", TermType.NS, 4, null, null, null, null, null, null, null), TermSpec.linear("BonusMalus"),
                TermSpec.categorical("VehGas")), List.of(new org.atelier.engine.spec.InteractionSpec(
                TermSpec.categorical("Area"), TermSpec.categorical("VehGas"), true, false, false)), "poisson", null,
                1.5, null, null, null, true, base.fitOptions());
        check(spec);
    }

    private static void check(ModelSpec spec) {
        FittedModel model = GlmFitter.fit(spec, SAMPLE);
        double[] y = Columns.numeric(SAMPLE, spec.response());
        double[] prior = new double[y.length];
        java.util.Arrays.fill(prior, 1.0);
        double[] offset = spec.offset() == null ? null : GlmFitter.offset(SAMPLE, spec.offset(), model.link());
        IrlsResult fit = Irls.run(new IrlsProblem(Encoders.trainingDesign(model.encoders(), spec.intercept(), SAMPLE), y,
                prior, offset, model.family(), model.link(), LinearAlgebras.fastest()), new WeightedLeastSquares(),
                spec.fitOptions().maxIter(), spec.fitOptions().tol(), null, FitMonitor.NONE);
        assertTrue(fit.converged());
        Scores scores = Scorer.score(ModelSerializer.read(ModelSerializer.write(model)), SAMPLE);
        assertEquals(SAMPLE.rowCount(), scores.rows());
        for (int i = 0; i < y.length; i++) {
            double mu = fit.mu()[i];
            assertEquals(mu, scores.mu()[i], 1e-10 * mu, "row " + i);
            double exposure = spec.offset() == null ? 1 : Math.exp(offset[i]);
            assertEquals(mu / exposure, scores.rate()[i], 1e-10 * mu / exposure, "rate of row " + i);
        }
    }
}
