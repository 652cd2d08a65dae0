package org.atelier.engine.effect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.DoubleStream;
import org.atelier.engine.design.Block;
import org.atelier.engine.design.CategoricalEncoder;
import org.atelier.engine.design.Columns;
import org.atelier.engine.design.ExpressionEncoder;
import org.atelier.engine.design.LevelEncoder;
import org.atelier.engine.design.LinearEncoder;
import org.atelier.engine.design.SplineEncoder;
import org.atelier.engine.design.TermEncoder;
import org.atelier.engine.diagnostics.ColumnLevels;
import org.atelier.engine.family.Link;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.inference.Distributions;
import org.atelier.engine.linalg.Covariance;
import org.atelier.engine.spec.TermType;

/**
 * The per-term effects of a fitted model, read from its coefficients and covariance: a continuous term's curve is
 * obtained by running its own encoder on a grid of x values, so splines and expressions are shown exactly as the
 * model evaluates them, with the pointwise band f ± 1.96·sqrt(b'Σb) from the covariance of the term's coefficients.
 * The frame is the training data (for the x range and the exposure per level). Interactions are not summarised
 * here: they are read in the coefficient table.
 *
 * <p>Every curve is relative to one base value b of its variable: f(x) − f(b) on the link scale, so exp(f(x) − f(b))
 * for a log link, 1 at b. Without a base a linear term would read relative to x = 0 (often outside the data) and a
 * spline relative to its lower boundary knot, so two curves of one model would not compare. The default b is the
 * exposure-weighted median of the variable on the training rows ({@link #defaultBase}); {@link #curve} redraws a
 * curve at any other base from the coefficients alone.
 */
public final class Effects {
    public static final int CURVE_POINTS = 50;

    private Effects() {
    }

    public static List<TermEffect> of(FittedModel model, Frame frame) {
        return of(model, frame, CURVE_POINTS);
    }

    public static List<TermEffect> of(FittedModel model, Frame frame, int curvePoints) {
        Context ctx = new Context(model, frame);
        List<TermEffect> out = new ArrayList<>();
        for (TermEncoder encoder : model.encoders()) {
            switch (encoder) {
                case CategoricalEncoder cat -> out.add(levels(ctx, cat));
                case LinearEncoder linear -> out.add(columnCurve(ctx, linear, linear.column(), TermType.LINEAR, curvePoints));
                case SplineEncoder spline -> out.add(columnCurve(ctx, spline, spline.column(), spline.type(), curvePoints));
                case ExpressionEncoder expression -> out.add(expressionCurve(ctx, expression, curvePoints));
                case LevelEncoder level -> out.add(encoded(ctx, level));
                default -> {
                    // interactions: read in the coefficient table
                }
            }
        }
        return out;
    }

    /** What the default base value is, as the chart labels it: "exposure-weighted median" for a frequency model. */
    public static String defaultBaseRule(FittedModel model) {
        boolean exposure = model.link() == Link.LOG && model.spec().offset() != null;
        boolean weights = model.spec().weights() != null;
        return exposure ? "exposure-weighted median" : weights ? "weighted median" : "median";
    }

    /**
     * The default base of a curve over {@code values} (the training rows): their median weighted by exposure (the
     * offset column of a log-link model, else 1) times the prior weight, i.e. the smallest value with at least half
     * the total weight at or below it, a value the portfolio actually has.
     */
    public static double defaultBase(FittedModel model, Frame frame, double[] values) {
        double[] exposure = model.link() == Link.LOG && model.spec().offset() != null
                ? Columns.numeric(frame, model.spec().offset()) : null;
        double[] weights = model.spec().weights() == null ? null : Columns.numeric(frame, model.spec().weights());
        return weightedMedian(values, exposure, weights);
    }

    static double weightedMedian(double[] values, double[] exposure, double[] weights) {
        // weight per distinct value first, through the one-way grouping (one pass for whole numbers in a small
        // range, the common case), so the 678,013-row sample's columns take milliseconds, not a boxed map
        ColumnLevels.Grouping grouping = ColumnLevels.Grouping.of(values);
        double[] distinct = grouping.distinct();
        double[] perValue = new double[distinct.length + 1];
        int[] group = grouping.group();
        double total = 0;
        for (int i = 0; i < values.length; i++) {
            double w = weight(i, exposure, weights);
            if (!Double.isNaN(values[i]) && w > 0) {
                perValue[group[i]] += w;
                total += w;
            }
        }
        double cumulative = 0;
        double last = Double.NaN;
        for (int v = 0; v < distinct.length; v++) {
            if (perValue[v] <= 0) {
                continue;
            }
            cumulative += perValue[v];
            last = distinct[v];
            if (cumulative >= total / 2) {
                return distinct[v];
            }
        }
        return last;
    }

    private static double weight(int i, double[] exposure, double[] weights) {
        return (exposure == null ? 1 : exposure[i]) * (weights == null ? 1 : weights[i]);
    }

