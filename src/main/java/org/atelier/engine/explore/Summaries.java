package org.atelier.engine.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The response summary; rate quantiles by R's default (type 7) rule over the rows' rates y/t. */
final class Summaries {
    static final double[] QUANTILES = {0, 0.25, 0.5, 0.75, 0.9, 0.99, 1};

    private Summaries() {
    }

    static ResponseSummary of(ExploreRows rows, String response) {
        double exposure = 0;
        double actual = 0;
        int zeros = 0;
        double[] rate = new double[rows.n];
        int m = 0;
        for (int i = 0; i < rows.n; i++) {
            exposure += rows.e[i];
            actual += rows.actual[i];
            if (rows.y[i] == 0) zeros++;
            if (rows.t[i] > 0) rate[m++] = rows.y[i] / rows.t[i];
        }
        rate = Arrays.copyOf(rate, m);
        Arrays.sort(rate);
        List<ResponseSummary.RateQuantile> quantiles = new ArrayList<>();
        for (double p : QUANTILES) {
            quantiles.add(new ResponseSummary.RateQuantile(p, quantile(rate, p)));
        }
        return new ResponseSummary(response, rows.n, rows.excluded, exposure, actual,
                exposure > 0 ? actual / exposure : Double.NaN, (double) zeros / rows.n, quantiles);
    }

    static double quantile(double[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
