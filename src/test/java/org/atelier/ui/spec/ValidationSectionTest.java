package org.atelier.ui.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.atelier.dataset.DatasetInfo;
import org.atelier.dataset.DatasetService;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.Validation;
import org.atelier.fit.FitService;
import org.atelier.model.ModelService;
import org.atelier.project.ProjectService;
import org.atelier.ui.KaribuTest;
import org.atelier.ui.results.FittedModels;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The spec panel's "Validation" section feeds the spec's hold-out; what the fitter refuses disables Fit. */
class ValidationSectionTest extends KaribuTest {
    @Autowired
    DatasetService datasets;
    @Autowired
    FitService fits;
    @Autowired
    ModelService models;
    @Autowired
    ProjectService projects;
    SpecEditor editor;
    SpecEditorProbe probe;

    @BeforeEach
    void editor() {
        DatasetInfo data = new FittedModels(fits, models, projects, datasets).portfolio("Validation section");
        editor = new SpecEditor(datasets, () -> { }, () -> { });
        editor.setDataset(data);
        probe = new SpecEditorProbe(editor);
        probe.response("ClaimNb");
        probe.addFactor("Area");
    }

    @Test
    void noneRandomAndByColumn() {
        ValidationSection section = editor.validation;
        assertThat(section.method.getValue()).isEqualTo(ValidationSection.NONE);
        assertThat(editor.spec().validation()).isNull();

        section.method.setValue(ValidationSection.RANDOM);
        assertThat(editor.spec().validation()).isEqualTo(Validation.random(0.2, 42));
        assertThat(section.fraction.getValue()).isEqualTo(0.2);
        section.fraction.setValue(0.3);
        section.seed.setValue(7);
        assertThat(editor.spec().validation()).isEqualTo(Validation.random(0.3, 7));
        assertThat(probe.fitEnabled()).isTrue();

        section.method.setValue(ValidationSection.COLUMN);
        assertThat(section.column.getListDataView().getItems().toList()).contains("Area", "Region", "VehGas")
                .doesNotContain("Density", "Exposure");
        assertThat(probe.fitEnabled()).isFalse();
        assertThat(probe.fitBlockedBecause()).isEqualTo("Validation by column needs a column");
        section.column.setValue("Area");
        assertThat(section.testValues.getListDataView().getItems().toList()).containsExactly("A", "B", "C", "D", "E", "F");
        assertThat(section.issues.getElement().getTextRecursively()).contains("needs at least one test value");
        section.testValues.setValue(Set.of("F", "B"));
        assertThat(editor.spec().validation()).as("in the column's order")
                .isEqualTo(Validation.column("Area", java.util.List.of("B", "F")));
        assertThat(probe.fitEnabled()).isTrue();
        assertThat(section.issues.getChildren().count()).isZero();

        section.method.setValue(ValidationSection.NONE);
        assertThat(editor.spec().validation()).isNull();
    }

    @Test
    void aLoadedSpecShowsItsValidation() {
        ModelSpec spec = FittedModels.FREQUENCY.withValidation(Validation.column("VehGas", java.util.List.of("Diesel")));
        editor.load(spec);
        ValidationSection section = editor.validation;
        assertThat(section.method.getValue()).isEqualTo(ValidationSection.COLUMN);
        assertThat(section.column.getValue()).isEqualTo("VehGas");
        assertThat(section.testValues.getValue()).containsExactly("Diesel");
        assertThat(editor.spec().validation()).isEqualTo(spec.validation());
    }
}
