package org.atelier.model;

import java.util.ArrayList;
import java.util.List;
import org.atelier.data.ColumnProfile;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.InteractionSpec;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.Monotonicity;
import org.atelier.engine.spec.PenaltyKind;
import org.atelier.engine.spec.Selection;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.TermType;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** The option checks the engine makes at fit time without data, refused by the validator before Fit. */
class SpecValidatorOptionCombinationsTest {
    static final List<ColumnProfile> COLUMNS = columns();
    static final FitOptions LASSO_CV = new FitOptions(0, 1, 25, 1e-8, PenaltyKind.LASSO, 5, Selection.ONE_SE, 20, 42L);
    static final FitOptions RIDGE_MANUAL = new FitOptions(0.01, 0, 25, 1e-8, PenaltyKind.RIDGE, null, Selection.MIN, 20, null);

    private static List<ColumnProfile> columns() {
        List<ColumnProfile> columns = new ArrayList<>(SpecValidatorTest.COLUMNS);
        columns.add(SpecValidatorTest.numeric("BonusMalus", 100));
        columns.add(SpecValidatorTest.numeric("VehAge", 30));
        return columns;
    }

    static TermSpec term(String name, String type, Integer df, Integer k, Integer degree, String monotonicity) {
        return new TermSpec(name, TermType.of(type), df, k, degree, Monotonicity.of(monotonicity), null, null, null, null);
    }

    static TermSpec smooth(String name, int k) {
        return term(name, "bs", null, k, null, null);
    }

    static TermSpec monotone(String name) {
        return term(name, "linear", null, null, null, "increasing");
    }

    static ModelSpec spec(List<TermSpec> terms, FitOptions options) {
        return ModelSpec.of("ClaimNb", "poisson", terms).withOffset("Exposure").withFitOptions(options);
    }

    static List<String> errors(ModelSpec spec) {
        return SpecValidator.validate(spec, COLUMNS).stream().filter(SpecIssue::isError)
                .map(i -> i.subject() + ": " + i.message()).toList();
    }

    @Test
    void aValidRegularizedSpecHasNoIssue() {
        List<TermSpec> terms = List.of(TermSpec.categorical("Region"), TermSpec.linear("BonusMalus"),
                TermSpec.bs("DrivAge", 5, null), TermSpec.ns("VehAge", 4));
        assertThat(SpecValidator.validate(spec(terms, LASSO_CV), COLUMNS)).isEmpty();
        assertThat(SpecValidator.validate(spec(terms, RIDGE_MANUAL), COLUMNS)).isEmpty();
        FitOptions elasticNet = new FitOptions(0, 0.5, 25, 1e-8, PenaltyKind.ELASTIC_NET, 3, Selection.MIN, 2, null);
        assertThat(SpecValidator.validate(spec(terms, elasticNet), COLUMNS)).isEmpty();
    }

    @Test
    void aValidPenalizedSmoothSpecHasNoIssue() {
        List<TermSpec> terms = List.of(TermSpec.categorical("Region"), smooth("DrivAge", 10),
                term("VehAge", "ns", null, 4, null, null), TermSpec.linear("BonusMalus"));
        assertThat(SpecValidator.validate(spec(terms, FitOptions.DEFAULT), COLUMNS)).isEmpty();
        // an l1 ratio the engine never reads without regularization is not an error
        FitOptions unused = new FitOptions(0, 2, 25, 1e-8, null, null, Selection.MIN, 20, null);
        assertThat(SpecValidator.validate(spec(terms, unused), COLUMNS)).isEmpty();
        ModelSpec negbin = new ModelSpec("ClaimNb", terms, List.of(), "negbinomial", null, 1.5, 2.0, "Exposure",
                null, true, null);
        assertThat(SpecValidator.validate(negbin, COLUMNS)).isEmpty();
        List<TermSpec> monotoneWithFixedDf = List.of(term("DrivAge", "bs", 5, null, null, "decreasing"),
                monotone("BonusMalus"));
        assertThat(SpecValidator.validate(spec(monotoneWithFixedDf, FitOptions.DEFAULT), COLUMNS)).isEmpty();
    }

