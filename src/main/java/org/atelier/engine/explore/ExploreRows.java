package org.atelier.engine.explore;

import java.util.Arrays;
import org.atelier.engine.design.Columns;
import org.atelier.engine.error.ValidationError;
import org.atelier.engine.frame.Frame;

/**
 * The rows explored and their measures, as model validation defines them: w the prior weight (1 without weights),
 * t the exposure (1 without one), e = w·t, A = w·y; so a one-way table here and the A/E by factor of a model fitted
 * on the same choice sum the same figures. Rows whose response, exposure or weight is missing (or infinite) are left
 * out of every figure and counted in {@code excluded}.
 */
final class ExploreRows {
    final Frame frame;
    final int excluded;
    final int n;
    final double[] y;
    final double[] w;
    final double[] t;
    final double[] e;
    final double[] actual;

    private ExploreRows(Frame frame, int excluded, double[] y, double[] w, double[] t) {
        this.frame = frame;
        this.excluded = excluded;
        this.n = y.length;
        this.y = y;
        this.w = w;
        this.t = t;
        this.e = new double[n];
        this.actual = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = w[i] * t[i];
            actual[i] = w[i] * y[i];
        }
    }

    /** @throws org.atelier.engine.error.GlmException naming the column when a chosen column is unknown or text */
    static ExploreRows of(Frame all, ExploreChoice choice) {
        double[] y = Columns.numeric(all, choice.response());
        double[] t = choice.exposure() == null ? null : Columns.numeric(all, choice.exposure());
        double[] w = choice.weights() == null ? null : Columns.numeric(all, choice.weights());
        if (choice.response().equals(choice.exposure()) || choice.response().equals(choice.weights())) {
            throw new ValidationError("Column '" + choice.response() + "' cannot be both the response and the "
                    + (choice.response().equals(choice.exposure()) ? "exposure" : "weights"));
        }
        int[] kept = new int[all.rowCount()];
        int m = 0;
        for (int i = 0; i < kept.length; i++) {
            if (finite(y[i]) && (t == null || finite(t[i])) && (w == null || finite(w[i]))) kept[m++] = i;
        }
        if (m == 0) {
            throw new ValidationError("No rows to explore: the response '" + choice.response()
                    + "' (or its exposure or weights) is missing on every row");
        }
        Frame frame = m == all.rowCount() ? all : all.rows(Arrays.copyOf(kept, m));
        double[] ky = Columns.numeric(frame, choice.response());
        double[] kt = t == null ? ones(m) : Columns.numeric(frame, choice.exposure());
        double[] kw = w == null ? ones(m) : Columns.numeric(frame, choice.weights());
        return new ExploreRows(frame, all.rowCount() - m, ky, kw, kt);
    }

    private static boolean finite(double v) {
        return !Double.isNaN(v) && !Double.isInfinite(v);
    }

    private static double[] ones(int n) {
        double[] out = new double[n];
        Arrays.fill(out, 1.0);
        return out;
    }
}
