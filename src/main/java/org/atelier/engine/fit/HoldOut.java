package org.atelier.engine.fit;

import java.util.HashSet;
import java.util.Set;
import org.atelier.engine.design.Columns;
import org.atelier.engine.error.ValidationError;
import org.atelier.engine.frame.Column;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.frame.StringColumn;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.Validation;

/**
 * The rows of a spec's {@link Validation}: the fitter fits on {@link Split#train}, the diagnostics judge on both
 * parts. The split lives here, next to the fitter, so every caller of {@link GlmFitter} (the workbench, the command,
 * the generated Java program) fits on exactly the same training rows without filtering the frame itself.
 */
public final class HoldOut {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private HoldOut() {
    }

    /** The two parts, each in file order. {@code test} is null without a validation. */
    public record Split(Frame train, Frame test, int[] trainRows, int[] testRows) {
    }

    /** The spec's split of {@code frame}; without a validation every row trains. */
    public static Split split(ModelSpec spec, Frame frame) {
        Validation v = spec.validation();
        if (v == null) {
            return new Split(frame, null, null, null);
        }
        String problem = problem(v);
        if (problem != null) {
            throw new ValidationError(problem);
        }
        boolean[] test = testRows(v, frame);
        int nTest = 0;
        for (boolean t : test) {
            if (t) nTest++;
        }
        String what = v.method() == Validation.Method.RANDOM ? "random fraction " + v.fraction() + " with seed " + v.seed()
                : "column '" + v.column() + "' in " + v.testValues();
        if (nTest == 0) {
            throw new ValidationError("The validation (" + what + ") leaves no test rows: choose other test values or a larger fraction");
        }
        if (nTest == frame.rowCount()) {
            throw new ValidationError("The validation (" + what + ") leaves no training rows: every row is a test row");
        }
        int[] trainRows = new int[frame.rowCount() - nTest];
        int[] testRows = new int[nTest];
        for (int i = 0, a = 0, b = 0; i < test.length; i++) {
            if (test[i]) testRows[b++] = i;
            else trainRows[a++] = i;
        }
        return new Split(frame.rows(trainRows), frame.rows(testRows), trainRows, testRows);
    }

    /** The rows the model is fitted on. */
    public static Frame training(ModelSpec spec, Frame frame) {
        return spec.validation() == null ? frame : split(spec, frame).train();
    }

    /**
     * What is wrong with a validation regardless of the data, or null: the workbench's spec check and the fitter
     * share it.
     */
    public static String problem(Validation v) {
        return v.problem(); // the spec's own rule, which SpecRules checks too
    }

    /** True for the test rows. */
    public static boolean[] testRows(Validation v, Frame frame) {
        int n = frame.rowCount();
        boolean[] test = new boolean[n];
        if (v.method() == Validation.Method.RANDOM) {
            long seed = v.seed() == null ? 0 : v.seed();
            for (int i = 0; i < n; i++) {
                test[i] = uniform(seed, i) < v.fraction();
            }
            return test;
        }
        Column column = frame.column(v.column()).orElseThrow(() -> new ValidationError(
                "Validation column '" + v.column() + "' is not in the dataset"));
        Set<String> values = new HashSet<>(v.testValues());
        switch (column) {
            case StringColumn text -> {
                boolean[] isTest = new boolean[text.dictionary().length];
                for (int c = 0; c < isTest.length; c++) {
                    isTest[c] = values.contains(text.dictionary()[c]);
                }
                for (int i = 0; i < n; i++) {
                    test[i] = text.codes()[i] >= 0 && isTest[text.codes()[i]];
                }
            }
            case NumericColumn num -> {
                for (int i = 0; i < n; i++) {
                    double x = num.values()[i];
                    test[i] = !Double.isNaN(x) && values.contains(Columns.label(x));
                }
            }
        }
        return test;
    }

    /**
     * Row {@code i}'s uniform draw in [0, 1): SplitMix64 of seed + (i + 1)·φ·2⁶⁴, its top 53 bits. A pure function
     * of (seed, row), written out in the generated Python script.
     */
    static double uniform(long seed, int row) {
        long z = seed + (row + 1L) * GOLDEN;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53;
    }
}
