package org.atelier.ui.spec;

import static com.github.mvysny.kaributesting.v10.ComboBoxKt._fireCustomValueSet;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.nio.file.Path;
import org.atelier.data.SamplePortfolio;
import org.atelier.dataset.DatasetService;
import org.atelier.project.ProjectService;
import org.atelier.ui.KaribuTest;
import org.atelier.ui.workbench.WorkbenchProbe;
import org.atelier.ui.workbench.WorkbenchView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** "+ Add factor" takes a name typed and entered, as well as a pick from its list. */
class AddFactorBoxTest extends KaribuTest {
    @Autowired
    ProjectService projects;
    @Autowired
    DatasetService datasets;
    private SpecEditorProbe spec;

    @BeforeEach
    void openTheSample() {
        String projectId = projects.create("Frequency", "").id();
        Path file = datasets.newUploadFile("portfolio.csv");
        SamplePortfolio.writeCsv(file, 5, 300);
        datasets.upload(projectId, "portfolio.csv", file);
        UI.getCurrent().navigate(WorkbenchView.class, projectId);
        spec = new WorkbenchProbe(_get(WorkbenchView.class)).editor();
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
