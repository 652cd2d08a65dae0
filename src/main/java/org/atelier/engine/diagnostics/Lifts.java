package org.atelier.engine.diagnostics;

import java.util.ArrayList;
import java.util.List;

/** Lift tables and the residuals binned by lift bucket, from rows sorted by predicted rate ascending. */
final class Lifts {
    /** The multiplier of the lift's A/E interval, as the UI states it (Poisson-type, 95%). */
    static final double Z = 1.96;

    private Lifts() {
    }

    /** The lift with {@code k} buckets over rows in {@code ascending} order of predicted rate. */
    static Lift lift(RowMeasures rows, int[] ascending, int k) {
        int[] bucket = Buckets.assign(ascending, rows.e, k);
        Sums sums = sums(rows, ascending, bucket, k);
        List<LiftBucket> out = new ArrayList<>(k);
        for (int b = 0; b < k; b++) {
            double a = sums.actual[b];
            double ae = Sums.ratio(a, sums.expected[b]);
            double half = Z / Math.sqrt(Math.max(a, 1));
            out.add(new LiftBucket(b + 1, sums.n[b], sums.exposure[b], a, sums.expected[b],
                    Sums.ratio(a, sums.exposure[b]), Sums.ratio(sums.expected[b], sums.exposure[b]), ae,
                    Math.max(0, ae * (1 - half)), ae * (1 + half)));
        }
        return new Lift(k, out);
    }

    /** Mean residuals per lift bucket: residuals against fitted values. */
    static List<ResidualBin> residualBins(RowMeasures rows, int[] ascending, int k, double[] dev, double[] pearson) {
        int[] bucket = Buckets.assign(ascending, rows.e, k);
        Sums sums = new Sums(k);
        int[] group = zeroBased(bucket);
        sums.add(rows, dev, pearson, group, ascending);
        List<ResidualBin> out = new ArrayList<>(k);
        for (int b = 0; b < k; b++) {
            out.add(new ResidualBin(b + 1, sums.n[b], Sums.ratio(sums.expected[b], sums.exposure[b]),
                    Sums.ratio(sums.devianceResidual[b], sums.n[b]), Sums.ratio(sums.pearsonResidual[b], sums.n[b])));
        }
        return out;
    }

    private static Sums sums(RowMeasures rows, int[] ascending, int[] bucket, int k) {
        Sums sums = new Sums(k);
        double[] none = new double[rows.n];
        sums.add(rows, none, none, zeroBased(bucket), ascending);
        return sums;
    }

    private static int[] zeroBased(int[] bucket) {
        int[] out = new int[bucket.length];
        for (int i = 0; i < bucket.length; i++) {
            out[i] = bucket[i] - 1;
        }
        return out;
    }
}
