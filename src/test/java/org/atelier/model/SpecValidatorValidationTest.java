package org.atelier.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.Validation;
import org.junit.jupiter.api.Test;

/** The spec's hold-out is checked before a fit with the fitter's own rule, and its column must exist. */
class SpecValidatorValidationTest {
    private static final ModelSpec SPEC = ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("Region")));

    private static List<SpecIssue> issues(Validation v) {
        return SpecValidator.validate(SPEC.withValidation(v), SpecValidatorTest.COLUMNS).stream()
                .filter(i -> i.subject().equals(SpecIssue.VALIDATION)).toList();
    }

    @Test
    void aValidHoldOutRaisesNothing() {
        assertThat(issues(Validation.random(0.2, 42))).isEmpty();
        assertThat(issues(Validation.column("Region", List.of("R11")))).isEmpty();
        assertThat(issues(null)).isEmpty();
    }

    @Test
    void whatTheFitterRefusesStopsTheFit() {
        assertThat(issues(Validation.random(1.0, 42))).singleElement().satisfies(i -> {
            assertThat(i.isError()).isTrue();
            assertThat(i.message()).isEqualTo("Validation fraction must be strictly between 0 and 1, got 1.0");
        });
        assertThat(issues(Validation.column("Region", List.of()))).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("needs at least one test value"));
        assertThat(issues(Validation.column("Nope", List.of("x")))).singleElement()
                .satisfies(i -> assertThat(i.message()).isEqualTo("Validation column 'Nope' is not in the dataset"));
    }
}
