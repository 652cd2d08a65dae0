package org.atelier.engine.design;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.atelier.engine.error.DesignMatrixError;
import org.atelier.engine.linalg.Cholesky;

/**
 * Why design columns are aliased, in the user's terms: for each column the rank test flagged, the earlier columns it
 * is a combination of (found by regressing it on them through the Gram matrix) and the reason that fits the pattern
 * (a duplicated numeric column, a level that only occurs where another factor has certain levels, a spline with more
 * columns than its variable has room for, a constant), with advice for that reason rather than a generic one.
 */
public final class Aliasing {
    /** A partner's share of the aliased column below this is rounding, not part of the combination. */
    private static final double NEGLIGIBLE = 1e-6;

    private Aliasing() {
    }

    /**
     * The error for the {@code aliased} columns of {@code x}, whose weighted Gram X'WX is {@code gram} (p×p); null
     * when the design is too wide to hold it, and then the columns are named without their partners.
     */
    public static DesignMatrixError error(String context, DesignMatrix x, double[] gram, List<Integer> aliased) {
        int p = x.columns();
        List<String> features = x.featureNames();
        if (gram == null) {
            List<String> names = aliased.stream().limit(20).map(features::get).toList();
            return new DesignMatrixError(context + ": " + aliased.size() + " columns are zero on every row with weight or"
                    + " linear combinations of the others (" + String.join(", ", names) + (aliased.size() > 20 ? ", …" : "")
                    + ")", "Merge the empty or rare levels of those factors, or drop one of the factors that repeat"
                    + " each other.");
        }
        List<String> reasons = new ArrayList<>();
        Set<String> advice = new LinkedHashSet<>();
        for (int j : aliased) {
            Explained e = explain(x, features, gram, p, j, aliased);
            reasons.add(e.reason());
            advice.add(e.advice());
        }
        return new DesignMatrixError(context + ": " + String.join("; ", reasons), String.join(" ", advice));
    }

    private record Explained(String reason, String advice) {
    }

    private static Explained explain(DesignMatrix x, List<String> features, double[] gram, int p, int j,
                                     List<Integer> aliased) {
        String name = features.get(j);
        String factor = x.factorNames().get(j);
        if (!(gram[j * p + j] > 0)) {
            return new Explained(name + " is zero on every row with weight" + (isLevel(x, j) ? " (a level no row has)" : ""),
                    "Drop or merge the empty level or column " + name + ".");
        }
        List<Integer> partners = partners(gram, p, j, aliased);
        List<Integer> others = partners.stream().filter(k -> !features.get(k).equals("Intercept")).toList();
        if (others.isEmpty()) {
            return new Explained(name + " is constant on the rows with weight (collinear with the intercept)",
                    "Remove " + factor + ": it does not vary where the model is fitted.");
        }
        List<String> partnerNames = others.stream().map(features::get).toList();
        Set<String> partnerFactors = new LinkedHashSet<>(others.stream().map(x.factorNames()::get).toList());
        String partnerFactor = partnerFactors.iterator().next();
        if (isLevel(x, j) && partnerFactors.size() == 1 && !partnerFactor.equals(factor)
                && others.stream().allMatch(k -> isLevel(x, k))) {
            return new Explained(name + " is aliased with " + String.join(", ", partnerNames) + " (a level present only where "
                    + partnerFactor + " is " + levelsWhere(x, j, partnerFactor) + ")",
                    factor + " and " + partnerFactor + " describe the same rows there: drop one of the two factors, "
                            + "or merge " + name + " into another level.");
        }
        if (!isLevel(x, j) && others.size() == 1 && !x.factorNames().get(others.getFirst()).equals(factor)) {
            return new Explained(String.format(Locale.ROOT, "%s duplicates %s (correlation %.3f)", name, partnerNames.getFirst(),
                    correlation(gram, p, j, others.getFirst(), features.getFirst().equals("Intercept"))),
                    "Remove " + factor + " or " + x.factorNames().get(others.getFirst()) + ": they carry the same information.");
        }
        String reason = name + " is a linear combination of the other columns: " + String.join(", ", partnerNames);
        if (name.startsWith("bs(") || name.startsWith("ns(")) {
            return new Explained(reason + " (" + factor + " has too few distinct values between the spline's knots for "
                    + "its columns)", "Lower the df of the spline on " + factor + ", or place its knots where "
                    + factor + " has values.");
        }
        Set<String> involved = new LinkedHashSet<>(List.of(factor));
        involved.addAll(partnerFactors);
        return new Explained(reason, "Remove one of " + String.join(", ", involved) + ": together they repeat information.");
    }

