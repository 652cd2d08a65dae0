package org.atelier.report;

import java.util.List;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.InteractionSpec;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.Monotonicity;
import org.atelier.engine.spec.PenaltyKind;
import org.atelier.engine.spec.Selection;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.TermType;
import org.atelier.engine.spec.Validation;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class SpecWordsTest {
    private static String line(List<SpecLine> lines, String label) {
        return lines.stream().filter(l -> l.label().equals(label)).map(SpecLine::text).findFirst().orElseThrow();
    }

    @Test
    void aSpecReadsAsAReviewerWritesIt() {
        TermSpec te = new TermSpec("VehBrand", TermType.TARGET_ENCODING, null, null, null, null, null, null, 2.0, 8);
        ModelSpec spec = new ModelSpec("ClaimAmount", List.of(TermSpec.categorical("Area", List.of("C", "A", "B")),
                TermSpec.ns("DrivAge", 5), te, TermSpec.expression("LogDensity", "log(Density)"),
                new TermSpec("VehAge", TermType.BS, null, 10, 2, Monotonicity.DECREASING, null, null, null, null)),
                List.of(InteractionSpec.of(TermSpec.categorical("Area"), TermSpec.linear("VehAge"), true),
                        new InteractionSpec(TermSpec.categorical("Region"), TermSpec.categorical("VehGas"), false,
                                true, false)),
                "tweedie", null, 1.6, null, null, "Weight", false,
                new FitOptions(0, 0.5, 50, 1e-6, PenaltyKind.ELASTIC_NET, 5, Selection.ONE_SE, 30, 42L),
                Validation.column("Year", List.of("2021", "2022")));
        List<SpecLine> lines = SpecWords.of(spec);
        assertThat(line(lines, "Family")).isEqualTo("Tweedie, variance power 1.6");
        assertThat(line(lines, "Link")).isEqualTo("log (the family's default link)");
        assertThat(line(lines, "Offset")).isEqualTo("none");
        assertThat(line(lines, "Weights")).isEqualTo("Weight (prior weights)");
        assertThat(line(lines, "Intercept")).isEqualTo("excluded");
        assertThat(lines.stream().filter(l -> l.label().equals("Term")).map(SpecLine::text)).containsExactly(
                "Area: categorical, base level C", "DrivAge: natural spline, 5 df",
                "VehBrand: target encoding, prior weight 2, 8 permutations", "LogDensity: expression log(Density)",
                "VehAge: B-spline, penalized, k 10 (smoothness chosen by GCV), degree 2, monotone decreasing");
        assertThat(lines.stream().filter(l -> l.label().equals("Interaction")).map(SpecLine::text)).containsExactly(
                "Area × VehAge (categorical, base level the first in sorted order × linear), with main effects",
                "TE(Region:VehGas), a target encoding of the combined levels, prior weight 1, 4 permutations");
        assertThat(line(lines, "Regularization")).isEqualTo("elastic net, L1 ratio 0.5, α chosen by 5-fold"
                + " cross-validation over 30 values (largest α within one standard error of the best), seed 42");
        assertThat(line(lines, "Hold-out")).isEqualTo("the rows where Year is 2021, 2022, kept out of the fit");
        assertThat(line(lines, "Fit")).isEqualTo("IRLS, at most 50 iterations, tolerance 1E-6");
    }

    @Test
    void aChosenLinkAndAnOffsetOutsideALogLinkAreSaidSo() {
        ModelSpec spec = ModelSpec.of("y", "gamma", List.of(TermSpec.linear("x"))).withLink("inverse")
                .withOffset("base").withFitOptions(new FitOptions(0.01, 1, 25, 1e-8, PenaltyKind.LASSO, null, Selection.MIN, 20, null));
        List<SpecLine> lines = SpecWords.of(spec);
        assertThat(line(lines, "Link")).isEqualTo("inverse (the family's canonical link)");
        assertThat(line(lines, "Offset")).isEqualTo("base, added to the linear predictor as it is");
        assertThat(line(lines, "Regularization")).isEqualTo("lasso, α 0.01");
        assertThat(line(lines, "Hold-out")).isEqualTo("none: fitted on every row");
    }
}
