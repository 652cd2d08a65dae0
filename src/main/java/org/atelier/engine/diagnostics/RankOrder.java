package org.atelier.engine.diagnostics;

/**
 * Rows in ascending order of a value, ties in file order, and the runs of equal values along that order. A stable
 * least-significant-digit radix sort on the values' order-preserving bit patterns (four 16-bit passes that skip a
 * digit all rows share): linear in the rows, so 678k rows sort in a few tens of ms, and stable, which is exactly
 * "ties in file order".
 */
final class RankOrder {
    private static final int BITS = 16;
    private static final int RADIX = 1 << BITS;

    /** Row indices, ascending by value. */
    final int[] ascending;
    /** {@code runStart[j]}: where the j-th distinct value's run starts in {@link #ascending}; one extra end entry. */
    final int[] runStart;
    /** The distinct values, ascending. */
    final double[] distinct;

    private RankOrder(int[] ascending, int[] runStart, double[] distinct) {
        this.ascending = ascending;
        this.runStart = runStart;
        this.distinct = distinct;
    }

    static RankOrder of(double[] values) {
        int n = values.length;
        long[] keys = new long[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            keys[i] = sortable(values[i]);
            order[i] = i;
        }
        long[] keysOut = new long[n];
        int[] orderOut = new int[n];
        int[] count = new int[RADIX + 1];
        for (int shift = 0; shift < 64; shift += BITS) {
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[(int) (keys[i] >>> shift) & (RADIX - 1)]++;
            }
            if (n > 0 && count[(int) (keys[0] >>> shift) & (RADIX - 1)] == n) {
                continue; // every row has this digit: the pass would not move anything
            }
            int sum = 0;
            for (int d = 0; d < RADIX; d++) {
                int c = count[d];
                count[d] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                int d = (int) (keys[i] >>> shift) & (RADIX - 1);
                int at = count[d]++;
                keysOut[at] = keys[i];
                orderOut[at] = order[i];
            }
            long[] k = keys;
            keys = keysOut;
            keysOut = k;
            int[] o = order;
            order = orderOut;
            orderOut = o;
        }
        int runs = 0;
        int[] start = new int[n + 1];
        for (int j = 0; j < n; j++) {
            if (j == 0 || keys[j] != keys[j - 1]) {
                start[runs++] = j;
            }
        }
        start[runs] = n;
        double[] distinct = new double[runs];
        for (int r = 0; r < runs; r++) {
            distinct[r] = values[order[start[r]]];
        }
        return new RankOrder(order, java.util.Arrays.copyOf(start, runs + 1), distinct);
    }

    /** A long whose unsigned order is the doubles' order (Double.compare's: −0 before +0, NaN last). */
    static long sortable(double v) {
        long bits = Double.doubleToLongBits(v);
        return bits ^ ((bits >> 63) | Long.MIN_VALUE);
    }

    int distinctCount() {
        return distinct.length;
    }
}
