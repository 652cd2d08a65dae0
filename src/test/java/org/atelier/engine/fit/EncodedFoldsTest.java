package org.atelier.engine.fit;

import java.util.List;
import java.util.stream.IntStream;
import org.atelier.engine.TestCsv;
import org.atelier.engine.design.Columns;
import org.atelier.engine.design.DesignMatrix;
import org.atelier.engine.design.Encoders;
import org.atelier.engine.design.LevelEncoder;
import org.atelier.engine.design.TermEncoder;
import org.atelier.engine.family.Family;
import org.atelier.engine.family.Link;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.PenaltyKind;
import org.atelier.engine.spec.Selection;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.TermType;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Folds whose target encodings are re-learned on their training rows are fitted on the full layout with only the
 * encoded column replaced. That must give what fitting each fold as a problem of its own gives: the fold's rows
 * taken out of the frame, its encodings learned on them, its training design built and fitted at every α, its
 * held-out rows encoded as new data. The re-learned columns are the same numbers exactly; the CV deviances agree to
 * what the fits' stopping rule leaves (a fit stops once the next step would gain less than tol relative, 1e-15 here,
 * which leaves a held-out deviance good to about 1e-8: measured 2e-10 to 1.1e-8), and the chosen α is the same.
 */
class EncodedFoldsTest {
    private static final int FOLDS = 5;

    @Test
    void cvDeviancesAndChosenAlphaMatchFittingEachFoldOnItsOwn() {
        Frame all = TestCsv.resource("refs/portfolio50k.csv.gz");
        Frame frame = all.rows(IntStream.range(0, 6_000).toArray());
        TermSpec te = new TermSpec("VehBrand", TermType.TARGET_ENCODING, null, null, null, null, null, null, null, null);
        TermSpec fe = new TermSpec("Region", TermType.FREQUENCY_ENCODING, null, null, null, null, null, null, null, null);
        FitOptions options = new FitOptions(0, 1, 50, 1e-15, PenaltyKind.LASSO, FOLDS, Selection.MIN, 8, 3L);
        ModelSpec spec = ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("Area"),
                        TermSpec.linear("BonusMalus"), TermSpec.linear("DrivAge"), te, fe))
                .withOffset("Exposure").withFitOptions(options);
        FittedModel model = GlmFitter.fit(spec, frame);
        Regularization r = model.regularization();

        int[] fold = RegularizedFit.folds(frame.rowCount(), FOLDS, 3L);
        Family family = Family.of("poisson", 1.5, Double.NaN);
        Link link = Link.LOG;
        double[] y = Columns.numeric(frame, "ClaimNb");
        double[] prior = GlmFitter.priorWeights(frame, null, frame.rowCount());
        List<TermEncoder> encoders = Encoders.learn(spec, frame, GlmFitter.targetData(spec, frame, link, y, prior));
        double[][] heldOut = new double[FOLDS][];
        double[] weight = new double[FOLDS];
        for (int f = 0; f < FOLDS; f++) {
            int g = f;
            int[] train = IntStream.range(0, fold.length).filter(i -> fold[i] != g).toArray();
            int[] validation = IntStream.range(0, fold.length).filter(i -> fold[i] == g).toArray();
            Frame trainFrame = frame.rows(train);
            Frame validationFrame = frame.rows(validation);
            double[] yTrain = Columns.numeric(trainFrame, "ClaimNb");
            double[] priorTrain = GlmFitter.priorWeights(trainFrame, null, train.length);
            LevelEncoder.Target target = GlmFitter.targetData(spec, trainFrame, link, yTrain, priorTrain);
            List<TermEncoder> foldEncoders = encoders.stream()
                    .map(e -> e instanceof LevelEncoder l ? (TermEncoder) l.relearn(trainFrame, target) : e).toList();
            RegularizedFit.Problem training = new RegularizedFit.Problem(
                    Encoders.trainingDesign(foldEncoders, true, trainFrame), yTrain, priorTrain,
                    GlmFitter.offset(trainFrame, "Exposure", link));
            RegularizedFit.Problem held = new RegularizedFit.Problem(Encoders.design(foldEncoders, true, validationFrame),
                    Columns.numeric(validationFrame, "ClaimNb"), GlmFitter.priorWeights(validationFrame, null,
                    validation.length), GlmFitter.offset(validationFrame, "Exposure", link));
            double[] relearned = PenalizedFits.folds(spec, frame, link, model.encoders()).relearned(train, validation)
                    .get("TE(VehBrand)");
            assertArrayEquals(column(training.x(), "TE(VehBrand)"), DesignMatrix.pick(relearned, train), 0.0);
            assertArrayEquals(column(held.x(), "TE(VehBrand)"), DesignMatrix.pick(relearned, validation), 0.0);
            RegularizationPath fits = new RegularizationPath(family, link, true, 1, options.tol(), 100,
                    FitSettings.backend("java"));
            weight[f] = validation.length;
            heldOut[f] = new double[r.cv().size()];
            for (int a = 0; a < r.cv().size(); a++) {
                double[] beta = fits.fixed(training, r.cv().get(a).alpha()).result().beta();
                heldOut[f][a] = family.deviance(held.y(), fits.mu(held, beta), held.prior()) / weight[f];
            }
        }
        double total = java.util.Arrays.stream(weight).sum();
        int best = 0;
        double[] mean = new double[r.cv().size()];
        for (int a = 0; a < mean.length; a++) {
            for (int f = 0; f < FOLDS; f++) {
                mean[a] += weight[f] * heldOut[f][a] / total;
            }
            assertEquals(mean[a], r.cv().get(a).meanDeviance(), 1e-7 * mean[a], "CV deviance at alpha " + a);
            if (mean[a] < mean[best]) best = a;
        }
        assertEquals(r.cv().get(best).alpha(), r.alpha(), 0.0, "the chosen alpha");
    }

    private static double[] column(DesignMatrix x, String feature) {
        double[] beta = new double[x.columns()];
        beta[x.featureNames().indexOf(feature)] = 1;
        double[] out = new double[x.rows()];
        x.times(beta, null, out);
        return out;
    }
}
