package org.atelier.engine.diagnostics;

import java.util.ArrayList;
import java.util.List;

/** Lift tables and the residuals binned by lift bucket, over the rows sorted by predicted rate ascending. */
final class Lifts {
    /** The multiplier of the lift's A/E interval, as the UI states it (Poisson-type, 95%). */
    static final double Z = 1.96;

    private Lifts() {
    }

    /** The lift with {@code k} buckets. */
    static Lift lift(SortedRows rows, int k) {
        int[] bucket = rows.buckets(k);
        int[] n = new int[k];
        double[] e = new double[k];
        double[] actual = new double[k];
        double[] expected = new double[k];
        for (int j = 0; j < rows.n; j++) {
            int b = bucket[j] - 1;
            n[b]++;
            e[b] += rows.e[j];
            actual[b] += rows.actual[j];
            expected[b] += rows.expected[j];
        }
        List<LiftBucket> out = new ArrayList<>(k);
        for (int b = 0; b < k; b++) {
            double ae = Sums.ratio(actual[b], expected[b]);
            double half = Z / Math.sqrt(Math.max(actual[b], 1));
            out.add(new LiftBucket(b + 1, n[b], e[b], actual[b], expected[b], Sums.ratio(actual[b], e[b]),
                    Sums.ratio(expected[b], e[b]), ae, Math.max(0, ae * (1 - half)), ae * (1 + half)));
        }
        return new Lift(k, out);
    }

    /** Mean residuals per lift bucket: residuals against fitted values. */
    static List<ResidualBin> residualBins(SortedRows rows, int k) {
        int[] bucket = rows.buckets(k);
        int[] n = new int[k];
        double[] e = new double[k];
        double[] expected = new double[k];
        double[] dev = new double[k];
        double[] pearson = new double[k];
        for (int j = 0; j < rows.n; j++) {
            int b = bucket[j] - 1;
            n[b]++;
            e[b] += rows.e[j];
            expected[b] += rows.expected[j];
            dev[b] += rows.dev[j];
            pearson[b] += rows.pearson[j];
        }
        List<ResidualBin> out = new ArrayList<>(k);
        for (int b = 0; b < k; b++) {
            out.add(new ResidualBin(b + 1, n[b], Sums.ratio(expected[b], e[b]), Sums.ratio(dev[b], n[b]),
                    Sums.ratio(pearson[b], n[b])));
        }
        return out;
    }
}
