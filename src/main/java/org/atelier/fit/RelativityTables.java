package org.atelier.fit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.atelier.engine.design.CategoricalEncoder;
import org.atelier.engine.design.Columns;
import org.atelier.engine.design.LinearEncoder;
import org.atelier.engine.design.TermEncoder;
import org.atelier.engine.family.Link;
import org.atelier.engine.fit.Coefficient;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.frame.Column;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.frame.StringColumn;
import org.atelier.model.CurvePoint;
import org.atelier.model.FactorRelativities;
import org.atelier.model.LevelRelativity;

/**
 * The relativities view of a log-link model, Emblem-style: for each categorical factor every level's exp(β)
 * with its interval and the exposure behind it (the base level at 1), and for each linear term the curve
 * exp(βx) over the data range with its band. The exposure of a level is the sum of the offset column for a
 * model with an exposure offset, else of the prior weights, else the row count.
 */
final class RelativityTables {
    static final int CURVE_POINTS = 50;

    private RelativityTables() {
    }

    static List<FactorRelativities> of(FittedModel model, Frame frame) {
        if (model.link() != Link.LOG) {
            return List.of();
        }
        Map<String, Coefficient> byFeature = new HashMap<>();
        for (Coefficient c : model.coefficientTable()) {
            byFeature.put(c.feature(), c);
        }
        double[] exposure = exposure(model, frame);
        List<FactorRelativities> out = new ArrayList<>();
        for (TermEncoder encoder : model.encoders()) {
            switch (encoder) {
                case CategoricalEncoder cat -> out.add(levels(cat, byFeature, frame, exposure));
                case LinearEncoder linear -> {
                    Coefficient c = byFeature.get(linear.column());
                    if (c != null) {
                        out.add(curve(linear.column(), c, Columns.numeric(frame, linear.column())));
                    }
                }
                default -> {
                    // splines, expressions and interactions are read in the coefficient table
                }
            }
        }
        return out;
    }

    private static FactorRelativities levels(CategoricalEncoder encoder, Map<String, Coefficient> byFeature,
                                             Frame frame, double[] exposure) {
        List<String> levels = encoder.levels();
        double[] perLevel = exposurePerLevel(Columns.require(frame, encoder.column()), levels, exposure);
        List<LevelRelativity> rows = new ArrayList<>(levels.size());
        for (int i = 0; i < levels.size(); i++) {
            String level = levels.get(i);
            Coefficient c = byFeature.get(encoder.column() + "[T." + level + "]");
            if (c == null) {
                rows.add(new LevelRelativity(level, 1, 1, 1, perLevel[i], level.equals(encoder.baseLevel())));
            } else {
                rows.add(new LevelRelativity(level, Math.exp(c.estimate()), Math.exp(c.ciLower()),
                        Math.exp(c.ciUpper()), perLevel[i], false));
            }
        }
        return new FactorRelativities(encoder.column(), "categorical", encoder.baseLevel(), rows, null);
    }

    private static FactorRelativities curve(String column, Coefficient c, double[] x) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double halfWidth = (c.ciUpper() - c.ciLower()) / 2;
        List<CurvePoint> points = new ArrayList<>(CURVE_POINTS);
        for (int i = 0; i < CURVE_POINTS; i++) {
            double xi = min + (max - min) * i / (CURVE_POINTS - 1);
            double f = c.estimate() * xi;
            double band = Math.abs(xi) * halfWidth;
            points.add(new CurvePoint(xi, Math.exp(f), Math.exp(f - band), Math.exp(f + band)));
        }
        return new FactorRelativities(column, "linear", null, null, points);
    }

    /** Per row: the exposure (offset column of a log-link model), else the prior weight, else 1. */
    private static double[] exposure(FittedModel model, Frame frame) {
        String column = model.spec().offset() != null ? model.spec().offset() : model.spec().weights();
        return column == null ? null : Columns.numeric(frame, column);
    }

    private static double[] exposurePerLevel(Column column, List<String> levels, double[] exposure) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < levels.size(); i++) {
            index.put(levels.get(i), i);
        }
        double[] sums = new double[levels.size()];
        switch (column) {
            case StringColumn s -> {
                int[] levelOfCode = new int[s.dictionary().length];
                for (int code = 0; code < levelOfCode.length; code++) {
                    levelOfCode[code] = index.getOrDefault(s.dictionary()[code], -1);
                }
                int[] codes = s.codes();
                for (int row = 0; row < codes.length; row++) {
                    int level = codes[row] < 0 ? -1 : levelOfCode[codes[row]];
                    if (level >= 0) {
                        sums[level] += exposure == null ? 1 : exposure[row];
                    }
                }
            }
            case NumericColumn n -> {
                Map<Double, Integer> levelOfValue = new HashMap<>();
                double[] values = n.values();
                for (int row = 0; row < values.length; row++) {
                    double v = values[row];
                    if (Double.isNaN(v)) {
                        continue;
                    }
                    int level = levelOfValue.computeIfAbsent(v, value -> index.getOrDefault(Columns.label(value), -1));
                    if (level >= 0) {
                        sums[level] += exposure == null ? 1 : exposure[row];
                    }
                }
            }
        }
        return sums;
    }
}
