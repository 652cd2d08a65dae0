package org.atelier.engine.rating;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.atelier.engine.design.Block;
import org.atelier.engine.design.CategoricalEncoder;
import org.atelier.engine.design.Columns;
import org.atelier.engine.design.ExpressionEncoder;
import org.atelier.engine.design.InteractionEncoder;
import org.atelier.engine.design.LevelEncoder;
import org.atelier.engine.design.LinearEncoder;
import org.atelier.engine.design.SplineEncoder;
import org.atelier.engine.design.TermEncoder;
import org.atelier.engine.effect.Effects;
import org.atelier.engine.family.Link;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.fit.HoldOut;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.spec.TermType;

/**
 * The rating tables of a fitted model, read from its coefficients and covariance through each term's own encoder:
 * a categorical's levels, a continuous term's bands (rated at the band's exposure-weighted mean value, relative to
 * the band holding the exposure-weighted median, the base the Relativities tab uses), an encoding's levels, and an
 * interaction's two-way grid (each cell on top of the main effects, a numeric side counting from 0). Each curve's
 * effect at its base value goes into the base rate, so base rate × relativities is the model's rate.
 *
 * <p>{@code training} is the data the model was fitted on: it gives the exposure per row and the values that
 * continuous terms are banded over. Without it only categorical and encoded terms can be tabulated (without
 * exposure).
 */
public final class RatingTableBuilder {
    private final FittedModel model;
    private final Frame training;
    private final double[] exposure;
    private final Map<String, double[]> breaks;

    private RatingTableBuilder(FittedModel model, Frame training, Map<String, double[]> breaks) {
        this.model = model;
        this.training = training;
        double[] e = training == null ? null : Effects.exposure(model, training);
        if (training != null && e == null) {
            e = new double[training.rowCount()];
            java.util.Arrays.fill(e, 1);
        }
        this.exposure = e;
        this.breaks = Map.copyOf(breaks);
    }

    public static RatingTables build(FittedModel model, Frame training) {
        return build(model, training, Map.of());
    }

    /**
     * The tables over the dataset the model was fitted from: its training rows when the spec keeps a hold-out (the
     * test rows may hold levels the model never saw), else every row; null for no data.
     */
    public static RatingTables onDataset(FittedModel model, Frame dataset, Map<String, double[]> breaks) {
        return build(model, dataset == null ? null : HoldOut.training(model.spec(), dataset), breaks);
    }

    /**
     * @param breaks per variable (column, or expression name), ascending cut points that replace its one-way bands
     * @throws IllegalArgumentException when a continuous term needs the training data that was not given, or a
     *                                  break list is not ascending
     */
    public static RatingTables build(FittedModel model, Frame training, Map<String, double[]> breaks) {
        breaks.forEach((variable, cuts) -> {
            for (int i = 0; i < cuts.length; i++) {
                if (!Double.isFinite(cuts[i]) || (i > 0 && cuts[i] <= cuts[i - 1])) {
                    throw new IllegalArgumentException("The bands of " + variable
                            + " need ascending numbers, got " + java.util.Arrays.toString(cuts));
                }
            }
        });
        return new RatingTableBuilder(model, training, breaks).build();
    }

    private RatingTables build() {
        int interceptAt = model.features().indexOf("Intercept");
        double intercept = interceptAt < 0 ? 0 : model.coefficients()[interceptAt];
        if (model.link() != Link.LOG) {
            return new RatingTables(model.link().id(), false, intercept, Double.NaN, List.of(), model.coefficientTable(),
                    "The model uses the " + model.link().id() + " link: its effects add on the link scale instead"
                            + " of multiplying a base rate, so it has no relativities; its coefficients are exported.");
        }
        double logBase = intercept;
        List<RatingTable> tables = new ArrayList<>();
        for (TermEncoder encoder : model.encoders()) {
            RatingTable table = switch (encoder) {
                case CategoricalEncoder cat -> levels(cat);
                case LinearEncoder linear -> bands(linear, linear.column(), TermType.LINEAR);
                case SplineEncoder spline -> bands(spline, spline.column(), spline.type());
                case ExpressionEncoder e when e.columns().size() == 1 -> bands(e, e.columns().getFirst(), TermType.EXPRESSION);
                case ExpressionEncoder e -> expressionValues(e);
                case LevelEncoder level -> encoded(level);
                case InteractionEncoder interaction -> twoWay(interaction);
            };
            if (table.kind() == TableKind.BANDS) {
                logBase += effectAt(model, encoder, table.baseValue());
            }
            tables.add(table);
        }
        return new RatingTables(Link.LOG.id(), true, intercept, Math.exp(logBase), tables, model.coefficientTable(),
                null);
    }

