package org.atelier.ui.spec;

import static com.github.mvysny.kaributesting.v10.ComboBoxKt._fireCustomValueSet;
import static org.assertj.core.api.Assertions.assertThat;

import org.atelier.ui.KaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "+ Add factor" takes a name typed and entered, as well as a pick from its list. */
class AddFactorBoxTest extends KaribuTest {
    private SpecEditorProbe spec;

    @BeforeEach
    void openTheSample() {
        spec = openWorkbench("Frequency", 5, 300).editor();
        spec.response("ClaimNb");
    }

    @Test
    void aTypedNameAddsItsColumnAnyCaseOrByTheOnlyColumnContainingIt() {
        AddFactorBox box = spec.editor().addFactor;
        _fireCustomValueSet(box.column, "bonusmalus");
        assertThat(spec.factors()).contains("BonusMalus:linear");
        _fireCustomValueSet(box.column, "Gas");
        assertThat(spec.factors()).contains("VehGas:categorical");
        assertThat(box.column.isInvalid()).isFalse();
    }

    @Test
    void textThatNamesNoColumnOrSeveralSaysSoAndAddsNothing() {
        AddFactorBox box = spec.editor().addFactor;
        int before = spec.factors().size();
        _fireCustomValueSet(box.column, "Veh"); // VehPower, VehAge, VehBrand, VehGas
        assertThat(box.column.isInvalid()).isTrue();
        assertThat(box.column.getErrorMessage()).startsWith("'Veh' matches ").contains("VehPower", "VehGas")
                .endsWith(": pick one");
        _fireCustomValueSet(box.column, "Colour");
        assertThat(box.column.getErrorMessage()).isEqualTo("No column to add is named 'Colour'");
        assertThat(spec.factors()).hasSize(before);
        _fireCustomValueSet(box.column, "Area");
        assertThat(box.column.isInvalid()).as("a good name clears the message").isFalse();
    }
}
