package org.atelier.engine.design;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.atelier.engine.error.DesignMatrixError;
import org.atelier.engine.error.ValidationError;
import org.atelier.engine.frame.Column;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.spec.InteractionSpec;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.SpecRules;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.TermType;

/**
 * Turns a ModelSpec's terms and interactions into fitted encoders, in R's column order: the terms as listed, then
 * the main effects interactions bring in (when {@code include_main} and not already present), then the products.
 */
public final class Encoders {
    private Encoders() {
    }

    /** For a model without target encodings (which need the response: see the overload). */
    public static List<TermEncoder> learn(ModelSpec spec, Frame frame) {
        return learn(spec, frame, null);
    }

    /**
     * {@code target} feeds target encodings; null is only allowed when the spec has none. The spec's options were
     * checked by {@link SpecRules} (GlmFitter requires them); what is checked here needs the data.
     */
    public static List<TermEncoder> learn(ModelSpec spec, Frame frame, LevelEncoder.Target target) {
        Map<String, TermEncoder> mains = new LinkedHashMap<>();
        // Without an intercept the first factor keeps all its levels, as R codes y ~ 0 + f.
        boolean fullCodingPending = !spec.intercept();
        for (TermSpec term : spec.terms()) {
            boolean full = fullCodingPending && isCategorical(term);
            fullCodingPending &= !full;
            mains.put(term.name(), learn(term, frame, full, spec.intercept(), target));
        }
        for (InteractionSpec interaction : spec.interactions()) {
            for (TermSpec side : List.of(interaction.first(), interaction.second())) {
                if (interaction.includeMain() && !mains.containsKey(side.name())) {
                    mains.put(side.name(), learn(side, frame, false, spec.intercept(), target));
                }
            }
        }
        List<TermEncoder> products = new ArrayList<>();
        for (InteractionSpec interaction : spec.interactions()) {
            TermSpec a = interaction.first();
            TermSpec b = interaction.second();
            List<String> pair = List.of(a.name(), b.name());
            if (interaction.targetEncoding()) {
                products.add(LevelEncoder.target(frame, pair, requireTarget(target, a.name() + ":" + b.name()),
                        interaction.priorWeight(), interaction.nPermutations()));
                continue;
            }
            if (interaction.frequencyEncoding()) {
                products.add(LevelEncoder.frequency(frame, pair));
                continue;
            }
            // R's coding rule: a factor in A:B gets treatment contrasts when the term left by dropping it is in the
            // model, and indicators for every level otherwise (so x:f without x keeps all levels of f).
            boolean fullA = isCategorical(a) && !mains.containsKey(b.name());
            boolean fullB = isCategorical(b) && !mains.containsKey(a.name());
            TermEncoder first = learn(a, frame, fullA, true, null);
            TermEncoder second = learn(b, frame, fullB, true, null);
            products.add(new InteractionEncoder(first, second));
        }
        List<TermEncoder> all = new ArrayList<>(mains.values());
        all.addAll(products);
        return all;
    }

    private static boolean isCategorical(TermSpec term) {
        return term.type() == TermType.CATEGORICAL;
    }

    /** +1 increasing, -1 decreasing, 0 unconstrained (SpecRules refused a direction on a type without one). */
    static int direction(TermSpec term) {
        return term.monotonicity() == null ? 0 : term.monotonicity().direction();
    }

    private static LevelEncoder.Target requireTarget(LevelEncoder.Target target, String name) {
        if (target == null) {
            throw new ValidationError("Term '" + name + "': target encoding needs the response (fit the model through GlmFitter)");
        }
        return target;
    }

