package org.atelier.engine.design;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.engine.error.DesignMatrixError;
import org.atelier.engine.error.ValidationError;
import org.atelier.engine.frame.Column;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.spec.InteractionSpec;
import org.atelier.engine.spec.ModelSpec;
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

    /** {@code target} feeds target encodings; null is only allowed when the spec has none. */
    public static List<TermEncoder> learn(ModelSpec spec, Frame frame, LevelEncoder.Target target) {
        Map<String, TermEncoder> mains = new LinkedHashMap<>();
        // Without an intercept the first factor keeps all its levels, as R codes y ~ 0 + f.
        boolean fullCodingPending = !spec.intercept();
        for (TermSpec term : spec.terms()) {
            if (term.name().equals(spec.response())) {
                throw new ValidationError("Response column '" + spec.response() + "' cannot be a predictor: remove it from the terms");
            }
            boolean full = fullCodingPending && isCategorical(term);
            fullCodingPending &= !full;
            if (mains.put(term.name(), learn(term, frame, full, spec.intercept(), target)) != null) {
                throw new ValidationError("Term '" + term.name() + "' is listed twice");
            }
        }
        for (InteractionSpec interaction : spec.interactions()) {
            String pair = interaction.first().name() + ":" + interaction.second().name();
            if (interaction.targetEncoding() && interaction.frequencyEncoding()) {
                throw new ValidationError("Interaction " + pair + ": choose target_encoding or frequency_encoding, not both");
            }
            if (!interaction.targetEncoding() && (interaction.priorWeight() != null || interaction.nPermutations() != null)) {
                throw new ValidationError("Interaction " + pair + ": prior_weight and n_permutations apply to a"
                        + " target-encoded interaction only (set target_encoding: true)");
            }
            for (TermSpec side : List.of(interaction.first(), interaction.second())) {
                if (side.name().equals(spec.response())) {
                    throw new ValidationError("Response column '" + spec.response() + "' cannot be used in an interaction");
                }
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
            for (TermSpec side : List.of(a, b)) {
                if (side.monotonicity() != null) {
                    throw new ValidationError("Interaction " + a.name() + ":" + b.name() + ": monotonicity on '" + side.name()
                            + "' applies to main effects only");
                }
                if (isEncoded(side)) {
                    throw new ValidationError("Interaction " + a.name() + ":" + b.name() + ": '" + side.name() + "' is "
                            + side.type().id() + ", which cannot enter a product; set target_encoding or frequency_encoding"
                            + " on the interaction instead");
                }
            }
            // R's coding rule: a factor in A:B gets treatment contrasts when the term left by dropping it is in the
            // model, and indicators for every level otherwise (so x:f without x keeps all levels of f).
            boolean fullA = isCategorical(a) && !mains.containsKey(b.name());
            boolean fullB = isCategorical(b) && !mains.containsKey(a.name());
            TermEncoder first = learn(a, frame, fullA, true, null);
            TermEncoder second = learn(b, frame, fullB, true, null);
            for (TermEncoder side : List.of(first, second)) {
                if (side instanceof SplineEncoder spline && spline.penalized()) {
                    throw new ValidationError("Interaction " + a.name() + ":" + b.name() + ": the spline of '"
                            + spline.column() + "' needs df inside an interaction (penalized smooths are main effects only)");
                }
            }
            products.add(new InteractionEncoder(first, second));
        }
        List<TermEncoder> all = new ArrayList<>(mains.values());
        all.addAll(products);
        return all;
    }

    private static boolean isCategorical(TermSpec term) {
        return term.type() == TermType.CATEGORICAL;
    }

    /** +1 increasing, -1 decreasing, 0 unconstrained; a named error for any other value or an unsupported type. */
    static int direction(TermSpec term) {
        if (term.monotonicity() == null) {
            return 0;
        }
        if (!term.type().takesMonotonicity()) {
            throw new ValidationError("Term '" + term.name() + "': monotonicity applies to linear, expression and bs terms,"
                    + " not " + term.type().id());
        }
        return term.monotonicity().direction();
    }

    private static boolean isEncoded(TermSpec term) {
        return term.type().isEncoded();
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
        if (type != TermType.TARGET_ENCODING && (term.priorWeight() != null || term.nPermutations() != null)) {
            throw new ValidationError("Term '" + term.name() + "': prior_weight and n_permutations apply to"
                    + " target_encoding terms only, not " + type.id());
        }
        return switch (type) {
            case CATEGORICAL -> CategoricalEncoder.learn(frame, term.name(), term.levels(), fullCoding);
            case LINEAR -> {
                checkVariation(frame, term.name(), intercept);
                yield new LinearEncoder(term.name());
            }
            case EXPRESSION -> {
                if (term.expr() == null || term.expr().isBlank()) {
                    throw new ValidationError("Term '" + term.name() + "': an expression term needs expr");
                }
                yield new ExpressionEncoder(term.name(), term.expr());
            }
            case BS -> {
                SplineEncoder spline = SplineEncoder.learn(frame, term.name(), false, term.df(), term.k(), term.degree());
                if (direction != 0 && spline.penalized()) {
                    throw new ValidationError("Term '" + term.name() + "': a monotone bs needs df (a penalized smooth"
                            + " with k cannot be monotone-constrained)");
                }
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
        for (TermEncoder encoder : encoders) {
            blocks.addAll(training && encoder instanceof LevelEncoder level ? level.encodeTraining(frame) : encoder.encode(frame));
        }
        return new DesignMatrix(n, blocks);
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
                bad.add(name + " (" + missing + " rows)");
            }
        }
        if (!bad.isEmpty()) {
            throw new DesignMatrixError("NaN or Inf values detected in columns: " + String.join(", ", bad));
        }
    }
}
