package org.atelier.engine.diagnostics;

/**
 * The equal-exposure bucket rule shared by the lift, the double lift and the bands of a numeric column: in the
 * given order, item i goes to bucket min(k, floor(k·(C_{i-1} + e_i/2)/C) + 1), C_{i-1} the exposure before it and
 * C the total. An item sits in the bucket its exposure's midpoint falls in, so a single heavy row never drags its
 * neighbours along, and buckets hold near-equal exposure. With no exposure at all every item goes to bucket 1.
 */
final class Buckets {
    private Buckets() {
    }

    /** The 1-based bucket of each item, indexed like {@code exposure}, the items visited in {@code order}. */
    static int[] assign(int[] order, double[] exposure, int k) {
        double[] inOrder = new double[order.length];
        for (int j = 0; j < order.length; j++) {
            inOrder[j] = exposure[order[j]];
        }
        int[] byPosition = assignInOrder(inOrder, k);
        int[] bucket = new int[exposure.length];
        for (int j = 0; j < order.length; j++) {
            bucket[order[j]] = byPosition[j];
        }
        return bucket;
    }

    /** The rule over items 0..m-1 in index order (sorted rows, or a column's distinct values ascending). */
    static int[] assignInOrder(double[] exposure, int k) {
        double total = 0;
        for (double x : exposure) {
            total += x;
        }
        int[] bucket = new int[exposure.length];
        double cumulative = 0;
        for (int i = 0; i < exposure.length; i++) {
            cumulative += exposure[i];
            // C_{i-1} as the running total minus the item, the way R's cumsum(e) - e computes it, so boundary
            // items land where the reference puts them
            double before = cumulative - exposure[i];
            bucket[i] = total > 0 ? Math.min(k, (int) Math.floor(k * (before + exposure[i] / 2) / total) + 1) : 1;
        }
        return bucket;
    }
}