    @Test
    void regularizationRefusesPenalizedSmooths() {
        assertThat(errors(spec(List.of(TermSpec.linear("BonusMalus"), smooth("DrivAge", 10)), LASSO_CV)))
                .containsExactly("DrivAge: 'DrivAge' is a penalized smooth, which regularization does not support:"
                        + " give the spline df, or set regularization to None");
        // neither df nor k is the engine's default penalized smooth (k = 10)
        TermSpec neither = term("VehAge", "ns", null, null, null, null);
        assertThat(errors(spec(List.of(neither), RIDGE_MANUAL)))
                .contains("VehAge: 'VehAge' is a penalized smooth, which regularization does not support:"
                        + " give the spline df, or set regularization to None");
    }

    @Test
    void regularizationRefusesMonotoneTerms() {
        String message = "BonusMalus: 'BonusMalus' is monotone, which regularization does not support:"
                + " set its monotonicity to none, or regularization to None";
        assertThat(errors(spec(List.of(monotone("BonusMalus"), TermSpec.linear("VehAge")), LASSO_CV)))
                .containsExactly(message);
        // alpha alone asks for a penalty (an elastic net)
        FitOptions alphaOnly = new FitOptions(0.1, 0.5, 25, 1e-8, null, null, Selection.MIN, 20, null);
        assertThat(errors(spec(List.of(monotone("BonusMalus")), alphaOnly))).containsExactly(message);
    }

    @Test
    void monotoneTermsRefusePenalizedSmooths() {
        assertThat(errors(spec(List.of(smooth("DrivAge", 10), monotone("BonusMalus")), FitOptions.DEFAULT)))
                .containsExactly("BonusMalus: 'BonusMalus' is monotone, which cannot be fitted together with the"
                        + " penalized smooth 'DrivAge': give that spline df, or set the monotonicity of 'BonusMalus'"
                        + " to none");
        assertThat(errors(spec(List.of(smooth("DrivAge", 10), term("VehAge", "ns", null, 6, null, null),
                monotone("BonusMalus")), FitOptions.DEFAULT)))
                .containsExactly("BonusMalus: 'BonusMalus' is monotone, which cannot be fitted together with the"
                        + " penalized smooths 'DrivAge', 'VehAge': give those splines df, or set the monotonicity of"
                        + " 'BonusMalus' to none");
    }

    @Test
    void aNegativeBinomialWithAutoThetaCannotBePenalized() {
        ModelSpec negbin = new ModelSpec("ClaimNb", List.of(smooth("DrivAge", 10)), List.of(), "negbinomial", null,
                1.5, null, "Exposure", null, true, null);
        assertThat(errors(negbin)).containsExactly(
                "#family: A negative binomial with penalized smooths needs a fixed theta: set theta instead of Auto");
        assertThat(errors(negbin.withFitOptions(LASSO_CV))).contains(
                "#family: A negative binomial with regularization needs a fixed theta: set theta instead of Auto");
        ModelSpec monotoneNegbin = new ModelSpec("ClaimNb", List.of(monotone("BonusMalus")), List.of(), "negbinomial",
                null, 1.5, null, "Exposure", null, true, null);
        assertThat(errors(monotoneNegbin)).containsExactly(
                "#family: A negative binomial with monotone terms needs a fixed theta: set theta instead of Auto");
    }

    @Test
    void penalizedOrMonotoneSidesCannotEnterAProductInteraction() {
        TermSpec penalized = smooth("DrivAge", 10);
        TermSpec encoded = term("Region", "target_encoding", null, null, null, null);
        ModelSpec spec = spec(List.of(TermSpec.linear("BonusMalus")), FitOptions.DEFAULT).withInteractions(List.of(
                InteractionSpec.of(penalized, TermSpec.categorical("Region"), false),
                InteractionSpec.of(monotone("VehAge"), TermSpec.linear("BonusMalus"), false),
                InteractionSpec.of(encoded, TermSpec.linear("BonusMalus"), false),
                new InteractionSpec(TermSpec.categorical("Region"), TermSpec.linear("VehAge"), false, true, true),
                new InteractionSpec(TermSpec.categorical("Region"), TermSpec.linear("VehAge"), false, false, false,
                        2.0, null),
                InteractionSpec.of(TermSpec.linear("ClaimNb"), TermSpec.linear("VehAge"), false)));
        assertThat(errors(spec)).containsExactly(
                "#interactions: Interaction DrivAge × Region: the spline of 'DrivAge' needs df inside an interaction"
                        + " (penalized smooths are main effects only)",
                "#interactions: Interaction VehAge × BonusMalus: monotonicity on 'VehAge' applies to main effects"
                        + " only: set it to none inside the interaction",
                "#interactions: Interaction Region × BonusMalus: 'Region' is target_encoding, which cannot enter a"
                        + " product: set target or frequency encoding on the interaction instead",
                "#interactions: Interaction Region × VehAge: choose target encoding or frequency encoding, not both",
                "#interactions: Interaction Region × VehAge: prior weight and permutations apply to a target-encoded"
                        + " interaction only: set target encoding, or clear them",
                "#interactions: Interaction ClaimNb × VehAge: 'ClaimNb' is the response variable, which cannot be"
                        + " used in an interaction");
        // an encoded interaction is one feature over the combined levels: the sides' spline options do not enter
        ModelSpec encodedPair = spec(List.of(TermSpec.linear("BonusMalus")), FitOptions.DEFAULT).withInteractions(
                List.of(new InteractionSpec(penalized, TermSpec.categorical("Region"), false, true, false)));
        assertThat(errors(encodedPair)).isEmpty();
    }

