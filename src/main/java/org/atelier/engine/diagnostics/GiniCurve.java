package org.atelier.engine.diagnostics;

import java.util.ArrayList;
import java.util.List;

/**
 * The Gini index of the predicted rate: rows from the highest rate down, all rows of one rate merged into one step
 * (so tied predictions give one answer whatever their order), Lorenz points (cumulative exposure share, cumulative
 * actual share) from (0, 0), and Gini = 2·(trapezoid area under them) − 1.
 */
record GiniCurve(double gini, List<LorenzPoint> points) {

    static GiniCurve of(SortedRows rows) {
        int[] start = rows.order.runStart;
        int d = rows.order.distinctCount();
        double[] e = new double[d];
        double[] a = new double[d];
        double totalE = 0;
        double totalA = 0;
        for (int r = 0; r < d; r++) {
            for (int j = start[r]; j < start[r + 1]; j++) {
                e[r] += rows.e[j];
                a[r] += rows.actual[j];
            }
            totalE += e[r];
            totalA += a[r];
        }
        double[] x = new double[d + 1];
        double[] y = new double[d + 1];
        double cumE = 0;
        double cumA = 0;
        double area = 0;
        for (int j = 1, r = d - 1; r >= 0; j++, r--) {
            cumE += e[r];
            cumA += a[r];
            x[j] = cumE / totalE;
            y[j] = cumA / totalA;
            area += (x[j] - x[j - 1]) * (y[j - 1] + y[j]) / 2;
        }
        return new GiniCurve(2 * area - 1, thin(x, y));
    }

    /** At most {@link DiagnosticSet#MAX_LORENZ_POINTS} points, evenly spread over the steps, both ends kept. */
    static List<LorenzPoint> thin(double[] x, double[] y) {
        int m = x.length;
        int keep = Math.min(m, DiagnosticSet.MAX_LORENZ_POINTS);
        List<LorenzPoint> out = new ArrayList<>(keep);
        for (int j = 0; j < keep; j++) {
            int i = keep == 1 ? 0 : (int) Math.round((double) j * (m - 1) / (keep - 1));
            out.add(new LorenzPoint(x[i], y[i]));
        }
        return out;
    }
}