    private RatingTable levels(CategoricalEncoder cat) {
        Axis axis = Axis.levels(cat, training, exposure);
        TermValues values = TermValues.of(model, cat, new Frame(List.of(axis.grid())));
        List<RatingRow> rows = new ArrayList<>();
        for (int l = 0; l < axis.size(); l++) {
            RatingRow e = axis.entries().get(l);
            rows.add(RatingRow.level(e.level(), values.effect(l, -1), true, e.exposure(), e.base()));
        }
        String note = cat.fullCoding() ? "Every level has its own relativity (the model has no intercept to absorb a base level)."
                : "Relative to the base level " + cat.baseLevel() + ".";
        return new RatingTable(cat.column(), TermType.CATEGORICAL, TableKind.LEVELS, cat.column(), Double.NaN, rows, null, note);
    }

    private RatingTable bands(TermEncoder encoder, String column, TermType type) {
        double[] values = Columns.numeric(requireTraining(encoder), column);
        Axis axis = Axis.bands(column, values, exposure, breaks.get(column), Effects.defaultBase(model, training, values));
        TermValues at = TermValues.of(model, encoder, new Frame(List.of(axis.grid())));
        return banded(encoder.name(), type, column, axis, at);
    }

    /** An expression of several columns is banded over its own value, the only axis it has. */
    private RatingTable expressionValues(ExpressionEncoder expression) {
        double[] values = ((Block.Dense) expression.encode(requireTraining(expression)).getFirst()).values();
        Axis axis = Axis.bands(expression.name(), values, exposure, breaks.get(expression.name()),
                Effects.defaultBase(model, training, values));
        double[] rated = ((NumericColumn) axis.grid()).values();
        return banded(expression.name(), TermType.EXPRESSION, expression.name(), axis,
                TermValues.ofValues(model, expression.name(), rated));
    }

    private RatingTable banded(String factor, TermType type, String variable, Axis axis, TermValues at) {
        List<RatingRow> rows = new ArrayList<>();
        for (int b = 0; b < axis.size(); b++) {
            RatingRow e = axis.entries().get(b);
            rows.add(RatingRow.of(e.level(), e.from(), e.to(), e.at(), at.effect(b, axis.base()), true, e.exposure(),
                    e.base()));
        }
        RatingRow base = axis.entries().get(axis.base());
        String how = breaks.containsKey(variable) ? "bands at the chosen values" : "its one-way bands";
        String note = "A " + type + " term by " + how + " of " + variable + ", each rated at the exposure-weighted"
                + " mean of its values; relative to the base band " + base.level() + " (rated at "
                + Columns.label(base.at()) + "). The bands approximate the curve within each band.";
        return new RatingTable(factor, type, TableKind.BANDS, variable, base.at(), rows, null, note);
    }

    private RatingTable encoded(LevelEncoder encoder) {
        double[] perLevel = new double[encoder.levels().size()];
        if (training != null) {
            int[] level = encoder.levelOf(training);
            for (int i = 0; i < level.length; i++) {
                if (level[i] >= 0) {
                    perLevel[level[i]] += exposure[i];
                }
            }
        }
        TermValues values = TermValues.ofValues(model, encoder.feature(), encoder.values());
        List<RatingRow> rows = new ArrayList<>();
        for (int l = 0; l < perLevel.length; l++) {
            double v = encoder.values()[l];
            rows.add(RatingRow.of(encoder.levels().get(l), Double.NaN, Double.NaN, v, values.effect(l, -1), true,
                    training == null ? Double.NaN : perLevel[l], false));
        }
        String what = encoder.kind().equals("TE") ? "its target statistic (claims per unit of exposure, shrunk to the prior)"
                : "its share of the training rows";
        String note = "Each level is rated at the value the model sees for it, " + what + ": relativity exp(β·value)."
                + " A level not in the table gets the value " + Columns.label(encoder.unseen()) + ".";
        return new RatingTable(encoder.feature(), encoder.type(), TableKind.ENCODED, encoder.name(), Double.NaN, rows,
                null, note);
    }

