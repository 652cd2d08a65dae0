package org.atelier.model;

import java.util.List;
import org.atelier.engine.error.ValidationError;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The spec codec gives back every option it was given: stored models, working specs and the command read the same. */
class ModelSpecJsonTest {
    private static final List<TermSpec> EVERY_TERM_OPTION = List.of(
            new TermSpec("Area", TermType.CATEGORICAL, null, null, null, null, List.of("C", "A", "B"), null, null, null),
            new TermSpec("BonusMalus", TermType.LINEAR, null, null, null, Monotonicity.INCREASING, null, null, null, null),
            new TermSpec("DrivAge", TermType.BS, 6, null, 2, null, null, null, null, null),
            new TermSpec("VehAge", TermType.NS, null, 5, null, Monotonicity.DECREASING, null, null, null, null),
            new TermSpec("VehBrand", TermType.TARGET_ENCODING, null, null, null, null, null, null, 2.5, 4),
            new TermSpec("Region", TermType.FREQUENCY_ENCODING, null, null, null, null, null, null, null, null),
            new TermSpec("log_density", TermType.EXPRESSION, null, null, null, null, null, "log(Density)", null, null));

    private static ModelSpec everything(Validation validation) {
        InteractionSpec plain = new InteractionSpec(TermSpec.categorical("Area"), TermSpec.linear("BonusMalus"),
                false, false, false, null, null);
        InteractionSpec encoded = new InteractionSpec(TermSpec.categorical("VehBrand"), TermSpec.categorical("Region"),
                true, true, false, 1.5, 3);
        FitOptions options = new FitOptions(0.01, 0.5, 40, 1e-9, PenaltyKind.ELASTIC_NET, 5, Selection.ONE_SE, 30, 7L);
        return new ModelSpec("ClaimNb", EVERY_TERM_OPTION, List.of(plain, encoded), "negbinomial", "log", 1.7, 2.5,
                "Exposure", "Weight", false, options, validation);
    }

    @Test
    void everyOptionSurvivesTheRoundTrip() {
        for (Validation validation : new Validation[] {null, Validation.random(0.25, 11L),
                Validation.column("Year", List.of("2024", "2025"))}) {
            ModelSpec spec = everything(validation);
            assertThat(ModelSpecJson.read(ModelSpecJson.write(spec))).isEqualTo(spec);
        }
    }

    @Test
    void aDraftWithoutResponseKeepsItsHoldOutAndEverythingElse() {
        ModelSpec full = everything(Validation.random(0.2, 42L));
        ModelSpec draft = new ModelSpec(null, full.terms(), full.interactions(), full.family(), full.link(),
                full.varPower(), full.theta(), full.offset(), full.weights(), full.intercept(), full.fitOptions(),
                full.validation());
        assertThat(ModelSpecJson.readDraft(ModelSpecJson.write(draft))).isEqualTo(draft);
    }

    @Test
    void theClosedSetsAreStoredAsTheirJsonWords() {
        String json = ModelSpecJson.write(everything(null));
        assertThat(json).contains("\"Area\":{\"type\":\"categorical\"", "\"type\":\"bs\"", "\"type\":\"ns\"",
                "\"type\":\"target_encoding\"", "\"type\":\"frequency_encoding\"", "\"type\":\"expression\"",
                "\"monotonicity\":\"increasing\"", "\"monotonicity\":\"decreasing\"",
                "\"regularization\":\"elastic_net\"", "\"selection\":\"1se\"");
    }

    @Test
    void aStoredSpecWithWordsReadsAsTheEnums() {
        ModelSpec spec = ModelSpecJson.read("""
                {"response": "ClaimNb", "family": "poisson",
                 "terms": {"DrivAge": {"type": "bs", "df": 5, "monotonicity": "increasing"},
                           "Region": {"type": "target_encoding"}, "Area": {"type": "linear", "monotonicity": "none"}},
                 "fit_options": {"alpha": 0.1, "regularization": "lasso", "selection": "1se"}}""");
        assertThat(spec.terms()).extracting(TermSpec::type)
                .containsExactly(TermType.BS, TermType.TARGET_ENCODING, TermType.LINEAR);
        assertThat(spec.terms()).extracting(TermSpec::monotonicity)
                .containsExactly(Monotonicity.INCREASING, null, null);
        assertThat(spec.fitOptions().regularization()).isEqualTo(PenaltyKind.LASSO);
        assertThat(spec.fitOptions().selection()).isEqualTo(Selection.ONE_SE);
        assertThat(ModelSpecJson.read("{\"response\": \"y\", \"terms\": {\"x\": {\"type\": \"linear\"}}}")
                .fitOptions().selection()).isEqualTo(Selection.MIN);
    }

    @Test
    void anUnknownWordIsRefusedNamingTheFieldAndTheWordsItTakes() {
        assertThatThrownBy(() -> ModelSpecJson.read("{\"response\": \"y\", \"terms\": {\"x\": {\"type\": \"spline\"}}}"))
                .isInstanceOf(ValidationError.class).hasMessageContaining("Term 'x'").hasMessageContaining("'spline'")
                .hasMessageContaining("linear, categorical, bs, ns, expression, target_encoding or frequency_encoding");
        assertThatThrownBy(() -> ModelSpecJson.read("{\"response\": \"y\", \"terms\": {\"x\": {}}}"))
                .isInstanceOf(ValidationError.class).hasMessageContaining("Term 'x': no type");
        assertThatThrownBy(() -> ModelSpecJson.read("{\"response\": \"y\", \"terms\": {\"x\": {\"type\": \"linear\","
                + " \"monotonicity\": \"upwards\"}}}"))
                .isInstanceOf(ValidationError.class).hasMessageContaining("Term 'x': monotonicity must be increasing or decreasing, got 'upwards'");
        assertThatThrownBy(() -> ModelSpecJson.read("{\"response\": \"y\", \"terms\": {}, \"fit_options\": {\"regularization\": \"group\"}}"))
                .isInstanceOf(ValidationError.class).hasMessageContaining("Regularization must be ridge, lasso or elastic_net, got 'group'");
        assertThatThrownBy(() -> ModelSpecJson.read("{\"response\": \"y\", \"terms\": {}, \"fit_options\": {\"selection\": \"max\"}}"))
                .isInstanceOf(ValidationError.class).hasMessageContaining("Selection must be min or 1se, got 'max'");
    }
}
