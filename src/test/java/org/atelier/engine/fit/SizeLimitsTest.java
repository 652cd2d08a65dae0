package org.atelier.engine.fit;

import java.util.List;
import org.atelier.data.SampleModel;
import org.atelier.data.SamplePortfolio;
import org.atelier.engine.error.DesignMatrixError;
import org.atelier.engine.error.ValidationError;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.PenaltyKind;
import org.atelier.engine.spec.Selection;
import org.atelier.engine.spec.SpecLimits;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.TermType;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Specs whose size would exhaust the heap are refused before anything is allocated, with a message naming the field,
 * its value and the cap; and a model that would not fit in the heap is refused with the figures.
 */
class SizeLimitsTest {
    private static final Frame FRAME = SamplePortfolio.generate(3L, 2_000);

    private static ModelSpec frequency(List<TermSpec> terms, FitOptions options) {
        return ModelSpec.of("ClaimNb", "poisson", terms).withOffset("Exposure").withFitOptions(options);
    }

    @Test
    void aMillionSplineDfIsRefusedNamingTheTermAndTheCap() {
        ModelSpec spec = frequency(List.of(TermSpec.bs("DrivAge", 1_000_000, null)), FitOptions.DEFAULT);
        assertThatThrownBy(() -> GlmFitter.fit(spec, FRAME)).isInstanceOf(ValidationError.class)
                .hasMessageContaining("Term 'DrivAge'").hasMessageContaining("df is 1,000,000")
                .hasMessageContaining("at most " + SpecLimits.MAX_SPLINE_DF);
    }

    @Test
    void aHundredThousandKIsRefused() {
        TermSpec smooth = new TermSpec("DrivAge", TermType.NS, null, 100_000, null, null, null, null, null, null);
        ModelSpec spec = frequency(List.of(smooth), FitOptions.DEFAULT);
        assertThatThrownBy(() -> GlmFitter.fit(spec, FRAME)).isInstanceOf(ValidationError.class)
                .hasMessageContaining("Term 'DrivAge'").hasMessageContaining("k is 100,000")
                .hasMessageContaining("at most " + SpecLimits.MAX_SPLINE_DF);
    }

    @Test
    void aHundredThousandFoldsAreRefused() {
        FitOptions options = new FitOptions(0, 1, 25, 1e-8, PenaltyKind.LASSO, 100_000, Selection.MIN, 20, 1L);
        ModelSpec spec = frequency(List.of(TermSpec.linear("DrivAge")), options);
        assertThatThrownBy(() -> GlmFitter.fit(spec, FRAME)).isInstanceOf(ValidationError.class)
                .hasMessageContaining("CV folds (cv) is 100,000").hasMessageContaining("at most " + SpecLimits.MAX_CV_FOLDS);
    }

    @Test
    void aBillionPenaltiesAreRefused() {
        FitOptions options = new FitOptions(0, 1, 25, 1e-8, PenaltyKind.LASSO, 5, Selection.MIN, 1_000_000_000, 1L);
        ModelSpec spec = frequency(List.of(TermSpec.linear("DrivAge")), options);
        assertThatThrownBy(() -> GlmFitter.fit(spec, FRAME)).isInstanceOf(ValidationError.class)
                .hasMessageContaining("n_alphas) is 1,000,000,000").hasMessageContaining("at most 1,000 are allowed");
    }

    @Test
    void aModelOverTheHeapIsRefusedWithItsFigures() {
        ModelSpec spec = SampleModel.frequency();
        FitSettings small = FitSettings.defaults().withHeap(HeapBudget.of(300_000, 200_000));
        assertThatThrownBy(() -> GlmFitter.fit(spec, FRAME, small)).isInstanceOf(DesignMatrixError.class)
                .hasMessageContaining("This model needs about").hasMessageContaining("on 2,000 rows")
                .hasMessageContaining("the server has 0.10 MB free of a 0.30 MB heap");
        // the same model within a roomy bound fits
        FitSettings roomy = FitSettings.defaults().withHeap(HeapBudget.of(1L << 40, 0));
        assertThat(GlmFitter.fit(spec, FRAME, roomy).statistics().converged()).isTrue();
    }

    @Test
    void theBlockSolverNeedsFarLessThanTheDenseOne() {
        Frame wide = org.atelier.engine.fit.BlockSolverFrames.postcodes(20_000, 5_000);
        ModelSpec spec = ModelSpec.of("claims", "poisson", List.of(TermSpec.categorical("postcode"),
                TermSpec.linear("age"))).withOffset("exposure");
        // 5,001² doubles per row chunk and for the factor and inverse would be over 1 GB; eliminated, the solve needs a few MB
        FitSettings bound = FitSettings.defaults().withHeap(HeapBudget.of(64_000_000, 0));
        FittedModel model = GlmFitter.fit(spec, wide, bound);
        assertThat(model.coefficients().length).isEqualTo(5_001);
        // the block form of the covariance is what is stored, and it reads back to the same standard errors
        assertThat(model.covariance().length).isLessThan(5_001 * 10);
        FittedModel back = ModelSerializer.read(ModelSerializer.write(model));
        assertThat(back.coefficientTable()).isEqualTo(model.coefficientTable());
    }
}
