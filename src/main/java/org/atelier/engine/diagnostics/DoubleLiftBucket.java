package org.atelier.engine.diagnostics;

/**
 * One bucket of the double lift of model B against model A (rows sorted by μ_B/μ_A, equal-exposure buckets):
 * actual, A's and B's expected, and each one's rate in the bucket divided by its own overall rate (the indices the
 * chart draws: the model whose index follows the actual one better is the better model).
 */
public record DoubleLiftBucket(int bucket, int nObs, double exposure, double actual, double expectedA, double expectedB,
                               double actualIndex, double expectedAIndex, double expectedBIndex) {
}
