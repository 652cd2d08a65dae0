package org.atelier.engine.expr;

import java.util.Set;
import java.util.function.Function;

/**
 * A parsed arithmetic expression over columns. Evaluation is vectorised (one array per node) and can only compute
 * numbers: there is no way to reach a class, a method or a script from here.
 */
public sealed interface Expr {

    double[] evaluate(Function<String, double[]> column, int rows);

    /** Column names the expression reads. */
    void collectColumns(Set<String> into);

    record Number(double value) implements Expr {
        public double[] evaluate(Function<String, double[]> column, int rows) {
            double[] out = new double[rows];
            java.util.Arrays.fill(out, value);
            return out;
        }

        public void collectColumns(Set<String> into) {
        }
    }

    record ColumnRef(String name) implements Expr {
        public double[] evaluate(Function<String, double[]> column, int rows) {
            return column.apply(name).clone();
        }

        public void collectColumns(Set<String> into) {
            into.add(name);
        }
    }

    record Negate(Expr operand) implements Expr {
        public double[] evaluate(Function<String, double[]> column, int rows) {
            double[] v = operand.evaluate(column, rows);
            for (int i = 0; i < rows; i++) {
                v[i] = -v[i];
            }
            return v;
        }

        public void collectColumns(Set<String> into) {
            operand.collectColumns(into);
        }
    }

    record Binary(char op, Expr left, Expr right) implements Expr {
        public double[] evaluate(Function<String, double[]> column, int rows) {
            double[] a = left.evaluate(column, rows);
            double[] b = right.evaluate(column, rows);
            for (int i = 0; i < rows; i++) {
                a[i] = switch (op) {
                    case '+' -> a[i] + b[i];
                    case '-' -> a[i] - b[i];
                    case '*' -> a[i] * b[i];
                    case '/' -> a[i] / b[i];
                    case '^' -> Math.pow(a[i], b[i]);
                    default -> throw new IllegalStateException("operator " + op);
                };
            }
            return a;
        }

        public void collectColumns(Set<String> into) {
            left.collectColumns(into);
            right.collectColumns(into);
        }
    }

    record Call(String function, java.util.List<Expr> arguments) implements Expr {
        public double[] evaluate(Function<String, double[]> column, int rows) {
            double[] a = arguments.get(0).evaluate(column, rows);
            double[] b = arguments.size() > 1 ? arguments.get(1).evaluate(column, rows) : null;
            for (int i = 0; i < rows; i++) {
                a[i] = switch (function) {
                    case "log" -> Math.log(a[i]);
                    case "exp" -> Math.exp(a[i]);
                    case "sqrt" -> Math.sqrt(a[i]);
                    case "abs" -> Math.abs(a[i]);
                    case "min" -> Math.min(a[i], b[i]);
                    case "max" -> Math.max(a[i], b[i]);
                    case "pow" -> Math.pow(a[i], b[i]);
                    default -> throw new IllegalStateException("function " + function);
                };
            }
            return a;
        }

        public void collectColumns(Set<String> into) {
            arguments.forEach(a -> a.collectColumns(into));
        }
    }
}
