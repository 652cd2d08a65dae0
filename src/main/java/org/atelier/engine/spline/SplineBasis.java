package org.atelier.engine.spline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * R-compatible {@code bs(x, df, degree)} and {@code ns(x, df)} bases without intercept. The knots are learned from
 * the training data (interior knots at equally spaced quantiles, boundary knots at the range) and then fixed, so
 * prediction evaluates the very same functions; outside the boundary the basis is extrapolated as R's
 * {@code predict.bs}/{@code predict.ns} do (Taylor expansion at the boundary; linear for ns).
 */
public record SplineBasis(boolean natural, int degree, double[] interiorKnots, double lower, double upper) {

    /** Learns knots from training values. df counts the basis columns (R's df with intercept = FALSE). */
    public static SplineBasis learn(boolean natural, int df, int degree, double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int interior = natural ? df - 1 : df - degree;
        if (interior < 0) {
            throw new IllegalArgumentException("df " + df + " is below the degree " + degree);
        }
        double[] knots = new double[interior];
        for (int i = 0; i < interior; i++) {
            knots[i] = BSplines.quantile(sorted, (i + 1.0) / (interior + 1));
        }
        return new SplineBasis(natural, natural ? 3 : degree, knots, sorted[0], sorted[sorted.length - 1]);
    }

    /**
     * Quantile knots as {@link #learn}, but knots that coincide with each other or with a boundary knot (tied data:
     * most rows at one value) are dropped, so every basis column has support in the data and the design keeps full
     * rank; the basis has fewer columns than asked for then. Untied data gives exactly {@link #learn}'s basis.
     */
    public static Learned learnDistinct(boolean natural, int df, int degree, double[] values) {
        SplineBasis quantiles = learn(natural, df, degree, values);
        double[] asked = quantiles.interiorKnots;
        double[] kept = Arrays.stream(asked).filter(k -> k > quantiles.lower && k < quantiles.upper).distinct().toArray();
        if (kept.length == asked.length) {
            return new Learned(quantiles, asked.length, List.of());
        }
        List<Tie> ties = new ArrayList<>();
        for (double at : Arrays.stream(asked).distinct().toArray()) {
            int count = (int) Arrays.stream(asked).filter(k -> k == at).count();
            boolean boundary = at == quantiles.lower || at == quantiles.upper;
            if (count > 1 || boundary) {
                long rows = Arrays.stream(values).filter(v -> v == at).count();
                ties.add(new Tie(at, count, boundary ? (at == quantiles.lower ? "lower" : "upper") : null,
                        (double) rows / values.length));
            }
        }
        return new Learned(new SplineBasis(natural, quantiles.degree, kept, quantiles.lower, quantiles.upper),
                asked.length, List.copyOf(ties));
    }

