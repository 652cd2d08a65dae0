package org.atelier.engine.diagnostics;

import java.util.ArrayList;
import java.util.List;
import org.atelier.engine.error.ValidationError;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.frame.Frame;

/**
 * Double lift of B against A: rows sorted by μ_B/μ_A ascending (ties in file order), the equal-exposure bucket
 * rule, and per bucket actual and each model's expected, each as a rate divided by its own overall rate. Exposure,
 * weights and the response are model A's.
 */
final class DoubleLift {
    private DoubleLift() {
    }

    static List<DoubleLiftBucket> of(FittedModel a, FittedModel b, Frame frame, int k) {
        if (!a.spec().response().equals(b.spec().response())) {
            throw new ValidationError("A double lift compares models of the same response: '" + a.spec().response()
                    + "' against '" + b.spec().response() + "'");
        }
        RowMeasures rowsA = RowMeasures.of(a, frame, false);
        RowMeasures rowsB = RowMeasures.of(b, frame, false);
        double[] ratio = new double[rowsA.n];
        double[] expectedB = new double[rowsA.n];
        for (int i = 0; i < rowsA.n; i++) {
            ratio[i] = rowsB.mu[i] / rowsA.mu[i];
            expectedB[i] = rowsA.w[i] * rowsB.mu[i];
        }
        return of(rowsA, expectedB, ratio, k);
    }

    /** The buckets for rows with A's measures, B's expected w·μ_B and the sort key μ_B/μ_A. */
    static List<DoubleLiftBucket> of(RowMeasures rows, double[] expectedB, double[] ratio, int k) {
        int[] ascending = RankOrder.of(ratio).ascending;
        int[] bucket = Buckets.assign(ascending, rows.e, k);
        int[] n = new int[k];
        double[] e = new double[k];
        double[] actual = new double[k];
        double[] eA = new double[k];
        double[] eB = new double[k];
        double totalE = 0;
        double totalActual = 0;
        double totalA = 0;
        double totalB = 0;
        for (int i = 0; i < rows.n; i++) {
            int g = bucket[i] - 1;
            n[g]++;
            e[g] += rows.e[i];
            actual[g] += rows.actual[i];
            eA[g] += rows.expected[i];
            eB[g] += expectedB[i];
            totalE += rows.e[i];
            totalActual += rows.actual[i];
            totalA += rows.expected[i];
            totalB += expectedB[i];
        }
        List<DoubleLiftBucket> out = new ArrayList<>(k);
        for (int g = 0; g < k; g++) {
            out.add(new DoubleLiftBucket(g + 1, n[g], e[g], actual[g], eA[g], eB[g],
                    index(actual[g], e[g], totalActual, totalE), index(eA[g], e[g], totalA, totalE),
                    index(eB[g], e[g], totalB, totalE)));
        }
        return out;
    }

    private static double index(double sum, double exposure, double total, double totalExposure) {
        return Sums.ratio(Sums.ratio(sum, exposure), Sums.ratio(total, totalExposure));
    }
}
