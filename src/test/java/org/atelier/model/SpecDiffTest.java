package org.atelier.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.InteractionSpec;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.TermSpec;
import org.junit.jupiter.api.Test;

class SpecDiffTest {
    static final ModelSpec FREQUENCY = ModelSpec.of("ClaimNb", "poisson",
            List.of(TermSpec.categorical("Area"), TermSpec.linear("DrivAge"), TermSpec.linear("VehAge")))
            .withOffset("Exposure");

    @Test
    void equalSpecsHaveNoDifferences() {
        assertThat(SpecDiff.between(FREQUENCY, FREQUENCY).isEmpty()).isTrue();
    }

    @Test
    void addedRemovedAndChangedTermsAreNamedWithTheirOptions() {
        ModelSpec after = ModelSpec.of("ClaimNb", "poisson",
                List.of(TermSpec.categorical("Area"), TermSpec.bs("DrivAge", 5, 3), TermSpec.categorical("Region")))
                .withOffset("Exposure");

        assertThat(SpecDiff.between(FREQUENCY, after).lines()).containsExactly(
                "Changed term: DrivAge: type linear → bs; df — → 5; degree — → 3",
                "Added term: Region (categorical)",
                "Removed term: VehAge (linear)");
    }

    @Test
    void familyLinkOffsetWeightsAndInterceptChanges() {
        ModelSpec after = ModelSpec.of("ClaimNb", "gamma", FREQUENCY.terms()).withLink("log")
                .withWeights("Exposure").withIntercept(false);

        assertThat(SpecDiff.between(FREQUENCY, after).lines()).containsExactly(
                "Family: poisson → gamma",
                "Link: default → log",
                "Offset: Exposure → none",
                "Weights: none → Exposure",
                "Intercept: included → excluded");
    }

    @Test
    void tweediePowerAndNegativeBinomialThetaOnlyWhereTheyApply() {
        ModelSpec tweedie = ModelSpec.of("ClaimAmount", "tweedie", FREQUENCY.terms());
        assertThat(SpecDiff.between(tweedie, tweedie.withVarPower(1.7)).lines())
                .containsExactly("Variance power: 1.5 → 1.7");
        assertThat(SpecDiff.between(FREQUENCY, FREQUENCY.withVarPower(1.7)).isEmpty())
                .as("the power means nothing to a Poisson model").isTrue();

        ModelSpec negbin = ModelSpec.of("ClaimNb", "negbinomial", FREQUENCY.terms());
        assertThat(SpecDiff.between(negbin, negbin.withTheta(2.0)).lines()).containsExactly("Theta: estimated → 2");
    }

    @Test
    void interactionsAddedRemovedAndChanged() {
        InteractionSpec areaGas = InteractionSpec.of(TermSpec.categorical("Area"), TermSpec.categorical("VehGas"), true);
        InteractionSpec ageBrand = InteractionSpec.of(TermSpec.linear("DrivAge"), TermSpec.categorical("VehBrand"), true);
        ModelSpec before = FREQUENCY.withInteractions(List.of(areaGas, ageBrand));
        ModelSpec after = FREQUENCY.withInteractions(List.of(
                InteractionSpec.of(TermSpec.categorical("Area"), TermSpec.categorical("VehGas"), false),
                InteractionSpec.of(TermSpec.linear("VehAge"), TermSpec.categorical("Region"), true)));

        assertThat(SpecDiff.between(before, after).lines()).containsExactly(
                "Changed interaction: Area × VehGas: main effects yes → no",
                "Added interaction: VehAge × Region",
                "Removed interaction: DrivAge × VehBrand");
    }

    @Test
    void fitOptionsAreListedOnOneLine() {
        ModelSpec after = FREQUENCY.withFitOptions(FitOptions.DEFAULT.withIterations(50, 1e-6));

        assertThat(SpecDiff.between(FREQUENCY, after).lines())
                .containsExactly("Fit options: max iterations 25 → 50; tolerance 1E-8 → 1E-6");
    }
}
