package org.atelier.engine.diagnostics;

import java.util.List;

/** The lift (quantile, calibration) table with {@code k} buckets, bucket 1 the lowest predicted rate. */
public record Lift(int k, List<LiftBucket> buckets) {
    public Lift {
        buckets = List.copyOf(buckets);
    }
}
