package org.atelier.engine.diagnostics;

/** Running sums per group (bucket, level, band): rows, exposure, actual, expected and the two residuals. */
final class Sums {
    final int[] n;
    final double[] exposure;
    final double[] actual;
    final double[] expected;
    final double[] devianceResidual;
    final double[] pearsonResidual;

    Sums(int groups) {
        n = new int[groups];
        exposure = new double[groups];
        actual = new double[groups];
        expected = new double[groups];
        devianceResidual = new double[groups];
        pearsonResidual = new double[groups];
    }

    /** Adds the rows in {@code order} (file order when null) to their groups. */
    void add(RowMeasures rows, double[] dev, double[] pearson, int[] group, int[] order) {
        for (int j = 0; j < rows.n; j++) {
            int i = order == null ? j : order[j];
            int g = group[i];
            n[g]++;
            exposure[g] += rows.e[i];
            actual[g] += rows.actual[i];
            expected[g] += rows.expected[i];
            devianceResidual[g] += dev[i];
            pearsonResidual[g] += pearson[i];
        }
    }

    /** Adds group {@code from} of {@code other} into group {@code to}. */
    void merge(Sums other, int from, int to) {
        n[to] += other.n[from];
        exposure[to] += other.exposure[from];
        actual[to] += other.actual[from];
        expected[to] += other.expected[from];
        devianceResidual[to] += other.devianceResidual[from];
        pearsonResidual[to] += other.pearsonResidual[from];
    }

    FactorLevel level(int g, String label) {
        return new FactorLevel(label, n[g], exposure[g], actual[g], expected[g], ratio(actual[g], exposure[g]),
                ratio(expected[g], exposure[g]), ratio(actual[g], expected[g]), ratio(devianceResidual[g], n[g]),
                ratio(pearsonResidual[g], n[g]));
    }

    static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }
}
