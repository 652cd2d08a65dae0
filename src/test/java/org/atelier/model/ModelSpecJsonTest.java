package org.atelier.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.InteractionSpec;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.Validation;
import org.junit.jupiter.api.Test;

/** The spec codec gives back every option it was given: stored models, working specs and the command read the same. */
class ModelSpecJsonTest {
    private static final List<TermSpec> EVERY_TERM_OPTION = List.of(
            new TermSpec("Area", "categorical", null, null, null, null, List.of("C", "A", "B"), null, null, null),
            new TermSpec("BonusMalus", "linear", null, null, null, "increasing", null, null, null, null),
            new TermSpec("DrivAge", "bs", 6, null, 2, null, null, null, null, null),
            new TermSpec("VehAge", "ns", null, 5, null, "decreasing", null, null, null, null),
            new TermSpec("VehBrand", "target_encoding", null, null, null, null, null, null, 2.5, 4),
            new TermSpec("Region", "frequency_encoding", null, null, null, null, null, null, null, null),
            new TermSpec("log_density", "expression", null, null, null, null, null, "log(Density)", null, null));

    private static ModelSpec everything(Validation validation) {
        InteractionSpec plain = new InteractionSpec(TermSpec.categorical("Area"), TermSpec.linear("BonusMalus"),
                false, false, false, null, null);
        InteractionSpec encoded = new InteractionSpec(TermSpec.categorical("VehBrand"), TermSpec.categorical("Region"),
                true, true, false, 1.5, 3);
        FitOptions options = new FitOptions(0.01, 0.5, 40, 1e-9, "elastic_net", 5, "1se", 30, 7L);
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
}
