package org.atelier.engine.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.atelier.engine.Frames;
import org.atelier.engine.error.DesignMatrixError;
import org.atelier.engine.fit.GlmFitter;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.linalg.Cholesky;
import org.atelier.engine.linalg.LinearAlgebras;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.TermSpec;
import org.junit.jupiter.api.Test;

/** The aliased-columns error names the columns, says why they are aliased and advises for that reason. */
class AliasingTest {
    private static final double[] Y = {0, 1, 0, 2, 1, 3, 2, 4, 3, 5};

    private static DesignMatrixError fails(Frame frame, TermSpec... terms) {
        return assertThrows(DesignMatrixError.class, () -> GlmFitter.fit(ModelSpec.of("y", "poisson", List.of(terms)), frame));
    }

    @Test
    void aDuplicatedNumericColumnIsNamedWithTheColumnItRepeats() {
        Frame f = Frames.builder().numeric("x", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
                .numeric("x2", 2, 4, 6, 8, 10, 12, 14, 16, 18, 20).numeric("y", Y).build();
        DesignMatrixError e = fails(f, TermSpec.linear("x"), TermSpec.linear("x2"));
        assertEquals("Singular design matrix: x2 duplicates x (correlation 1.000)", e.getMessage());
        assertEquals("Remove x2 or x: they carry the same information.", e.suggestion().orElseThrow());
    }

    @Test
    void aLevelPresentOnlyWhereAnotherFactorHasALevelIsExplained() {
        // h is w exactly where g is c
        Frame f = Frames.builder().numeric("y", Y).text("g", "a", "b", "a", "b", "c", "c", "a", "b", "c", "a")
                .text("h", "u", "v", "v", "u", "w", "w", "u", "u", "w", "v").build();
        DesignMatrixError e = fails(f, TermSpec.categorical("g"), TermSpec.categorical("h"));
        assertEquals("Singular design matrix: h[T.w] is aliased with g[T.c] (a level present only where g is c)",
                e.getMessage());
        assertEquals("h and g describe the same rows there: drop one of the two factors, or merge h[T.w] into another "
                + "level.", e.suggestion().orElseThrow());
    }

    @Test
    void aSplineWithMoreColumnsThanItsDataHasRoomForSaysSo() {
        // explicit knots at 3, 5 and 7, but x has only the values 0, 1, 2 and 10: nothing between the knots
        double[] x = {0, 1, 2, 10, 0, 1, 2, 10, 0, 10};
        Frame f = Frames.builder().numeric("x", x).build();
        SplineEncoder spline = SplineEncoder.withKnots(f, "x", true, new double[] {3, 5, 7}, null);
        DesignMatrix design = Encoders.design(List.of(spline), true, f);
        double[] w = new double[x.length];
        Arrays.fill(w, 1);
        double[] gram = design.gram(w, LinearAlgebras.fastest());
        Cholesky chol = Cholesky.factor(gram, design.columns());
        assertTrue(!chol.isFullRank());
        DesignMatrixError e = Aliasing.error("Singular design matrix", design, gram, chol.aliased());
        assertEquals("Singular design matrix: ns(x, 3/4) is a linear combination of the other columns: ns(x, 2/4) "
                + "(x has too few distinct values between the spline's knots for its columns)", e.getMessage());
        assertEquals("Lower the df of the spline on x, or place its knots where x has values.", e.suggestion().orElseThrow());
    }

    @Test
    void aConstantColumnOnTheFittedRowsIsCollinearWithTheIntercept() {
        Frame f = Frames.builder().numeric("x", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10).numeric("c", 3, 3, 3, 3, 3, 3, 3, 3, 3, 4)
                .numeric("w", 1, 1, 1, 1, 1, 1, 1, 1, 1, 0).numeric("y", Y).build();
        DesignMatrixError e = assertThrows(DesignMatrixError.class, () -> GlmFitter.fit(ModelSpec.of("y", "poisson",
                List.of(TermSpec.linear("x"), TermSpec.linear("c"))).withWeights("w"), f));
        assertEquals("Singular design matrix: c is constant on the rows with weight (collinear with the intercept)",
                e.getMessage());
        assertTrue(e.suggestion().orElseThrow().startsWith("Remove c"));
    }

    @Test
    void aSumOfTwoColumnsNamesBoth() {
        Frame f = Frames.builder().numeric("x", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10).numeric("z", 2, 1, 4, 3, 6, 5, 8, 7, 10, 9)
                .numeric("s", 3, 3, 7, 7, 11, 11, 15, 15, 19, 19).numeric("y", Y).build();
        DesignMatrixError e = fails(f, TermSpec.linear("x"), TermSpec.linear("z"), TermSpec.linear("s"));
        assertEquals("Singular design matrix: s is a linear combination of the other columns: x, z", e.getMessage());
        assertEquals("Remove one of s, x, z: together they repeat information.", e.suggestion().orElseThrow());
    }
}