    /**
     * The earlier, non-aliased columns in the combination that reproduces column j: the least-squares coefficients of
     * j on them (from the Gram), kept where they move j by more than rounding.
     */
    private static List<Integer> partners(double[] gram, int p, int j, List<Integer> aliased) {
        List<Integer> basis = new ArrayList<>();
        for (int k = 0; k < j; k++) {
            if (!aliased.contains(k) && gram[k * p + k] > 0) {
                basis.add(k);
            }
        }
        int m = basis.size();
        double[] a = new double[m * m];
        double[] b = new double[m];
        for (int r = 0; r < m; r++) {
            b[r] = gram[basis.get(r) * p + j];
            for (int c = 0; c < m; c++) {
                a[r * m + c] = gram[basis.get(r) * p + basis.get(c)];
            }
        }
        double[] coef = Cholesky.factor(a, m).solve(b);
        double norm = Math.sqrt(gram[j * p + j]);
        List<Integer> out = new ArrayList<>();
        for (int r = 0; r < m; r++) {
            int k = basis.get(r);
            if (Math.abs(coef[r]) * Math.sqrt(gram[k * p + k]) > NEGLIGIBLE * norm) {
                out.add(k);
            }
        }
        return out;
    }

    private static boolean isLevel(DesignMatrix x, int column) {
        return block(x, column) instanceof Block.Categorical c && c.scale() == null;
    }

    /** The levels of {@code factor} on the rows where column j's level is present. */
    private static String levelsWhere(DesignMatrix x, int j, String factor) {
        Block.Categorical own = (Block.Categorical) block(x, j);
        int code = own.features().indexOf(x.featureNames().get(j));
        Block.Categorical other = null;
        for (Block b : x.blocks()) {
            if (b instanceof Block.Categorical c && c.factor().equals(factor) && c.scale() == null) {
                other = c;
            }
        }
        Set<String> levels = new LinkedHashSet<>();
        for (int i = 0; i < own.codes().length; i++) {
            if (own.codes()[i] == code) {
                int at = other.codes()[i];
                levels.add(at < 0 ? "its base level" : level(other.features().get(at), factor));
            }
        }
        return String.join(" or ", levels);
    }

    /** "C" from "Area[T.C]". */
    private static String level(String feature, String factor) {
        String prefix = factor + "[T.";
        return feature.startsWith(prefix) && feature.endsWith("]")
                ? feature.substring(prefix.length(), feature.length() - 1) : feature;
    }

    private static Block block(DesignMatrix x, int column) {
        int at = 0;
        for (Block b : x.blocks()) {
            if (column < at + b.width()) {
                return b;
            }
            at += b.width();
        }
        throw new IllegalArgumentException("No design column " + column);
    }

    private static double correlation(double[] gram, int p, int a, int b, boolean intercept) {
        double cov = centred(gram, p, a, b, intercept);
        double var = centred(gram, p, a, a, intercept) * centred(gram, p, b, b, intercept);
        return var > 0 ? Math.abs(cov) / Math.sqrt(var) : 1;
    }

    private static double centred(double[] gram, int p, int a, int b, boolean intercept) {
        double value = gram[a * p + b];
        if (intercept && gram[0] > 0) {
            value -= gram[a * p] * gram[b * p] / gram[0];
        }
        return value;
    }
}
