package org.atelier.engine.design;

import java.util.ArrayList;
import java.util.List;
import org.atelier.engine.error.DesignMatrixError;
import org.atelier.engine.error.ValidationError;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.spline.SplineBasis;

/** A B-spline ({@code bs}) or natural spline ({@code ns}) expansion of a numeric column with fixed df. */
public record SplineEncoder(String column, int df, SplineBasis basis) implements TermEncoder {

    public static SplineEncoder learn(Frame frame, String column, boolean natural, Integer df, Integer k, Integer degree) {
        String kind = natural ? "ns" : "bs";
        if (df != null && k != null) {
            throw new ValidationError("Term '" + column + "': set either df or k, not both");
        }
        if (df == null) {
            throw new ValidationError("Term '" + column + "': " + kind + " needs df (penalised splines with k are not supported by this engine)");
        }
        int deg = degree == null ? 3 : degree;
        if (natural && degree != null && degree != 3) {
            throw new ValidationError("Term '" + column + "': ns is always cubic; degree applies to bs only");
        }
        if (!natural && (deg < 1 || deg > 3)) {
            throw new ValidationError("Term '" + column + "': bs degree must be 1, 2 or 3, got " + deg);
        }
        if (df < 1 || (!natural && df < deg)) {
            throw new ValidationError("Term '" + column + "': df must be at least " + (natural ? 1 : deg)
                    + " for " + kind + (natural ? "" : " of degree " + deg) + ", got " + df);
        }
        double[] values = Columns.numeric(frame, column);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (!(max > min)) {
            throw new DesignMatrixError("Column '" + column + "' has no variation: a spline needs a range");
        }
        return new SplineEncoder(column, df, SplineBasis.learn(natural, df, deg, values));
    }

    public String name() {
        return column;
    }

    public List<String> columns() {
        return List.of(column);
    }

    public String kind() {
        return basis.natural() ? "ns" : "bs";
    }

    public List<Block> encode(Frame frame) {
        double[][] cols = basis.evaluate(Columns.numeric(frame, column));
        List<Block> blocks = new ArrayList<>(cols.length);
        for (int j = 0; j < cols.length; j++) {
            blocks.add(new Block.Dense(kind() + "(" + column + ", " + (j + 1) + "/" + cols.length + ")", column, cols[j]));
        }
        return blocks;
    }
}
