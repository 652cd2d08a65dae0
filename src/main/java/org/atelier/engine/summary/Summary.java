package org.atelier.engine.summary;

import java.util.List;
import java.util.Locale;
import org.atelier.engine.fit.Coefficient;
import org.atelier.engine.fit.FitStatistics;
import org.atelier.engine.fit.FittedModel;

/**
 * The text summary of a fitted model, laid out as statsmodels' GLM summary (78 columns: a header of model facts in two
 * columns, then the coefficient table), which the actuaries reading it already know.
 */
public final class Summary {
    private static final int WIDTH = 78;

    private Summary() {
    }

    public static String render(FittedModel model) {
        FitStatistics s = model.statistics();
        StringBuilder out = new StringBuilder();
        String title = "Generalized Linear Model Regression Results";
        out.append(" ".repeat((WIDTH - title.length()) / 2)).append(title).append('\n');
        out.append("=".repeat(WIDTH)).append('\n');
        row(out, "Dep. Variable:", model.spec().response(), "No. Observations:", Integer.toString(s.nObs()));
        row(out, "Model:", "GLM", "Df Residuals:", fixed(s.dfResid(), 1));
        row(out, "Family:", model.family().displayName(), "Df Model:", fixed(s.dfModel(), 1));
        row(out, "Link:", model.link().displayName(), "Deviance:", fixed(s.deviance(), 2));
        row(out, "Method:", "IRLS", "Null Deviance:", fixed(s.nullDeviance(), 2));
        row(out, "Converged:", s.converged() ? "True" : "False", "Scale:", fixed(s.dispersion(), 4));
        row(out, "Iterations:", Integer.toString(s.iterations()), "AIC:", Double.isNaN(s.aic()) ? "-" : fixed(s.aic(), 2));
        row(out, "Offset:", model.spec().offset() == null ? "-" : model.spec().offset(), "BIC:",
                Double.isNaN(s.bic()) ? "-" : fixed(s.bic(), 2));
        if (!Double.isNaN(s.theta())) {
            row(out, "Weights:", model.spec().weights() == null ? "-" : model.spec().weights(), "Theta:", fixed(s.theta(), 4));
        } else if (model.spec().weights() != null) {
            row(out, "Weights:", model.spec().weights(), "", "");
        }
        if (model.regularization() != null) {
            var r = model.regularization();
            row(out, "Penalty:", r.penalty().id() + " (l1_ratio " + fixed(r.l1Ratio(), 2) + ")", "Alpha:",
                    String.format(Locale.ROOT, "%.4g", r.alpha()));
            row(out, "Selection:", r.folds() == null ? "fixed alpha" : r.folds() + "-fold CV, " + r.selection().id(),
                    "Non-zero:", Integer.toString(r.selectedFeatures().size()));
        }
        for (var smooth : model.smooths()) {
            row(out, "Smooth:", smooth.term() + " (k " + smooth.k() + ")", "edf / lambda:",
                    String.format(Locale.ROOT, "%.2f / %.4g", smooth.edf(), smooth.lambda()));
        }
        out.append("=".repeat(WIDTH)).append('\n');
        List<Coefficient> table = model.coefficientTable();
        int nameWidth = Math.max(16, table.stream().mapToInt(c -> c.feature().length()).max().orElse(0) + 1);
        String stat = s.tStatistics() ? "t" : "z";
        out.append(String.format(Locale.ROOT, "%-" + nameWidth + "s%10s%11s%11s%11s%12s%12s%n", "", "coef", "std err", stat,
                "P>|" + stat + "|", "[0.025", "0.975]"));
        int ruleWidth = Math.max(WIDTH, nameWidth + 67);
        out.append("-".repeat(ruleWidth)).append('\n');
        for (Coefficient c : table) {
            out.append(String.format(Locale.ROOT, "%-" + nameWidth + "s%10.4f%11.4f%11.3f%11.3f%12.4f%12.4f %s%n",
                    c.feature(), c.estimate(), c.stdError(), c.statistic(), c.pValue(), c.ciLower(), c.ciUpper(),
                    c.significance()).stripTrailing()).append('\n');
        }
        out.setLength(out.length() - 1);
        out.append('\n').append("=".repeat(ruleWidth)).append('\n');
        out.append("Signif. codes:  0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1\n");
        if (model.regularization() != null) {
            out.append("Penalized estimates: no standard errors are reported (nan).\n");
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String leftLabel, String leftValue, String rightLabel, String rightValue) {
        String line = spread(leftLabel, leftValue, 37) + "   " + (rightLabel.isEmpty() ? "" : spread(rightLabel, rightValue, 38));
        out.append(line.stripTrailing()).append('\n');
    }

    private static String spread(String label, String value, int width) {
        int gap = Math.max(1, width - label.length() - value.length());
        return label + " ".repeat(gap) + value;
    }

    private static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
