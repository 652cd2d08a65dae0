package org.atelier.engine.spline;

/**
 * B-spline basis functions and their derivatives on a knot vector, as R's {@code splines::splineDesign}:
 * Cox–de Boor recursion, 0/0 taken as 0, and the right end of the last knot interval closed so that the upper
 * boundary knot evaluates like an interior point.
 */
public final class BSplines {
    private BSplines() {
    }

    /**
     * Values (derivative {@code deriv}) of the {@code knots.length - order} basis functions of the given order
     * (degree + 1) at x.
     */
    public static double[] basis(double[] knots, int order, double x, int deriv) {
        int m = knots.length;
        int interval = interval(knots, x);
        return recurse(knots, order, x, deriv, interval, m);
    }

    private static double[] recurse(double[] t, int k, double x, int deriv, int interval, int m) {
        int count = m - k;
        double[] out = new double[count];
        if (k == 1) {
            if (deriv == 0 && interval >= 0 && interval < count) {
                out[interval] = 1;
            }
            return out;
        }
        double[] lower = recurse(t, k - 1, x, Math.max(0, deriv - 1), interval, m); // m - k + 1 functions
        for (int i = 0; i < count; i++) {
            double d1 = t[i + k - 1] - t[i];
            double d2 = t[i + k] - t[i + 1];
            double a = lower[i];
            double b = lower[i + 1];
            if (deriv > 0) {
                double left = d1 > 0 ? a / d1 : 0;
                double right = d2 > 0 ? b / d2 : 0;
                out[i] = (k - 1) * (left - right);
            } else {
                double left = d1 > 0 ? (x - t[i]) / d1 * a : 0;
                double right = d2 > 0 ? (t[i + k] - x) / d2 * b : 0;
                out[i] = left + right;
            }
        }
        return out;
    }

    /** Index i with t[i] <= x < t[i+1]; at the last knot, the last non-empty interval. -1 outside. */
    static int interval(double[] t, double x) {
        int m = t.length;
        if (x < t[0] || x > t[m - 1]) {
            return -1;
        }
        if (x == t[m - 1]) {
            for (int i = m - 2; i >= 0; i--) {
                if (t[i] < t[i + 1]) {
                    return i;
                }
            }
            return -1;
        }
        int lo = 0;
        int hi = m - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (t[mid] <= x) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** R's default (type 7) quantile of sorted data. */
    public static double quantile(double[] sorted, double prob) {
        double h = (sorted.length - 1) * prob;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