    @Test
    void aPenalizedSideBroughtInAsMainEffectMeetsRegularization() {
        ModelSpec spec = spec(List.of(TermSpec.linear("BonusMalus")), LASSO_CV).withInteractions(List.of(
                new InteractionSpec(smooth("DrivAge", 10), TermSpec.categorical("Region"), true, false, true)));
        assertThat(errors(spec)).containsExactly("#interactions: 'DrivAge' is a penalized smooth, which"
                + " regularization does not support: give the spline df, or set regularization to None");
    }

    @Test
    void penaltyOptionsAreCheckedWithoutData() {
        FitOptions bad = new FitOptions(-1, 1.5, 25, 1e-8, null, 1, Selection.MIN, 1, null);
        assertThat(errors(spec(List.of(TermSpec.linear("BonusMalus")), bad))).containsExactly(
                "#fitOptions: Alpha (penalty strength) must be a finite number ≥ 0, got -1.0",
                "#fitOptions: L1 ratio must be between 0 (ridge) and 1 (lasso), got 1.5",
                "#fitOptions: CV folds must be at least 2, got 1",
                "#fitOptions: Alpha path size (n_alphas) must be at least 2 for a cross-validated path, got 1");
        FitOptions noAlpha = new FitOptions(0, 0, 25, 1e-8, PenaltyKind.RIDGE, null, Selection.MIN, 20, null);
        assertThat(errors(spec(List.of(TermSpec.linear("BonusMalus")), noAlpha))).containsExactly(
                "#fitOptions: Regularization 'ridge' needs alpha > 0, or CV folds to choose alpha");
        FitOptions noIterations = new FitOptions(0, 0, 0, 1e-8, null, null, Selection.MIN, 20, null);
        assertThat(errors(spec(List.of(TermSpec.linear("BonusMalus")), noIterations))).containsExactly(
                "#fitOptions: Max iterations must be at least 1 and the tolerance positive (got 0, 1.0E-8)");
    }

    @Test
    void termOptionsTheirTypeDoesNotTakeAreNamed() {
        TermSpec prior = new TermSpec("Region", TermType.CATEGORICAL, null, null, null, null, null, null, 2.0, null);
        assertThat(errors(spec(List.of(term("DrivAge", "ns", 4, null, null, "increasing"), prior),
                FitOptions.DEFAULT))).containsExactly(
                "DrivAge: 'DrivAge' is ns: monotonicity applies to linear, expression and bs terms only; set it to none",
                "Region: 'Region' is categorical: prior weight and permutations apply to target_encoding terms only;"
                        + " clear them");
        TermSpec monotoneSmooth = term("DrivAge", "bs", null, 8, null, "increasing");
        assertThat(errors(spec(List.of(monotoneSmooth), FitOptions.DEFAULT))).containsExactly(
                "DrivAge: 'DrivAge' is a penalized smooth, which cannot be monotone-constrained: give the bs df,"
                        + " or set monotonicity to none");
    }

    @Test
    void theFitButtonGivesTheRefusedCombination() {
        List<SpecIssue> issues = SpecValidator.validate(spec(List.of(smooth("DrivAge", 10), monotone("BonusMalus")),
                FitOptions.DEFAULT), COLUMNS);
        assertThat(SpecValidator.canFit(issues)).isFalse();
        assertThat(SpecValidator.firstError(issues)).contains("'BonusMalus' is monotone").contains("'DrivAge'");
    }
}
