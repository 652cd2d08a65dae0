package org.atelier.engine.design;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.atelier.engine.error.DesignMatrixError;
import org.atelier.engine.error.ValidationError;
import org.atelier.engine.expr.Expr;
import org.atelier.engine.expr.ExpressionError;
import org.atelier.engine.expr.ExpressionParser;
import org.atelier.engine.frame.Frame;

/** A derived numeric feature, e.g. {@code VehAge2 = VehAge ** 2}, named by the spec's term key. */
public record ExpressionEncoder(String name, String expression) implements TermEncoder {

    public ExpressionEncoder {
        parsed(name, expression); // fail early on bad syntax
    }

    private static Expr parsed(String name, String expression) {
        try {
            return ExpressionParser.parse(expression);
        } catch (ExpressionError e) {
            throw new ValidationError("Term '" + name + "': " + e.getMessage());
        }
    }

    public List<String> columns() {
        Set<String> columns = new LinkedHashSet<>();
        parsed(name, expression).collectColumns(columns);
        return new ArrayList<>(columns);
    }

    public List<Block> encode(Frame frame) {
        double[] values = parsed(name, expression).evaluate(column -> Columns.numeric(frame, column), frame.rowCount());
        int bad = 0;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                bad++;
            }
        }
        if (bad > 0) {
            throw new DesignMatrixError("Expression '" + name + "' = " + expression + " gives NaN or Inf on " + bad
                    + " rows (e.g. log of a non-positive value)");
        }
        return List.of(new Block.Dense(name, name, values));
    }
}