    /**
     * One numeric term's curve on the given x values relative to {@code base}, from the model alone (no data): how a
     * stored model's relativity view redraws at a base value the user picks. The base is added to the x values when
     * it is not among them, so the curve shows its 1. Empty when the term has no curve.
     */
    public static Optional<TermEffect> curve(FittedModel model, String term, double[] xs, double base) {
        if (!Double.isFinite(base)) {
            throw new IllegalArgumentException("The base value must be a finite number, got " + base);
        }
        Context ctx = new Context(model, null);
        for (TermEncoder encoder : model.encoders()) {
            if (!encoder.name().equals(term)) {
                continue;
            }
            return switch (encoder) {
                case LinearEncoder linear -> Optional.of(curve(ctx, linear, linear.column(), TermType.LINEAR, xs, base));
                case SplineEncoder spline -> Optional.of(curve(ctx, spline, spline.column(), spline.type(), xs, base));
                case ExpressionEncoder e when e.columns().size() == 1 ->
                        Optional.of(curve(ctx, e, e.columns().getFirst(), TermType.EXPRESSION, xs, base));
                case ExpressionEncoder e -> Optional.of(valueCurve(ctx, e, xs, base));
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    /** What every term needs: coefficient positions, covariance, the link's scale and the exposure per row. */
    record Context(FittedModel model, Frame frame, Map<String, Integer> index, boolean multiplicative, double[] exposure,
                   Covariance covariance) {
        Context(FittedModel model, Frame frame) {
            // the covariance is read from its stored form once: a block form's view costs O(m·q²) to set up
            this(model, frame, indexOf(model.features()), model.link() == Link.LOG, Effects.exposure(model, frame),
                    model.covarianceMatrix());
        }

        EffectScale scale() {
            return multiplicative ? EffectScale.RELATIVITY : EffectScale.LINK;
        }

        double out(double f) {
            return multiplicative ? Math.exp(f) : f;
        }

        /** f = b'β and its standard error for a linear combination of the named coefficients. */
        double[] combination(List<String> features, double[] weights) {
            double[] beta = model.coefficients();
            Covariance cov = covariance;
            int[] at = new int[features.size()];
            double f = 0;
            for (int j = 0; j < at.length; j++) {
                Integer i = index.get(features.get(j));
                at[j] = i == null ? -1 : i;
                if (i != null) {
                    f += beta[i] * weights[j];
                }
            }
            double var = 0;
            for (int a = 0; a < at.length; a++) {
                if (at[a] < 0) continue;
                for (int b = 0; b < at.length; b++) {
                    if (at[b] >= 0) {
                        var += weights[a] * weights[b] * cov.at(at[a], at[b]);
                    }
                }
            }
            return new double[] {f, Math.sqrt(Math.max(var, 0))};
        }

        TermEffect.EffectPoint point(double x, double[] fse) {
            double half = Distributions.Z_975 * fse[1];
            return new TermEffect.EffectPoint(x, out(fse[0]), out(fse[0] - half), out(fse[0] + half));
        }

        private static Map<String, Integer> indexOf(List<String> features) {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < features.size(); i++) {
                index.put(features.get(i), i);
            }
            return index;
        }
    }

    /** Per row: the exposure (offset column), else the prior weight, else null (each row counts 1). */
    public static double[] exposure(FittedModel model, Frame frame) {
        if (frame == null) {
            return null;
        }
        String column = model.spec().offset() != null ? model.spec().offset() : model.spec().weights();
        return column == null ? null : Columns.numeric(frame, column);
    }

    private static TermEffect levels(Context ctx, CategoricalEncoder cat) {
        Block.Categorical block = (Block.Categorical) cat.encode(ctx.frame()).getFirst();
        int shift = cat.fullCoding() ? 0 : 1;
        double[] perLevel = new double[cat.levels().size()];
        int[] codes = block.codes();
        for (int i = 0; i < codes.length; i++) {
            perLevel[codes[i] + shift] += ctx.exposure() == null ? 1 : ctx.exposure()[i];
        }
        List<TermEffect.LevelEffect> rows = new ArrayList<>();
        for (int level = 0; level < perLevel.length; level++) {
            String label = cat.levels().get(level);
            if (level < shift) {
                rows.add(new TermEffect.LevelEffect(label, ctx.out(0), ctx.out(0), ctx.out(0), perLevel[level], true));
                continue;
            }
            double[] fse = ctx.combination(List.of(block.features().get(level - shift)), new double[] {1});
            double half = Distributions.Z_975 * fse[1];
            rows.add(new TermEffect.LevelEffect(label, ctx.out(fse[0]), ctx.out(fse[0] - half), ctx.out(fse[0] + half),
                    perLevel[level], false));
        }
        return new TermEffect(cat.column(), TermType.CATEGORICAL, ctx.scale(), cat.fullCoding() ? null : cat.baseLevel(),
                rows, null, null, Double.NaN, null);
    }

    /**
     * A target or frequency encoding: per level the value new data gets, the exposure behind it and the effect
     * β·value with its band (relative to a value of 0, the feature's natural origin).
     */
    private static TermEffect encoded(Context ctx, LevelEncoder encoder) {
        int[] level = encoder.levelOf(ctx.frame());
        double[] perLevel = new double[encoder.levels().size()];
        for (int i = 0; i < level.length; i++) {
            if (level[i] >= 0) {
                perLevel[level[i]] += ctx.exposure() == null ? 1 : ctx.exposure()[i];
            }
        }
        List<TermEffect.EncodedLevel> rows = new ArrayList<>();
        for (int l = 0; l < perLevel.length; l++) {
            double v = encoder.values()[l];
            TermEffect.EffectPoint p = ctx.point(v, ctx.combination(List.of(encoder.feature()), new double[] {v}));
            rows.add(new TermEffect.EncodedLevel(encoder.levels().get(l), v, perLevel[l], p.estimate(), p.lower(), p.upper()));
        }
        return new TermEffect(encoder.feature(), encoder.type(), ctx.scale(), null, null, null, rows, Double.NaN, null);
    }

    /** A term of one numeric column: its encoder run on an even grid over the column's training range. */
    private static TermEffect columnCurve(Context ctx, TermEncoder encoder, String column, TermType type, int points) {
        double[] values = Columns.numeric(ctx.frame(), column);
        double base = defaultBase(ctx.model(), ctx.frame(), values);
        return withRule(curve(ctx, encoder, column, type, grid(values, points), base), ctx.model());
    }

    /** f(x) − f(b) at each x: the encoder's columns at x minus those at b, times the coefficients, with its band. */
    private static TermEffect curve(Context ctx, TermEncoder encoder, String column, TermType type, double[] xs,
                                    double base) {
        double[] grid = withBase(xs, base);
        double[] at = Arrays.copyOf(grid, grid.length + 1);
        at[grid.length] = base;
        Frame gridFrame = new Frame(List.of(new NumericColumn(column, at, false)));
        List<Block> blocks = encoder.encode(gridFrame);
        List<String> features = new ArrayList<>();
        for (Block b : blocks) {
            features.add(((Block.Dense) b).feature());
        }
        List<TermEffect.EffectPoint> curve = new ArrayList<>(grid.length);
        double[] weights = new double[blocks.size()];
        for (int g = 0; g < grid.length; g++) {
            for (int j = 0; j < blocks.size(); j++) {
                double[] values = ((Block.Dense) blocks.get(j)).values();
                weights[j] = values[g] - values[grid.length];
            }
            curve.add(ctx.point(grid[g], ctx.combination(features, weights)));
        }
        return new TermEffect(encoder.name(), type, ctx.scale(), null, null, curve, null, base, null);
    }

    /**
     * An expression of one column is drawn against that column (e.g. BM² against BonusMalus); one of several columns
     * against its own value, the only axis it has.
     */
    private static TermEffect expressionCurve(Context ctx, ExpressionEncoder expression, int points) {
        List<String> columns = expression.columns();
        if (columns.size() == 1) {
            return columnCurve(ctx, expression, columns.getFirst(), TermType.EXPRESSION, points);
        }
        Block.Dense block = (Block.Dense) expression.encode(ctx.frame()).getFirst();
        double base = defaultBase(ctx.model(), ctx.frame(), block.values());
        return withRule(valueCurve(ctx, expression, grid(block.values(), points), base), ctx.model());
    }

    private static TermEffect valueCurve(Context ctx, ExpressionEncoder expression, double[] xs, double base) {
        String feature = expression.name();
        List<TermEffect.EffectPoint> curve = new ArrayList<>(xs.length + 1);
        for (double v : withBase(xs, base)) {
            curve.add(ctx.point(v, ctx.combination(List.of(feature), new double[] {v - base})));
        }
        return new TermEffect(expression.name(), TermType.EXPRESSION, ctx.scale(), null, null, curve, null, base, null);
    }

    private static TermEffect withRule(TermEffect e, FittedModel model) {
        return new TermEffect(e.term(), e.type(), e.scale(), e.baseLevel(), e.levels(), e.curve(), e.encoded(),
                e.base(), defaultBaseRule(model));
    }

    /** The x values sorted with the base among them (once). */
    static double[] withBase(double[] xs, double base) {
        return DoubleStream.concat(Arrays.stream(xs), DoubleStream.of(base)).sorted().distinct().toArray();
    }

    static double[] grid(double[] values, int points) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double[] grid = new double[points];
        for (int i = 0; i < points; i++) {
            // the last point exactly at max, so spline bases see their boundary knot and not max + rounding
            grid[i] = i == points - 1 ? max : min + (max - min) * i / (points - 1);
        }
        return grid;
    }
}
