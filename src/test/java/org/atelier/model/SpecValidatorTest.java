package org.atelier.model;

import java.util.List;
import org.atelier.data.ColumnProfile;
import org.atelier.engine.spec.InteractionSpec;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.TermType;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class SpecValidatorTest {
    static final List<ColumnProfile> COLUMNS = List.of(
            numeric("ClaimNb", 5), numeric("Exposure", 900), numeric("DrivAge", 80), numeric("Constant", 1),
            new ColumnProfile("Region", "Utf8", 22, 0, null, null, null, false, true, List.of("R11")),
            new ColumnProfile("PolicyRef", "Utf8", 5000, 0, null, null, null, false, false, List.of("P1")),
            new ColumnProfile("Empty", "Utf8", 0, 100, null, null, null, false, true, List.of()));

    static ColumnProfile numeric(String name, int unique) {
        return new ColumnProfile(name, "Int64", unique, 0, 0.0, 1.0, 0.5, true, unique <= 20, List.of(1L));
    }

    static List<String> messages(ModelSpec spec) {
        return SpecValidator.validate(spec, COLUMNS).stream()
                .map(i -> i.severity() + " " + i.subject() + ": " + i.message()).toList();
    }

    @Test
    void aCompleteFrequencySpecIsValid() {
        ModelSpec spec = ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("Region"),
                TermSpec.bs("DrivAge", 5, null))).withOffset("Exposure");
        assertThat(SpecValidator.validate(spec, COLUMNS)).isEmpty();
    }

    @Test
    void theHoldOutIsCheckedByTheEnginesRuleAndAgainstTheColumns() {
        ModelSpec spec = ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("Region"))).withOffset("Exposure");
        assertThat(SpecValidator.validate(spec.withValidation(org.atelier.engine.spec.Validation.random(0.2, 1)), COLUMNS))
                .isEmpty();
        assertThat(messages(spec.withValidation(org.atelier.engine.spec.Validation.random(1.2, 1)))).containsExactly(
                "ERROR #validation: Validation fraction must be strictly between 0 and 1, got 1.2");
        assertThat(messages(spec.withValidation(org.atelier.engine.spec.Validation.column("Group", List.of("test")))))
                .containsExactly("ERROR #validation: Validation column 'Group' is not in the dataset");
    }

    @Test
    void theFitButtonSaysWhatIsMissingFirst() {
        List<SpecIssue> none = SpecValidator.validate(ModelSpec.of(null, "poisson", List.of()), COLUMNS);
        assertThat(SpecValidator.canFit(none)).isFalse();
        assertThat(SpecValidator.firstError(none)).isEqualTo("Select a response variable");
        assertThat(SpecValidator.firstError(SpecValidator.validate(ModelSpec.of("ClaimNb", "poisson", List.of()),
                COLUMNS))).isEqualTo("Add at least one factor");
    }

    @Test
    void termProblemsAreNamedOnTheTerm() {
        ModelSpec spec = ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.linear("ClaimNb"),
                TermSpec.linear("Exposure"), TermSpec.linear("Constant"), TermSpec.categorical("PolicyRef"),
                TermSpec.linear("Region"), TermSpec.categorical("Empty"), TermSpec.linear("Gone"),
                new TermSpec("DrivAge", TermType.BS, 5, 10, null, null, null, null, null, null),
                TermSpec.expression("ratio", "DrivAge / Missing"), TermSpec.expression("broken", "log(DrivAge"),
                TermSpec.expression("blank", " "))).withOffset("Exposure");
        assertThat(messages(spec)).containsExactly(
                "ERROR ClaimNb: 'ClaimNb' is the response variable: remove it from the terms",
                "WARNING Exposure: Using same column as offset and term",
                "WARNING Constant: This column has no variation",
                "WARNING PolicyRef: 100+ levels — consider target encoding",
                "ERROR Region: 'Region' is a text column, which cannot be linear; use one of categorical,"
                        + " target_encoding, frequency_encoding",
                "ERROR Empty: 'Empty' is entirely missing",
                "ERROR Gone: 'Gone' is not in the dataset",
                "ERROR DrivAge: 'DrivAge': set either df or k, not both",
                "ERROR ratio: Expression 'ratio' uses 'Missing', which is not in the dataset",
                messages(spec).get(9),
                "ERROR blank: Enter an expression for 'blank'");
        assertThat(messages(spec).get(9)).startsWith("ERROR broken: ");
    }

    @Test
    void roleColumnsAndFamilyParametersAreChecked() {
        ModelSpec spec = new ModelSpec("Region", List.of(TermSpec.linear("DrivAge")),
                List.of(InteractionSpec.of(TermSpec.linear("DrivAge"), TermSpec.categorical("Nowhere"), true)),
                "tweedie", null, 0.5, null, "Region", "Weights", true, null);
        assertThat(messages(spec)).containsExactly(
                "ERROR #response: Response column 'Region' is not numeric",
                "ERROR #offset: Offset column 'Region' is not numeric",
                "ERROR #weights: Weights column 'Weights' is not in the dataset",
                "ERROR #family: Tweedie var_power 0.5 is not allowed: use 0 or a value of at least 1 (1 < p < 2 for claims"
                        + " costs)",
                "ERROR #interactions: Interaction DrivAge × Nowhere: 'Nowhere' is not in the dataset");
    }

    @Test
    void splineOptionsTheEngineRefusesAreNamed() {
        ModelSpec spec = ModelSpec.of("ClaimNb", "poisson", List.of(
                new TermSpec("DrivAge", TermType.BS, null, 3, null, null, null, null, null, null),
                new TermSpec("Exposure", TermType.NS, 4, null, 2, null, null, null, null, null)));
        assertThat(messages(spec)).containsExactly(
                "ERROR DrivAge: 'DrivAge' is a penalized bs with k 3: a penalized smooth needs k ≥ 4",
                "ERROR Exposure: 'Exposure' is an ns, which is always cubic: clear the degree (it applies to bs only)");
        ModelSpec lowDf = ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.bs("DrivAge", 2, null)));
        assertThat(messages(lowDf)).containsExactly("ERROR DrivAge: 'DrivAge' has df 2, but a bs of degree 3 needs"
                + " df ≥ 3: raise df or lower the degree");
        assertThat(messages(ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.bs("DrivAge", 2, 2))))).isEmpty();
    }
}
