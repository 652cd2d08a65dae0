package org.atelier.engine.design;

import java.util.ArrayList;
import java.util.List;
import org.atelier.engine.error.DesignMatrixError;
import org.atelier.engine.error.ValidationError;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.spec.SpecRules;
import org.atelier.engine.spec.TermType;
import org.atelier.engine.spline.SplineBasis;

/**
 * A B-spline ({@code bs}) or natural spline ({@code ns}) expansion of a numeric column: with {@code df} a fixed
 * regression spline; with {@code k} (or neither, k = {@link #DEFAULT_K}) a penalized smooth of k basis columns whose
 * second-order difference penalty ({@link #penalty}) is weighed by a smoothing parameter chosen by GCV at fit time.
 */
public record SplineEncoder(String column, int df, SplineBasis basis, boolean penalized, int direction,
                            String warning) implements TermEncoder {
    public static final int DEFAULT_K = 10;

    /** A spline fitted as asked: no warning. */
    public SplineEncoder(String column, int df, SplineBasis basis, boolean penalized, int direction) {
        this(column, df, basis, penalized, direction, null);
    }

    public SplineEncoder(String column, int df, SplineBasis basis) {
        this(column, df, basis, false, 0);
    }

    public SplineEncoder(String column, int df, SplineBasis basis, boolean penalized) {
        this(column, df, basis, penalized, 0);
    }

    /**
     * The monotone form ({@code direction} +1 increasing, -1 decreasing): column i becomes Σ_{j≥i} B_j, so the
     * coefficients are the increments of the B-spline coefficient sequence (0, β_1, ..., β_k); increments of one
     * sign make that sequence, and hence the curve, monotone. The fitter constrains their sign.
     */
    public SplineEncoder monotone(int newDirection) {
        return new SplineEncoder(column, df, basis, penalized, newDirection, warning);
    }

    /** Why the spline has fewer columns than asked (coinciding quantile knots), if it has. */
    @Override
    public List<String> warnings() {
        return warning == null ? List.of() : List.of(warning);
    }

    public static SplineEncoder learn(Frame frame, String column, boolean natural, Integer df, Integer k, Integer degree) {
        String kind = (natural ? TermType.NS : TermType.BS).id();
        String[] problem = SpecRules.splineProblem(column, natural, df, k, degree);
        if (problem != null) {
            throw new ValidationError("Term " + problem[1]);
        }
        boolean penalized = df == null;
        if (penalized) {
            df = k == null ? DEFAULT_K : k;
        }
        int deg = degree == null ? 3 : degree;
        double[] values = Columns.numeric(frame, column);
        checkRange(column, values);
        SplineBasis.Learned learned = SplineBasis.learnDistinct(natural, df, deg, values);
        SplineBasis basis = learned.basis();
        String warning = learned.ties().isEmpty() ? null
                : tieWarning(kind, column, penalized ? "k" : "df", df, learned);
        return new SplineEncoder(column, basis.columns(), basis, penalized, 0, warning);
    }

    /**
     * A regression spline on knots the user chose (no quantiles). Coinciding knots, or knots on or outside the data
     * range, are refused: unlike quantile knots on tied data there is no "intended" set to fall back to.
     */
    public static SplineEncoder withKnots(Frame frame, String column, boolean natural, double[] knots, Integer degree) {
        String kind = (natural ? TermType.NS : TermType.BS).id();
        int deg = degree == null ? 3 : degree;
        double[] values = Columns.numeric(frame, column);
        double[] range = checkRange(column, values);
        try {
            SplineBasis basis = SplineBasis.withKnots(natural, deg, knots, range[0], range[1]);
            return new SplineEncoder(column, basis.columns(), basis, false, 0, null);
        } catch (IllegalArgumentException e) {
            throw new ValidationError("Term '" + column + "': " + kind + " " + e.getMessage());
        }
    }

    private static double[] checkRange(String column, double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (!(max > min)) {
            throw new DesignMatrixError("Column '" + column + "' has no variation: a spline needs a range");
        }
        return new double[] {min, max};
    }

    /**
     * "ns(BonusMalus, df=4): 2 of 3 interior knots coincide at 50, the lower boundary knot (63% of rows have that
     * value); fitted with df=2": the term, what was asked, why knots went, and what was fitted instead.
     */
    static String tieWarning(String kind, String column, String option, int asked, SplineBasis.Learned learned) {
        List<String> ties = new ArrayList<>();
        for (SplineBasis.Tie tie : learned.ties()) {
            ties.add(tie.count() + " of " + learned.askedKnots() + " interior knots "
                    + (tie.count() == 1 ? "falls on " : "coincide at ")
                    + SplineBasis.format(tie.at()) + (tie.boundary() == null ? "" : ", the " + tie.boundary() + " boundary knot")
                    + String.format(" (%.0f%% of rows have that value)", 100 * tie.share()));
        }
        return kind + "(" + column + ", " + option + "=" + asked + "): " + String.join("; ", ties)
                + "; fitted with " + option + "=" + learned.basis().columns();
    }

    /**
     * S = D'D for the second-order differences of the coefficient sequence (0, β_1, ..., β_k): the basis column
     * dropped for identifiability has coefficient 0, so S's null space is the straight lines (P-splines).
     */
    public double[] penalty() {
        int k = df;
        double[] s = new double[k * k];
        for (int r = 0; r < k - 1; r++) {
            // row r of D on the full sequence touches positions r, r+1, r+2; position 0 is the dropped column
            int[] at = {r - 1, r, r + 1};
            double[] d = {1, -2, 1};
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    if (at[a] >= 0 && at[b] >= 0) {
                        s[at[a] * k + at[b]] += d[a] * d[b];
                    }
                }
            }
        }
        return s;
    }

    public String name() {
        return column;
    }

    public List<String> columns() {
        return List.of(column);
    }

    /** ns or bs, whose word also names the basis columns: "bs(VehAge, 2/5)". */
    public TermType type() {
        return basis.natural() ? TermType.NS : TermType.BS;
    }

    public List<Block> encode(Frame frame) {
        double[][] cols = basis.evaluate(Columns.numeric(frame, column));
        if (direction != 0) {
            for (int j = cols.length - 2; j >= 0; j--) {
                for (int i = 0; i < cols[j].length; i++) {
                    cols[j][i] += cols[j + 1][i];
                }
            }
        }
        List<Block> blocks = new ArrayList<>(cols.length);
        for (int j = 0; j < cols.length; j++) {
            blocks.add(new Block.Dense(type().id() + "(" + column + ", " + (j + 1) + "/" + cols.length + ")", column, cols[j]));
        }
        return blocks;
    }
}