    static TermEncoder learn(TermSpec term, Frame frame, boolean fullCoding, boolean intercept, LevelEncoder.Target target) {
        TermType type = term.type();
        int direction = direction(term);
        return switch (type) {
            case CATEGORICAL -> CategoricalEncoder.learn(frame, term.name(), term.levels(), fullCoding);
            case LINEAR -> {
                checkVariation(frame, term.name(), intercept);
                yield new LinearEncoder(term.name());
            }
            case EXPRESSION -> new ExpressionEncoder(term.name(), term.expr());
            case BS -> {
                SplineEncoder spline = SplineEncoder.learn(frame, term.name(), false, term.df(), term.k(), term.degree());
                yield direction == 0 ? spline : spline.monotone(direction);
            }
            case NS -> SplineEncoder.learn(frame, term.name(), true, term.df(), term.k(), term.degree());
            case TARGET_ENCODING -> LevelEncoder.target(frame, List.of(term.name()), requireTarget(target, term.name()),
                    term.priorWeight(), term.nPermutations());
            case FREQUENCY_ENCODING -> LevelEncoder.frequency(frame, List.of(term.name()));
        };
    }

    private static void checkVariation(Frame frame, String column, boolean intercept) {
        double[] values = Columns.numeric(frame, column);
        if (!intercept || values.length == 0) {
            return;
        }
        double first = values[0];
        for (double v : values) {
            if (v != first) {
                return;
            }
        }
        throw new DesignMatrixError("Column '" + column + "' has no variation (every row is " + Columns.label(first)
                + "): remove it");
    }

    /** Blocks for the whole model, the intercept first, as for new data. */
    public static DesignMatrix design(List<TermEncoder> encoders, boolean intercept, Frame frame) {
        return design(encoders, intercept, frame, false);
    }

    /**
     * The design the model is trained on: as {@link #design} except that target encodings use their ordered
     * (leakage-free) statistics. {@code frame} must be the frame the encoders were learned on.
     */
    public static DesignMatrix trainingDesign(List<TermEncoder> encoders, boolean intercept, Frame frame) {
        return design(encoders, intercept, frame, true);
    }

    private static DesignMatrix design(List<TermEncoder> encoders, boolean intercept, Frame frame, boolean training) {
        List<Block> blocks = new ArrayList<>();
        int n = frame.rowCount();
        if (intercept) {
            double[] ones = new double[n];
            java.util.Arrays.fill(ones, 1.0);
            blocks.add(new Block.Dense("Intercept", "Intercept", ones));
        }
        Map<TermEncoder, ColumnRange> terms = new IdentityHashMap<>();
        int width = intercept ? 1 : 0;
        for (TermEncoder encoder : encoders) {
            List<Block> encoded = training && encoder instanceof LevelEncoder level ? level.encodeTraining(frame) : encoder.encode(frame);
            blocks.addAll(encoded);
            int from = width;
            for (Block block : encoded) {
                width += block.width();
            }
            terms.put(encoder, new ColumnRange(from, width));
        }
        return new DesignMatrix(n, blocks, Collections.unmodifiableMap(terms));
    }

    /** Every data column the model reads (terms only). */
    public static List<String> columns(List<TermEncoder> encoders) {
        List<String> columns = new ArrayList<>();
        for (TermEncoder encoder : encoders) {
            for (String c : encoder.columns()) {
                if (!columns.contains(c)) {
                    columns.add(c);
                }
            }
        }
        return columns;
    }

    /**
     * One error naming every used column that has NaN/Inf or missing values; columns missing entirely are named
     * on their own.
     */
    public static void checkMissing(Frame frame, List<String> columns) {
        List<String> bad = new ArrayList<>();
        for (String name : columns) {
            Column column = Columns.require(frame, name);
            int missing = 0;
            for (int i = 0; i < column.size(); i++) {
                if (column.isMissing(i) || (column instanceof NumericColumn num && Double.isInfinite(num.values()[i]))) {
                    missing++;
                }
            }
            if (missing > 0 && missing == column.size()) {
                throw new DesignMatrixError("Column '" + name + "' is entirely missing");
            }
            if (missing > 0) {
                bad.add(name + String.format(Locale.ROOT, " (%,d rows)", missing));
            }
        }
        if (!bad.isEmpty()) {
            // a GLM has no value to use for a missing one: the rows must go, or the values be filled, by the user
            throw new DesignMatrixError("NaN or Inf values detected in columns: " + String.join(", ", bad),
                    "Atelier fits no row with a missing value and drops none silently: fill those values, or fit only the"
                            + " rows where they are known (a response known on some rows only, such as an average"
                            + " claim amount, is fitted on those rows), or leave the column out of the model.");
        }
    }
}
