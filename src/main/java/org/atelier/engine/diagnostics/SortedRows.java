package org.atelier.engine.diagnostics;

/**
 * The rows' sums in ascending order of predicted rate, gathered once so that each lift, the residual bins and the
 * Gini are sequential passes (a pass through a permutation would miss the cache on every row).
 */
final class SortedRows {
    final int n;
    final double[] e;
    final double[] actual;
    final double[] expected;
    final double[] dev;
    final double[] pearson;
    final RankOrder order;

    SortedRows(RowMeasures rows, RankOrder order, double[] devianceResiduals, double[] pearsonResiduals) {
        this.n = rows.n;
        this.order = order;
        e = gather(rows.e, order.ascending);
        actual = gather(rows.actual, order.ascending);
        expected = gather(rows.expected, order.ascending);
        dev = gather(devianceResiduals, order.ascending);
        pearson = gather(pearsonResiduals, order.ascending);
    }

    private static double[] gather(double[] values, int[] order) {
        double[] out = new double[order.length];
        for (int j = 0; j < order.length; j++) {
            out[j] = values[order[j]];
        }
        return out;
    }

    /** Each sorted position's bucket (1-based) by the equal-exposure rule. */
    int[] buckets(int k) {
        return Buckets.assignInOrder(e, k);
    }
}
