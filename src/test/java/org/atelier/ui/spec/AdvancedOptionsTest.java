package org.atelier.ui.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.atelier.engine.spec.FitOptions;
import org.atelier.model.SpecIssue;
import org.atelier.ui.KaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The advanced options as a user clicks through them: each choice sticks and starts from the product's default. */
class AdvancedOptionsTest extends KaribuTest {
    private SpecEditorProbe spec;
    private AdvancedOptions advanced;

    @BeforeEach
    void openAFittableSpec() {
        spec = openWorkbench("Frequency", 5, 500).editor();
        spec.response("ClaimNb");
        spec.offset("Exposure");
        spec.addFactor("Area");
        advanced = spec.editor().advanced;
    }

    private FitOptions options() {
        return spec.editor().spec().fitOptions();
    }

    @Test
    void manualAlphaSticksShowsItsFieldAndCanBeFitted() {
        spec.regularization("ridge");
        assertThat(options().cv()).isEqualTo(5);
        advanced.alphaMode.setValue(AdvancedOptions.MANUAL);

        assertThat(advanced.alphaMode.getValue()).isEqualTo(AdvancedOptions.MANUAL);
        assertThat(advanced.alpha.isVisible()).isTrue();
        assertThat(advanced.alpha.getValue()).isEqualTo(0.01);
        assertThat(advanced.path.isVisible()).isFalse();
        assertThat(options().alpha()).isEqualTo(0.01);
        assertThat(options().cv()).isNull();
        assertThat(spec.fitEnabled()).as(spec.fitBlockedBecause()).isTrue();

        advanced.alpha.setValue(0.2);
        assertThat(options().alpha()).isEqualTo(0.2);

        // and back to the path: folds again, Fit still possible without retyping them
        advanced.alphaMode.setValue(AdvancedOptions.CV_PATH);
        assertThat(advanced.alphaMode.getValue()).isEqualTo(AdvancedOptions.CV_PATH);
        assertThat(advanced.path.isVisible()).isTrue();
        assertThat(options().cv()).isEqualTo(5);
        assertThat(options().alpha()).isZero();
        assertThat(spec.fitEnabled()).as(spec.fitBlockedBecause()).isTrue();
    }

    @Test
    void elasticNetStartsAtAnEvenMixAndRidgeAndLassoFixTheirRatio() {
        spec.regularization("elastic_net");
        assertThat(advanced.l1Ratio.isVisible()).isTrue();
        assertThat(advanced.l1Ratio.getValue()).isEqualTo(0.5);
        assertThat(options().l1Ratio()).isEqualTo(0.5);
        advanced.l1Ratio.setValue(0.8);
        assertThat(options().l1Ratio()).isEqualTo(0.8);
        advanced.alphaMode.setValue(AdvancedOptions.MANUAL);
        assertThat(options().l1Ratio()).as("the chosen mix survives a change of mode").isEqualTo(0.8);

        spec.regularization("lasso");
        assertThat(options().l1Ratio()).isEqualTo(1);
        assertThat(advanced.l1Ratio.isVisible()).isFalse();
        spec.regularization("ridge");
        assertThat(options().l1Ratio()).isZero();
        spec.regularization("elastic_net");
        assertThat(options().l1Ratio()).as("a new elastic net starts even again").isEqualTo(0.5);
    }

    @Test
    void rowsWrapInANarrowPanelInsteadOfCuttingOffAlphaPathSize() {
        spec.regularization("lasso");
        assertThat(advanced.path.isWrap()).isTrue();
        assertThat(advanced.path.getChildren()).contains(advanced.nAlphas);
    }

    @Test
    void anErrorAboutAnOptionMarksItsOwnFieldUntilItIsFixed() {
        // as SpecRules reports a path size below 2: the advanced options' field for that option is marked
        advanced.showIssues(List.of(new SpecIssue(SpecIssue.Severity.ERROR, SpecIssue.FIT_OPTIONS,
                "n_alphas must be at least 2", "n_alphas")));
        assertThat(advanced.nAlphas.isInvalid()).isTrue();
        assertThat(advanced.nAlphas.getErrorMessage()).isEqualTo("n_alphas must be at least 2");
        assertThat(advanced.cv.isInvalid()).isFalse();
        advanced.showIssues(List.of());
        assertThat(advanced.nAlphas.isInvalid()).isFalse();

        // a rule across two fields of a card (a cubic bs needs df >= 3): the df field says so, and the card too
        spec.addFactor("DrivAge");
        spec.setType("DrivAge", "bs");
        ((com.vaadin.flow.component.textfield.IntegerField) spec.cardField("DrivAge", "df")).setValue(2);
        com.vaadin.flow.component.HasValidation df = spec.cardField("DrivAge", "df");
        assertThat(df.isInvalid()).isTrue();
        assertThat(df.getErrorMessage()).contains("degree 3");
        assertThat(spec.issues("DrivAge")).anyMatch(m -> m.contains("degree 3"));
        assertThat(spec.fitEnabled()).isFalse();
        ((com.vaadin.flow.component.textfield.IntegerField) spec.cardField("DrivAge", "df")).setValue(4);
        assertThat(spec.cardField("DrivAge", "df").isInvalid()).isFalse();
        assertThat(spec.fitEnabled()).as(spec.fitBlockedBecause()).isTrue();
    }
}
