package org.atelier.engine.diagnostics;

import java.util.Arrays;

/**
 * Rows ranked by a value: the distinct values ascending, each row's rank among them, and the rows in ascending
 * order with ties in file order (a stable counting sort over the ranks, so 678k rows sort in a few tens of ms).
 */
final class RankOrder {
    final double[] distinct;
    final int[] rank;
    final int[] ascending;

    private RankOrder(double[] distinct, int[] rank, int[] ascending) {
        this.distinct = distinct;
        this.rank = rank;
        this.ascending = ascending;
    }

    static RankOrder of(double[] values) {
        int n = values.length;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int d = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || Double.compare(sorted[i], sorted[d - 1]) != 0) {
                sorted[d++] = sorted[i];
            }
        }
        double[] distinct = Arrays.copyOf(sorted, d);
        int[] rank = new int[n];
        int[] start = new int[d + 1];
        for (int i = 0; i < n; i++) {
            int r = Arrays.binarySearch(distinct, values[i]);
            rank[i] = r;
            start[r + 1]++;
        }
        for (int r = 0; r < d; r++) {
            start[r + 1] += start[r];
        }
        int[] ascending = new int[n];
        for (int i = 0; i < n; i++) {
            ascending[start[rank[i]]++] = i;
        }
        return new RankOrder(distinct, rank, ascending);
    }

    int distinctCount() {
        return distinct.length;
    }
}
