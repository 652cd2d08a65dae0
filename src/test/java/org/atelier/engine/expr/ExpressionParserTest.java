package org.atelier.engine.expr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExpressionParserTest {
    private static final Map<String, double[]> DATA = Map.of("x", new double[] {1, 2, 4}, "y", new double[] {3, 5, 7},
            "Veh Age", new double[] {10, 20, 30});

    private static double[] eval(String text) {
        return ExpressionParser.parse(text).evaluate(name -> {
            double[] v = DATA.get(name);
            if (v == null) throw new IllegalArgumentException("no column " + name);
            return v;
        }, 3);
    }

    @Test
    void evaluatesArithmeticWithPythonPrecedence() {
        assertArrayEquals(new double[] {1, 4, 16}, eval("x ** 2"), 0);
        assertArrayEquals(new double[] {1, 4, 16}, eval("x^2"), 0);
        assertArrayEquals(new double[] {-1, -4, -16}, eval("-x**2"), 0);
        assertArrayEquals(new double[] {512, 512, 512}, eval("2**3**2"), 0);
        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, eval("2 ** -1"), 0);
        assertArrayEquals(new double[] {5, 13, 31}, eval("1 + x * y - (x - y) / 1 - 1 + 1 - 3 + 2"), 1e-12);
        assertArrayEquals(new double[] {Math.log(1), Math.log(2), Math.log(4)}, eval("log(x)"), 0);
        assertArrayEquals(new double[] {3, 5, 7}, eval("max(x, y)"), 0);
        assertArrayEquals(new double[] {1, 2, 4}, eval("min(x, y)"), 0);
        assertArrayEquals(new double[] {1, 32, 16384}, eval("pow(x, y)"), 0);
        assertArrayEquals(new double[] {1, Math.sqrt(2), 2}, eval("sqrt(abs(-x))"), 1e-15);
        assertArrayEquals(new double[] {Math.E, Math.exp(2), Math.exp(4)}, eval("exp(x)"), 1e-12);
        assertArrayEquals(new double[] {11, 22, 34}, eval("`Veh Age` + x"), 0);
        assertArrayEquals(new double[] {1.5e3, 1.5e3, 1.5e3}, eval("1.5e3"), 0);
    }

    @Test
    void rejectsMalformedAndDangerousInputWithParseErrors() {
        for (String bad : new String[] {"", "   ", "x +", "(x", "x)", "log(x", "log()", "min(x)", "pow(x,y,x)", "1..2",
                "x ** ", "* x", "system(x)", "java.lang.Runtime.getRuntime().exec(x)", "x; y", "x = 1", "`x", "``",
                "x y", "eval('1')", "\"x\"", "x[0]", "x.y(1)", "@x", "1e", "a ? b : c", "Runtime.exec('rm')"}) {
            assertThrows(ExpressionError.class, () -> ExpressionParser.parse(bad), bad);
        }
    }

    @Test
    void deepNestingFailsCleanly() {
        String deep = "(".repeat(1500) + "x" + ")".repeat(1500);
        assertThrows(ExpressionError.class, () -> ExpressionParser.parse(deep));
        assertThrows(ExpressionError.class, () -> ExpressionParser.parse("-".repeat(1900) + "x"));
        assertThrows(ExpressionError.class, () -> ExpressionParser.parse("x**".repeat(600) + "x"));
        assertThrows(ExpressionError.class, () -> ExpressionParser.parse("x+".repeat(5000) + "x"));
    }

    @Test
    void fuzzedInputNeverThrowsAnythingButAParseError() {
        Random rnd = new Random(42);
        String alphabet = "xy01.e+-*/^() ,`'\"log exp sqrt abs min max pow;{}[]$#\\\n\t\u0000é";
        String[] tokens = {"x", "y", "1", "2.5", "+", "-", "*", "/", "**", "^", "(", ")", ",", "log(", "min(", "pow(",
                "exp(", " ", "`Veh Age`", "1e3", "."};
        for (int k = 0; k < 20_000; k++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(30);
            boolean byToken = rnd.nextBoolean();
            for (int i = 0; i < len; i++) {
                sb.append(byToken ? tokens[rnd.nextInt(tokens.length)] : alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            try {
                Expr expr = ExpressionParser.parse(text);
                java.util.Set<String> cols = new java.util.HashSet<>();
                expr.collectColumns(cols);
                if (DATA.keySet().containsAll(cols)) {
                    assertEquals(3, eval(text).length);
                }
            } catch (ExpressionError expected) {
                // the only allowed failure
            } catch (RuntimeException | StackOverflowError e) {
                fail("'" + text + "' threw " + e);
            }
        }
    }
}