    private RatingTable twoWay(InteractionEncoder interaction) {
        Axis rows;
        Axis columns;
        try {
            rows = side(interaction.first(), interaction);
            columns = side(interaction.second(), interaction);
        } catch (UntabulatedInteraction e) {
            // the other tables stay usable; this term is read in the coefficient table
            return new RatingTable(interaction.name(), null, TableKind.TWO_WAY, interaction.name(),
                    Double.NaN, List.of(), null, e.getMessage() + ": read its coefficients in the coefficient table.");
        }
        int nr = rows.size();
        int nc = columns.size();
        int[] r = new int[nr * nc];
        int[] c = new int[nr * nc];
        for (int i = 0; i < r.length; i++) {
            r[i] = i / nc;
            c[i] = i % nc;
        }
        Frame grid = new Frame(List.of(new Frame(List.of(rows.grid())).rows(r).columns().getFirst(),
                new Frame(List.of(columns.grid())).rows(c).columns().getFirst()));
        TermValues values = TermValues.of(model, interaction, grid);
        double[] cellExposure = new double[nr * nc];
        if (rows.group() != null && columns.group() != null) {
            for (int i = 0; i < exposure.length; i++) {
                cellExposure[rows.group()[i] * nc + columns.group()[i]] += exposure[i];
            }
        }
        List<List<RatingRow>> cells = new ArrayList<>();
        for (int a = 0; a < nr; a++) {
            List<RatingRow> line = new ArrayList<>();
            for (int b = 0; b < nc; b++) {
                int i = a * nc + b;
                line.add(RatingRow.level(rows.entries().get(a).level() + ":" + columns.entries().get(b).level(),
                        values.effect(i, -1), true, training == null ? Double.NaN : cellExposure[i], false));
            }
            cells.add(line);
        }
        TwoWayTable table = new TwoWayTable(rows.variable(), columns.variable(), rows.entries(), columns.entries(), cells);
        String note = "Each cell multiplies the rate on top of the main effects of " + rows.variable() + " and "
                + columns.variable() + "; a base level gives 1, and a continuous side is rated at its band's value"
                + " counting from 0 (exp(β·x)).";
        return new RatingTable(interaction.name(), null, TableKind.TWO_WAY, interaction.name(), Double.NaN,
                table.flat(), table, note);
    }

    /** An interaction whose sides cannot be laid out as a grid. */
    private static final class UntabulatedInteraction extends Exception {
        UntabulatedInteraction(String message) {
            super(message);
        }
    }

    private Axis side(TermEncoder side, InteractionEncoder interaction) throws UntabulatedInteraction {
        if (interaction.first().columns().stream().anyMatch(interaction.second().columns()::contains)) {
            throw new UntabulatedInteraction("The interaction " + interaction.name()
                    + " reads one column on both sides, so it has no two-way table");
        }
        return switch (side) {
            case CategoricalEncoder cat -> Axis.levels(cat, training, exposure);
            case LinearEncoder linear -> sideBands(side, linear.column());
            case SplineEncoder spline -> sideBands(side, spline.column());
            case ExpressionEncoder e when e.columns().size() == 1 -> sideBands(side, e.columns().getFirst());
            default -> throw new UntabulatedInteraction("The interaction " + interaction.name()
                    + " has a side (" + side.name() + ") that is not one column, so it has no two-way table");
        };
    }

    private Axis sideBands(TermEncoder side, String column) {
        double[] values = Columns.numeric(requireTraining(side), column);
        return Axis.bands(column, values, exposure, breaks.get(column), Double.NaN);
    }

    private Frame requireTraining(TermEncoder encoder) {
        if (training == null) {
            throw new IllegalArgumentException("The rating table of " + encoder.name()
                    + " bands its values over the training data: give the data the model was fitted on");
        }
        return training;
    }

    /**
     * The relativity of a table's term at each row of {@code rows} exactly as the model evaluates it (not read off
     * a band): exp(f(x) − f(base)) for a banded term, exp(f(x)) for the other kinds. The rows need the term's
     * columns.
     */
    public static double[] relativities(FittedModel model, RatingTable table, Frame rows) {
        TermEncoder encoder = model.encoders().stream()
                .filter(e -> e.name().equals(table.factor()) || e instanceof LevelEncoder l && l.feature().equals(table.factor()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("The model has no term " + table.factor()));
        double base = table.kind() == TableKind.BANDS ? table.baseValue() : Double.NaN;
        TermValues values = encoder instanceof ExpressionEncoder e && e.columns().size() > 1
                ? TermValues.ofValues(model, e.name(), ((Block.Dense) e.encode(rows).getFirst()).values())
                : TermValues.of(model, encoder, rows);
        double origin = Double.isNaN(base) ? 0 : effectAt(model, encoder, base);
        double[] out = new double[rows.rowCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.exp(values.value(i) - origin);
        }
        return out;
    }

    /** f(x) of a continuous term at one value of its variable: its contribution to the linear predictor there. */
    private static double effectAt(FittedModel model, TermEncoder encoder, double x) {
        double[] xs = {x};
        TermValues values = encoder instanceof ExpressionEncoder e && e.columns().size() > 1
                ? TermValues.ofValues(model, e.name(), xs)
                : TermValues.of(model, encoder, new Frame(List.of(new NumericColumn(encoder.columns().getFirst(), xs, false))));
        return values.value(0);
    }
}
