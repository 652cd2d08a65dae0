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
        double total = 0;
        for (int i : order) {
            total += exposure[i];
        }
        int[] bucket = new int[exposure.length];
        double cumulative = 0;
        for (int i : order) {
            cumulative += exposure[i];
            // C_{i-1} as the running total minus the item, the way R's cumsum(e) - e computes it, so boundary
            // items land where the reference puts them
            double before = cumulative - exposure[i];
            bucket[i] = total > 0 ? Math.min(k, (int) Math.floor(k * (before + exposure[i] / 2) / total) + 1) : 1;
        }
        return bucket;
    }

    /** The same rule over items 0..m-1 in index order (distinct values of a column, ascending). */
    static int[] assignInOrder(double[] exposure, int k) {
        int[] order = new int[exposure.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        return assign(order, exposure, k);
    }
}
