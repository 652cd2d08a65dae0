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

/**
 * Turns a ModelSpec's terms and interactions into fitted encoders, in R's column order: the terms as listed, then
 * the main effects interactions bring in (when {@code include_main} and not already present), then the products.
 */
public final class Encoders {
    private Encoders() {
    }

    public static List<TermEncoder> learn(ModelSpec spec, Frame frame) {
        Map<String, TermEncoder> mains = new LinkedHashMap<>();
        // Without an intercept the first factor keeps all its levels, as R codes y ~ 0 + f.
        boolean fullCodingPending = !spec.intercept();
        for (TermSpec term : spec.terms()) {
            if (term.name().equals(spec.response())) {
                throw new ValidationError("Response column '" + spec.response() + "' cannot be a predictor: remove it from the terms");
            }
            boolean full = fullCodingPending && isCategorical(term);
            fullCodingPending &= !full;
            if (mains.put(term.name(), learn(term, frame, full, spec.intercept())) != null) {
                throw new ValidationError("Term '" + term.name() + "' is listed twice");
            }
        }
        List<TermEncoder> products = new ArrayList<>();
        for (InteractionSpec interaction : spec.interactions()) {
            if (interaction.targetEncoding() || interaction.frequencyEncoding()) {
                throw new ValidationError("Interaction " + interaction.first().name() + ":" + interaction.second().name()
                        + ": target/frequency-encoded interactions are not supported by this engine");
            }
            TermSpec a = interaction.first();
            TermSpec b = interaction.second();
            for (TermSpec side : List.of(a, b)) {
                if (side.name().equals(spec.response())) {
                    throw new ValidationError("Response column '" + spec.response() + "' cannot be used in an interaction");
                }
            }
            if (interaction.includeMain()) {
                for (TermSpec side : List.of(a, b)) {
                    if (!mains.containsKey(side.name())) {
                        mains.put(side.name(), learn(side, frame, false, spec.intercept()));
                    }
                }
            }
            // Without main effects, a factor crossed with a numeric keeps all its levels (R's x:f coding).
            boolean aCat = isCategorical(a);
            boolean bCat = isCategorical(b);
            boolean fullA = !interaction.includeMain() && aCat && !bCat;
            boolean fullB = !interaction.includeMain() && bCat && !aCat;
            products.add(new InteractionEncoder(learn(a, frame, fullA, true), learn(b, frame, fullB, true)));
        }
        List<TermEncoder> all = new ArrayList<>(mains.values());
        all.addAll(products);
        return all;
    }

    private static boolean isCategorical(TermSpec term) {
        return "categorical".equals(term.type());
    }

    static TermEncoder learn(TermSpec term, Frame frame, boolean fullCoding, boolean intercept) {
        String type = term.type() == null ? "" : term.type();
        if (term.monotonicity() != null) {
            throw new ValidationError("Term '" + term.name() + "': monotonicity constraints are not supported by this engine");
        }
        return switch (type) {
            case "categorical" -> CategoricalEncoder.learn(frame, term.name(), term.levels(), fullCoding);
            case "linear" -> {
                checkVariation(frame, term.name(), intercept);
                yield new LinearEncoder(term.name());
            }
            case "expression" -> {
                if (term.expr() == null || term.expr().isBlank()) {
                    throw new ValidationError("Term '" + term.name() + "': an expression term needs expr");
                }
                yield new ExpressionEncoder(term.name(), term.expr());
            }
            case "bs" -> SplineEncoder.learn(frame, term.name(), false, term.df(), term.k(), term.degree());
            case "ns" -> SplineEncoder.learn(frame, term.name(), true, term.df(), term.k(), term.degree());
            case "target_encoding", "frequency_encoding" -> throw new ValidationError("Term '" + term.name() + "': "
                    + type + " is not supported by this engine");
            default -> throw new ValidationError("Term '" + term.name() + "': unknown type '" + type
                    + "' (expected categorical, linear, bs, ns or expression)");
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

    /** Blocks for the whole model, the intercept first. */
    public static DesignMatrix design(List<TermEncoder> encoders, boolean intercept, Frame frame) {
        List<Block> blocks = new ArrayList<>();
        int n = frame.rowCount();
        if (intercept) {
            double[] ones = new double[n];
            java.util.Arrays.fill(ones, 1.0);
            blocks.add(new Block.Dense("Intercept", "Intercept", ones));
        }
        for (TermEncoder encoder : encoders) {
            blocks.addAll(encoder.encode(frame));
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
