package org.atelier.engine.fit;

import java.util.List;
import org.atelier.engine.Frames;
import org.atelier.engine.error.CancelledError;
import org.atelier.engine.error.ConvergenceError;
import org.atelier.engine.error.DesignMatrixError;
import org.atelier.engine.error.FittingError;
import org.atelier.engine.error.GlmException;
import org.atelier.engine.error.PredictionError;
import org.atelier.engine.error.SerializationError;
import org.atelier.engine.error.ValidationError;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.InteractionSpec;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.PenaltyKind;
import org.atelier.engine.spec.Selection;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.TermType;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each kind of engine failure is one line naming the culprit, of the right type, with a suggestion. */
class ErrorsTest {
    private static final double[] X = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    private static final double[] Y = {0, 1, 0, 2, 1, 3, 2, 4, 3, 5};

    private static Frame frame() {
        return Frames.builder().numeric("x", X).numeric("y", Y).numeric("z", 2, 1, 4, 3, 6, 5, 8, 7, 10, 9)
                .numeric("exposure", 1, 1, 0.5, 1, 1, 0.5, 1, 1, 1, 1)
                .text("g", "a", "b", "a", "b", "c", "c", "a", "b", "c", "a").build();
    }

    private static <T extends GlmException> T fails(Class<T> type, ModelSpec spec, Frame frame, String... fragments) {
        T e = assertThrows(type, () -> GlmFitter.fit(spec, frame));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), e.getMessage() + " should mention " + f);
        }
        assertTrue(e.oneLine().startsWith(type.getSimpleName() + ": "));
        if (!(e instanceof CancelledError)) {
            assertTrue(e.suggestion().isPresent());
        }
        return e;
    }

    private static ModelSpec poisson(TermSpec... terms) {
        return ModelSpec.of("y", "poisson", List.of(terms));
    }

    @Test
    void nanOrInfInUsedColumnsAreNamed() {
        Frame bad = Frames.builder().numeric("x", 1, Double.NaN, 3, 4, 5, 6, 7, 8, 9, 10).numeric("y", Y)
                .numeric("w", 1, 1, 1, Double.POSITIVE_INFINITY, 1, 1, 1, 1, 1, 1).build();
        DesignMatrixError e = fails(DesignMatrixError.class, poisson(TermSpec.linear("x")).withWeights("w"), bad,
                "NaN or Inf", "x (1 rows)", "w (1 rows)");
        // advice for missing values, not the checklist for bad factors
        assertTrue(e.suggestion().orElseThrow().contains("fill those values"), e.suggestion().orElseThrow());
    }

    @Test
    void constantAndAllMissingColumns() {
        Frame f = Frames.builder().numeric("c", 3, 3, 3, 3, 3, 3, 3, 3, 3, 3).numeric("y", Y)
                .numeric("m", Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN)
                .text("one", "k", "k", "k", "k", "k", "k", "k", "k", "k", "k").build();
        fails(DesignMatrixError.class, poisson(TermSpec.linear("c")), f, "'c'", "no variation");
        fails(DesignMatrixError.class, poisson(TermSpec.categorical("one")), f, "'one'", "no variation");
        fails(DesignMatrixError.class, poisson(TermSpec.linear("m")), f, "'m'", "entirely missing");
    }

    @Test
    void aliasedColumnsAreListed() {
        Frame f = Frames.with(frame(), Frames.builder().numeric("x2", 2, 4, 6, 8, 10, 12, 14, 16, 18, 20).build().columns().getFirst());
        fails(DesignMatrixError.class, poisson(TermSpec.linear("x"), TermSpec.linear("x2")), f, "x2 duplicates x (correlation 1.000)");
    }

    @Test
    void responseOutsideTheFamilyRange() {
        Frame f = Frames.builder().numeric("x", X).numeric("y", 0, 1, -1, 2, 1, 3, 2, 4, 3, 5).numeric("p", 0, 1, 1.5, 0, 1, 0, 1, 0, 1, 0).build();
        fails(ValidationError.class, poisson(TermSpec.linear("x")), f, "'y'", "1 invalid rows", "negative");
        fails(ValidationError.class, ModelSpec.of("p", "binomial", List.of(TermSpec.linear("x"))), f, "'p'", "between 0 and 1");
        fails(ValidationError.class, ModelSpec.of("x", "gamma", List.of(TermSpec.linear("p"))),
                Frames.builder().numeric("x", 0, 1, 2, 3, 4, 5, 6, 7, 8, 9).numeric("p", X).build(), "'x'", "non-positive");
    }

    /** The advice names the response and what to do about it, not the general checklist for a bad spec. */
    @Test
    void aResponseOutsideTheFamilyRangeIsAdvisedOnItsOwn() {
        double[] amounts = new double[2_000];
        for (int i = 0; i < amounts.length; i++) {
            amounts[i] = i < 1_500 ? 0 : 100 + i;
        }
        double[] x = new double[amounts.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 7;
        }
        Frame f = Frames.builder().numeric("amount", amounts).numeric("x", x).build();
        ValidationError e = assertThrows(ValidationError.class,
                () -> GlmFitter.fit(ModelSpec.of("amount", "gamma", List.of(TermSpec.linear("x"))), f));
        assertTrue(e.getMessage().contains("has 1,500 invalid rows"), e.getMessage());
        String advice = e.suggestion().orElseThrow();
        assertTrue(advice.contains("'amount'") && advice.contains("Tweedie") && !advice.contains("spline df"), advice);
    }

    @Test
    void specMistakes() {
        fails(ValidationError.class, poisson(TermSpec.linear("y")), frame(), "'y'", "is the response variable");
        fails(ValidationError.class, poisson(TermSpec.linear("nope")), frame(), "'nope' is not in the dataset");
        fails(ValidationError.class, ModelSpec.of("nope", "poisson", List.of(TermSpec.linear("x"))), frame(), "'nope'");
        fails(ValidationError.class, poisson(new TermSpec("x", TermType.BS, 4, 6, null, null, null, null, null, null)), frame(), "'x'", "either df or k");
        fails(ValidationError.class, poisson(new TermSpec("x", TermType.BS, 4, null, 5, null, null, null, null, null)), frame(), "'x'", "degree");
        fails(ValidationError.class, poisson(TermSpec.expression("e", "log(x")), frame(), "'e'", "Invalid expression");
        fails(DesignMatrixError.class, poisson(TermSpec.expression("e", "log(x - 5)")), frame(), "'e'", "NaN or Inf");
        fails(ValidationError.class, ModelSpec.of("y", "poisson", List.of(TermSpec.linear("x"))).withLink("logit"), frame(), "logit", "poisson");
        fails(ValidationError.class, ModelSpec.of("y", "poison", List.of(TermSpec.linear("x"))), frame(), "poison");
        fails(ValidationError.class, poisson(TermSpec.linear("x")).withWeights("missing"), frame(), "'missing'");
        fails(ValidationError.class, poisson(TermSpec.linear("x")).withFitOptions(new FitOptions(0.1, 1.5, 25, 1e-8, PenaltyKind.ELASTIC_NET, null, Selection.MIN, 20, null)),
                frame(), "L1 ratio must be between 0 (ridge) and 1 (lasso)");
        fails(ValidationError.class, poisson(TermSpec.linear("x")).withFitOptions(new FitOptions(0, 0, 25, 1e-8, PenaltyKind.LASSO, null, Selection.MIN, 20, null)),
                frame(), "'lasso' needs alpha > 0, or CV folds");
        fails(ValidationError.class, poisson(TermSpec.linear("x")).withFitOptions(new FitOptions(0, 0, 25, 1e-8, PenaltyKind.RIDGE, 1, Selection.MIN, 20, null)),
                frame(), "CV folds must be at least 2");
    }

    @Test
    void nonPositiveExposureIsNamedWithItsCount() {
        Frame f = Frames.with(frame(), Frames.builder().numeric("exposure", 1, 0, 0.5, 1, -1, 0.5, 1, 1, 1, 1).build().columns().getFirst());
        fails(FittingError.class, poisson(TermSpec.linear("x")).withOffset("exposure"), f, "'exposure'", "2 rows <= 0");
    }

    @Test
    void perfectSeparationSuggestsRegularization() {
        Frame f = Frames.builder().numeric("x", X).numeric("r", 0, 0, 0, 0, 0, 1, 1, 1, 1, 1).build();
        FittingError e = fails(FittingError.class, ModelSpec.of("r", "binomial", List.of(TermSpec.linear("x")))
                .withFitOptions(new FitOptions(0, 0, 100, 1e-10, null, null, Selection.MIN, 20, null)), f, "separation");
        assertTrue(e.suggestion().orElseThrow().contains("regularization"));
    }

    @Test
    void nonConvergenceCarriesTheSuggestion() {
        ConvergenceError e = fails(ConvergenceError.class, poisson(TermSpec.linear("x"), TermSpec.categorical("g"))
                .withFitOptions(new FitOptions(0, 0, 2, 1e-14, null, null, Selection.MIN, 20, null)), frame(), "did not converge in 2 iterations");
        assertTrue(e.suggestion().orElseThrow().contains("max_iter"));
    }

    @Test
    void constantResponse() {
        Frame f = Frames.builder().numeric("x", X).numeric("y", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0).build();
        fails(FittingError.class, poisson(TermSpec.linear("x")), f, "'y'", "no variation");
    }

    @Test
    void cancellationStopsBetweenIterations() {
        FitMonitor cancel = new FitMonitor() {
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(CancelledError.class, () -> GlmFitter.fit(poisson(TermSpec.linear("x")), frame(), new FitSettings(null, cancel)));
    }

    @Test
    void unseenLevelsInNewDataAreAPredictionError() {
        FittedModel model = GlmFitter.fit(poisson(TermSpec.linear("x"), TermSpec.categorical("g")), frame());
        Frame newData = Frames.builder().numeric("x", 1, 2).text("g", "a", "zzz").build();
        PredictionError e = assertThrows(PredictionError.class, () -> model.predict(newData));
        assertTrue(e.getMessage().contains("'zzz'") && e.getMessage().contains("'g'"), e.getMessage());
        assertThrows(PredictionError.class, () -> model.predict(Frames.builder().numeric("x", 1).build()));
        assertEquals(2, model.predict(Frames.builder().numeric("x", 1, 2).text("g", "c", "a").build()).length);
    }

    @Test
    void corruptModelBytesAreASerializationError() {
        FittedModel model = GlmFitter.fit(poisson(TermSpec.linear("x")), frame());
        byte[] bytes = ModelSerializer.write(model);
        assertThrows(SerializationError.class, () -> ModelSerializer.read(new byte[] {1, 2, 3}));
        assertThrows(SerializationError.class, () -> ModelSerializer.read(java.util.Arrays.copyOf(bytes, bytes.length / 2)));
    }

    @Test
    void interactionWithTheResponseIsRejected() {
        fails(ValidationError.class, poisson(TermSpec.linear("x")).withInteractions(List.of(
                InteractionSpec.of(TermSpec.linear("y"), TermSpec.categorical("g"), true))), frame(), "'y'");
    }
}
