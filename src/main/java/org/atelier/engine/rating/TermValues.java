package org.atelier.engine.rating;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.atelier.engine.design.Block;
import org.atelier.engine.design.TermEncoder;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.linalg.Covariance;
import org.atelier.engine.frame.Frame;

/**
 * A term's design values on some rows, read through the term's own encoder (the code the model predicts with), so
 * every relativity in a table is the model's effect at that value: f = g'β on the link scale with its standard
 * error sqrt(g'Σg) from the covariance of the term's coefficients, g the row's design values. Rows are compared
 * by differencing their g, so a curve relative to its base value keeps an exact interval.
 */
final class TermValues {
    private Covariance covariance;
    private final FittedModel model;
    private final int[] at; // coefficient index of each of the term's features (-1: not in the model)
    private final double[][] g; // row × feature

    private TermValues(FittedModel model, int[] at, double[][] g) {
        this.model = model;
        this.at = at;
        this.g = g;
    }

    static TermValues of(FittedModel model, TermEncoder encoder, Frame rows) {
        List<Block> blocks = encoder.encode(rows);
        List<String> features = new ArrayList<>();
        for (Block b : blocks) {
            features.addAll(b.features());
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < model.features().size(); i++) {
            index.put(model.features().get(i), i);
        }
        int[] at = features.stream().mapToInt(f -> index.getOrDefault(f, -1)).toArray();
        int n = rows.rowCount();
        double[][] g = new double[n][features.size()];
        int offset = 0;
        for (Block b : blocks) {
            switch (b) {
                case Block.Dense d -> {
                    for (int i = 0; i < n; i++) {
                        g[i][offset] = d.values()[i];
                    }
                }
                case Block.Categorical c -> {
                    for (int i = 0; i < n; i++) {
                        if (c.codes()[i] >= 0) {
                            g[i][offset + c.codes()[i]] = c.scaleAt(i);
                        }
                    }
                }
            }
            offset += b.width();
        }
        return new TermValues(model, at, g);
    }

    /** A term entering as one feature whose design value is given per row (an encoded level, an expression's value). */
    static TermValues ofValues(FittedModel model, String feature, double[] values) {
        int at = model.features().indexOf(feature);
        double[][] g = new double[values.length][1];
        for (int i = 0; i < values.length; i++) {
            g[i][0] = values[i];
        }
        return new TermValues(model, new int[] {at}, g);
    }

    int size() {
        return g.length;
    }

    /** f and its standard error at a row, relative to the base row ({@code base} &lt; 0: to the term's zero). */
    double[] effect(int row, int base) {
        double[] w = g[row].clone();
        if (base >= 0) {
            for (int j = 0; j < w.length; j++) {
                w[j] -= g[base][j];
            }
        }
        return combination(w);
    }

    /** g'β at a row: the term's contribution to the linear predictor there. */
    double value(int row) {
        return combination(g[row])[0];
    }

    private double[] combination(double[] w) {
        double[] beta = model.coefficients();
        if (covariance == null) {
            covariance = model.covarianceMatrix(); // set up once: a blocked model's view is not free
        }
        double f = 0;
        double var = 0;
        for (int a = 0; a < w.length; a++) {
            if (at[a] < 0 || w[a] == 0) {
                continue;
            }
            f += w[a] * beta[at[a]];
            for (int b = 0; b < w.length; b++) {
                if (at[b] >= 0 && w[b] != 0) {
                    var += w[a] * w[b] * covariance.at(at[a], at[b]);
                }
            }
        }
        return new double[] {f, Math.sqrt(Math.max(var, 0))};
    }
}