    /**
     * A basis on knots the user chose: they must be strictly increasing and strictly inside the boundary knots,
     * since coinciding knots leave basis columns without support (or a kink the user did not ask for).
     */
    public static SplineBasis withKnots(boolean natural, int degree, double[] knots, double lower, double upper) {
        double[] sorted = knots.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            if (!(sorted[i] > lower && sorted[i] < upper)) {
                throw new IllegalArgumentException("knot " + format(sorted[i]) + " is not inside the data range "
                        + format(lower) + " to " + format(upper) + " (the boundary knots)");
            }
            if (i > 0 && sorted[i] == sorted[i - 1]) {
                throw new IllegalArgumentException("knot " + format(sorted[i]) + " is given twice; knots must be distinct");
            }
        }
        return new SplineBasis(natural, natural ? 3 : degree, sorted, lower, upper);
    }

    /** A value as the user wrote it: 50 rather than 50.0. */
    public static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** Quantile knots with the coinciding ones dropped: the basis, how many interior knots were asked, the ties. */
    public record Learned(SplineBasis basis, int askedKnots, List<Tie> ties) {
        public int droppedKnots() {
            return askedKnots - basis.interiorKnots.length;
        }
    }

    /**
     * {@code count} interior quantile knots fell on {@code at}, which is the {@code boundary} knot ("lower",
     * "upper") or null when they only coincide with each other; {@code share} of the rows have that value.
     */
    public record Tie(double at, int count, String boundary, double share) {
    }

    public int columns() {
        return natural ? interiorKnots.length + 1 : interiorKnots.length + degree;
    }

    private int order() {
        return degree + 1;
    }

    private double[] allKnots() {
        int ord = order();
        double[] t = new double[2 * ord + interiorKnots.length];
        Arrays.fill(t, 0, ord, lower);
        System.arraycopy(interiorKnots, 0, t, ord, interiorKnots.length);
        Arrays.fill(t, ord + interiorKnots.length, t.length, upper);
        Arrays.sort(t);
        return t;
    }

    /** The basis evaluated at every value: column-major, {@code columns()} arrays of length n. */
    public double[][] evaluate(double[] values) {
        double[] t = allKnots();
        int ord = order();
        int raw = t.length - ord; // with the intercept column, dropped below
        double[][] out = new double[columns()][values.length];
        NaturalProjection projection = natural ? new NaturalProjection(t) : null;
        double[][] lowerDerivs = boundaryDerivatives(t, lower);
        double[][] upperDerivs = boundaryDerivatives(t, upper);
        for (int i = 0; i < values.length; i++) {
            double x = values[i];
            double[] row;
            if (x < lower || x > upper) {
                double pivot = x < lower ? lower : upper;
                double[][] derivs = x < lower ? lowerDerivs : upperDerivs;
                row = new double[raw];
                int maxDeriv = natural ? 1 : degree;
                double factor = 1;
                for (int d = 0; d <= maxDeriv; d++) {
                    if (d > 0) {
                        factor *= (x - pivot) / d;
                    }
                    for (int j = 0; j < raw; j++) {
                        row[j] += factor * derivs[d][j];
                    }
                }
            } else {
                row = BSplines.basis(t, ord, x, 0);
            }
            double[] dropped = Arrays.copyOfRange(row, 1, raw);
            double[] finalRow = natural ? projection.apply(dropped) : dropped;
            for (int j = 0; j < finalRow.length; j++) {
                out[j][i] = finalRow[j];
            }
        }
        return out;
    }

    private double[][] boundaryDerivatives(double[] t, double at) {
        double[][] d = new double[degree + 1][];
        for (int r = 0; r <= degree; r++) {
            d[r] = BSplines.basis(t, order(), at, r);
        }
        return d;
    }

    /**
     * ns's constraint: second derivatives zero at both boundary knots. R projects the basis on the null space of
     * those constraints with the Householder QR of LINPACK's dqrdc2 and keeps Q'b minus its first two entries;
     * the same reflections are reproduced here so the columns (and so the coefficients) match R's.
     */
    private static final class NaturalProjection {
        private final double[][] a; // (raw-1) × 2, reflected in place
        private final double[] qraux = new double[2];
        private final int rows;

        NaturalProjection(double[] t) {
            double[] atLower = BSplines.basis(t, 4, t[0], 2);
            double[] atUpper = BSplines.basis(t, 4, t[t.length - 1], 2);
            rows = atLower.length - 1;
            a = new double[2][rows];
            for (int j = 0; j < rows; j++) {
                a[0][j] = atLower[j + 1];
                a[1][j] = atUpper[j + 1];
            }
            for (int l = 0; l < 2; l++) {
                double norm = 0;
                for (int i = l; i < rows; i++) {
                    norm += a[l][i] * a[l][i];
                }
                norm = Math.sqrt(norm);
                if (norm == 0) {
                    continue;
                }
                if (a[l][l] != 0) {
                    norm = Math.copySign(norm, a[l][l]);
                }
                for (int i = l; i < rows; i++) {
                    a[l][i] /= norm;
                }
                a[l][l] += 1;
                for (int j = l + 1; j < 2; j++) {
                    double dot = 0;
                    for (int i = l; i < rows; i++) {
                        dot += a[l][i] * a[j][i];
                    }
                    double s = -dot / a[l][l];
                    for (int i = l; i < rows; i++) {
                        a[j][i] += s * a[l][i];
                    }
                }
                qraux[l] = a[l][l];
                a[l][l] = -norm;
            }
        }

        double[] apply(double[] b) {
            double[] y = b.clone();
            for (int j = 0; j < 2; j++) {
                if (qraux[j] == 0) {
                    continue;
                }
                double saved = a[j][j];
                a[j][j] = qraux[j];
                double dot = 0;
                for (int i = j; i < rows; i++) {
                    dot += a[j][i] * y[i];
                }
                double s = -dot / a[j][j];
                for (int i = j; i < rows; i++) {
                    y[i] += s * a[j][i];
                }
                a[j][j] = saved;
            }
            return Arrays.copyOfRange(y, 2, rows);
        }
    }
}
