package org.atelier.engine.diagnostics;

import java.util.List;

/**
 * What to compute: the lift bucket counts (the first one also bins the residuals), the columns to show A/E by
 * ({@code null} for every column but the response, offset and weights) and the seed of the QQ plot's sample.
 */
public record DiagnosticsOptions(List<Integer> bucketCounts, List<String> factors, long seed) {
    /** The bucket counts the workbench offers, 10 first (the default). */
    public static final List<Integer> OFFERED_BUCKETS = List.of(10, 5, 20);
    public static final DiagnosticsOptions DEFAULT = new DiagnosticsOptions(OFFERED_BUCKETS, null, 0);

    public DiagnosticsOptions {
        bucketCounts = List.copyOf(bucketCounts);
        if (bucketCounts.isEmpty() || bucketCounts.stream().anyMatch(k -> k < 1)) {
            throw new IllegalArgumentException("Lift needs at least one bucket count, each at least 1: " + bucketCounts);
        }
        factors = factors == null ? null : List.copyOf(factors);
    }

    /** One lift with {@code k} buckets. */
    public static DiagnosticsOptions buckets(int k, List<String> factors) {
        return new DiagnosticsOptions(List.of(k), factors, 0);
    }

    /** The bucket count the residuals are binned by. */
    public int primaryBuckets() {
        return bucketCounts.getFirst();
    }
}
