package org.atelier.model;

import java.util.ArrayList;
import java.util.List;
import org.atelier.data.ColumnProfile;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.InteractionSpec;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.PenaltyKind;
import org.atelier.engine.spec.Selection;
import org.atelier.engine.spec.SpecLimits;
import org.atelier.engine.spec.TermSpec;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** The workbench refuses before Fit what the engine's size caps refuse, with the same messages and constants. */
class SpecSizeLimitsTest {
    private static List<String> errors(ModelSpec spec, List<ColumnProfile> columns) {
        return SpecValidator.validate(spec, columns).stream().filter(SpecIssue::isError)
                .map(i -> i.subject() + ": " + i.message()).toList();
    }

    private static ModelSpec spec(List<TermSpec> terms, FitOptions options) {
        return SpecValidatorOptionCombinationsTest.spec(terms, options);
    }

    @Test
    void splineDfAndKOverTheCapAreErrorsOnTheirTerm() {
        List<String> errors = errors(spec(List.of(TermSpec.bs("DrivAge", 1_000_000, null),
                SpecValidatorOptionCombinationsTest.term("VehAge", "ns", null, 100_000, null, null)), FitOptions.DEFAULT),
                SpecValidatorOptionCombinationsTest.COLUMNS);
        assertThat(errors).contains("DrivAge: Term 'DrivAge': df is 1,000,000: a bs has at most "
                + SpecLimits.MAX_SPLINE_DF + " degrees of freedom; 3 to 10 are usual");
        assertThat(errors).anyMatch(e -> e.startsWith("VehAge: Term 'VehAge': k is 100,000"));
    }

    @Test
    void foldsAndPenaltiesOverTheCapAreFitOptionErrors() {
        FitOptions options = new FitOptions(0, 1, 25, 1e-8, PenaltyKind.LASSO, 100_000, Selection.MIN, 1_000_000_000, 1L);
        List<String> errors = errors(spec(List.of(TermSpec.linear("DrivAge")), options),
                SpecValidatorOptionCombinationsTest.COLUMNS);
        assertThat(errors).anyMatch(e -> e.startsWith(SpecIssue.FIT_OPTIONS + ": CV folds (cv) is 100,000: at most "
                + SpecLimits.MAX_CV_FOLDS));
        assertThat(errors).anyMatch(e -> e.startsWith(SpecIssue.FIT_OPTIONS + ": Alpha path size (n_alphas) is"
                + " 1,000,000,000: at most 1,000 are allowed"));
    }

    @Test
    void levelsTimesAnInteractionOverTheCapIsAnError() {
        List<ColumnProfile> columns = new ArrayList<>(SpecValidatorOptionCombinationsTest.COLUMNS);
        columns.add(new ColumnProfile("Postcode", "string", 40_000, 0, null, null, null, false, true, List.of()));
        columns.add(new ColumnProfile("Model", "string", 900, 0, null, null, null, false, true, List.of()));
        ModelSpec spec = spec(List.of(TermSpec.categorical("Postcode"), TermSpec.categorical("Model")), FitOptions.DEFAULT)
                .withInteractions(List.of(InteractionSpec.of(TermSpec.categorical("Postcode"), TermSpec.categorical("Model"), true)));
        assertThat(errors(spec, columns)).anyMatch(e -> e.startsWith(SpecIssue.TERMS + ": The model has")
                && e.contains("at most 200,000 are allowed"));
    }
}
