package org.atelier.engine.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.atelier.engine.diagnostics.ColumnLevels;
import org.atelier.engine.family.Family;
import org.atelier.engine.frame.Column;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.frame.StringColumn;
import org.atelier.engine.spec.TermType;

/**
 * The data-quality report's rules, each entry naming its column.
 * <ul>
 * <li>Errors (nothing to fit as chosen): {@code constant_response}, {@code response_outside_family} (values the
 * family cannot fit: negative counts, a Gamma response ≤ 0, a binomial one outside [0, 1]), {@code nonpositive_exposure} (rows with exposure ≤ 0), {@code all_missing}.</li>
 * <li>Warnings: {@code missing_values}, {@code single_level} (a factor with one value), {@code levels_seen_once},
 * {@code numeric_as_text} (a text column whose values are numbers on at least 99% of its rows),
 * {@code id_column} (a text or whole-number column with a different value on every row, more than 20 rows: an
 * identifier such as IDpol, not a factor), {@code other_response} (a column derived from the response or named like a
 * claim outcome, such as ClaimAmount next to ClaimNb: {@link OtherResponses}; it is not ranked).</li>
 * <li>Suggestions: {@code base_level} (the level with most exposure), {@code group_thin_levels} (levels under 1% of
 * exposure), {@code target_encode} (a text factor of more than 100 levels), {@code spline_df} (a heavily tied
 * numeric column: ties leave fewer than 10 equal-exposure bands, and a spline's quantile knots coincide the same
 * way, so its df should stay below the bands formed).</li>
 * </ul>
 */
final class QualityRules {
    static final double NUMERIC_TEXT_SHARE = 0.99;

    private QualityRules() {
    }

    /** Whether a column is an identifier: a different value on every row (text or whole numbers). */
    static boolean isIdentifier(Column column, ColumnLevels levels) {
        int n = column.size();
        boolean idType = column instanceof StringColumn || column instanceof NumericColumn num && num.integral();
        if (!idType || n <= ColumnLevels.MAX_LEVELS) return false;
        int present = 0;
        for (int i = 0; i < n; i++) {
            if (!column.isMissing(i)) present++;
        }
        if (column instanceof StringColumn) {
            int missing = present < n ? 1 : 0;
            return levels.size() - missing == present;
        }
        double[] values = ((NumericColumn) column).values();
        if (levels.size() <= ColumnLevels.BANDS + 1) {
            // cheap answers first: a column written in increasing order (IDpol), or a repeat among its first rows
            boolean increasing = present == n;
            for (int i = 1; i < n && increasing; i++) {
                increasing = values[i] > values[i - 1];
            }
            if (increasing) return true;
            java.util.Set<Double> first = new java.util.HashSet<>();
            for (int i = 0; i < Math.min(n, 2000); i++) {
                if (!Double.isNaN(values[i]) && !first.add(values[i])) return false;
            }
        }
        double[] distinct = values.clone();
        java.util.Arrays.sort(distinct); // NaN sorts last
        for (int i = 1; i < present; i++) {
            if (distinct[i] == distinct[i - 1]) return false;
        }
        return true;
    }

    static QualityReport of(Frame all, ExploreRows rows, ExploreChoice choice, List<Factor> factors) {
        List<ReportEntry> errors = new ArrayList<>();
        List<ReportEntry> warnings = new ArrayList<>();
        List<ReportEntry> suggestions = new ArrayList<>();
        responseAndExposure(rows, choice, errors);
        for (Column column : all.columns()) {
            int missing = 0;
            for (int i = 0; i < column.size(); i++) {
                if (column.isMissing(i)) missing++;
            }
            if (missing == column.size() && missing > 0) {
                errors.add(new ReportEntry(column.name(), "all_missing", column.name() + " is missing on every row"));
            } else if (missing > 0) {
                boolean chosen = column.name().equals(choice.response()) || column.name().equals(choice.exposure())
                        || column.name().equals(choice.weights());
                warnings.add(new ReportEntry(column.name(), "missing_values", column.name() + " is missing on "
                        + String.format(Locale.ROOT, "%,d", missing) + " rows ("
                        + percent((double) missing / column.size()) + ")"
                        + (chosen ? ": those rows are left out" : ": they form a level \"" + ColumnLevels.MISSING
                        + "\" here and must be filled or dropped before a fit")));
            }
            if (column instanceof StringColumn text && missing < column.size()) numericAsText(text, warnings);
        }
        for (Factor f : factors) {
            factorRules(f, warnings, suggestions);
        }
        return new QualityReport(errors, warnings, suggestions);
    }

    private static void responseAndExposure(ExploreRows rows, ExploreChoice choice, List<ReportEntry> errors) {
        String y = choice.response();
        // the family's own rule, the one the fit applies: here it says why no factor can be ranked
        Family family = Family.of(choice.family(), 1.5, Double.NaN);
        boolean constant = true;
        int outside = 0;
        String why = null;
        for (int i = 0; i < rows.n; i++) {
            if (rows.y[i] != rows.y[0]) constant = false;
            String reason = family.invalidResponse(rows.y[i]);
            if (reason != null) {
                outside++;
                why = reason;
            }
        }
        if (constant) {
            errors.add(new ReportEntry(y, "constant_response", y + " is " + label(rows.y[0])
                    + " on every row: there is nothing to explain"));
        }
        if (outside > 0) {
            errors.add(new ReportEntry(y, "response_outside_family", String.format(Locale.ROOT,
                    "%s is outside the %s family's range on %,d rows (%s): choose another family or explore the rows"
                            + " in range", y, family.displayName(), outside, why)));
        }
        if (choice.exposure() != null) {
            int bad = 0;
            for (double t : rows.t) {
                if (!(t > 0)) bad++;
            }
            if (bad > 0) {
                errors.add(new ReportEntry(choice.exposure(), "nonpositive_exposure", choice.exposure() + " is zero or"
                        + " negative on " + bad + " rows: an exposure must be positive (its log is the offset)"));
            }
        }
    }

    private static void numericAsText(StringColumn text, List<ReportEntry> warnings) {
        String[] dictionary = text.dictionary();
        boolean[] numeric = new boolean[dictionary.length];
        for (int c = 0; c < dictionary.length; c++) {
            numeric[c] = isNumber(dictionary[c]);
        }
        int present = 0;
        int numbers = 0;
        List<String> others = new ArrayList<>();
        int[] seen = new int[dictionary.length];
        for (int code : text.codes()) {
            if (code < 0) continue;
            present++;
            if (numeric[code]) numbers++;
            else if (seen[code]++ == 0 && others.size() < 3) others.add(dictionary[code]);
        }
        if (numbers > 0 && numbers >= NUMERIC_TEXT_SHARE * present) {
            warnings.add(new ReportEntry(text.name(), "numeric_as_text", text.name() + " is stored as text but "
                    + numbers + " of its " + present + " values are numbers"
                    + (others.isEmpty() ? "" : " (not: " + String.join(", ", others) + ")")
                    + ": make it numeric to band it or fit it as linear"));
        }
    }

    private static void factorRules(Factor f, List<ReportEntry> warnings, List<ReportEntry> suggestions) {
        String name = f.levels().column();
        if (f.identifier()) {
            warnings.add(new ReportEntry(name, "id_column", name + " has a different value on every row: an"
                    + " identifier, not a factor"));
            return;
        }
        if (f.otherResponse() != null) {
            warnings.add(new ReportEntry(name, "other_response", name + " looks like another response ("
                    + f.otherResponse() + "); not ranked as a factor"));
            return;
        }
        List<OneWayLevel> present = f.oneWay().levels().stream()
                .filter(l -> !l.level().equals(ColumnLevels.MISSING)).toList();
        if (present.isEmpty()) return; // all missing: an error already
        if (present.size() == 1) {
            warnings.add(new ReportEntry(name, "single_level", name + " has the single value "
                    + present.getFirst().level() + ": it cannot explain anything"));
            return;
        }
        if (f.oneWay().banded()) {
            int bands = present.size();
            if (bands < ColumnLevels.BANDS) {
                OneWayLevel widest = present.stream().max(java.util.Comparator.comparingDouble(OneWayLevel::share))
                        .orElseThrow();
                suggestions.add(new ReportEntry(name, "spline_df", name + " is heavily tied (" + widest.level()
                        + " holds " + percent(widest.share()) + " of exposure): only " + bands + " of "
                        + ColumnLevels.BANDS + " equal-exposure bands can be formed; give a spline on it df ≤ "
                        + Math.max(1, bands - 1)));
            }
            return;
        }
        List<String> once = present.stream().filter(l -> l.nObs() == 1).map(OneWayLevel::level).toList();
        if (!once.isEmpty()) {
            warnings.add(new ReportEntry(name, "levels_seen_once", name + " has " + once.size() + " level"
                    + (once.size() == 1 ? "" : "s") + " seen on one row only (" + sample(once) + ")"));
        }
        if (f.oneWay().suggestedType() == TermType.TARGET_ENCODING) {
            suggestions.add(new ReportEntry(name, "target_encode", name + " has " + present.size()
                    + " levels: target-encode it rather than fit a coefficient per level"));
            return;
        }
        OneWayLevel base = present.stream().filter(l -> l.level().equals(f.oneWay().baseLevel())).findFirst()
                .orElseThrow();
        suggestions.add(new ReportEntry(name, "base_level", "Base level for " + name + ": " + base.level()
                + " (most exposure, " + percent(base.share()) + ")"));
        List<String> thin = present.stream().filter(OneWayLevel::thin).map(OneWayLevel::level).toList();
        if (!thin.isEmpty()) {
            suggestions.add(new ReportEntry(name, "group_thin_levels", name + " has " + thin.size() + " level"
                    + (thin.size() == 1 ? "" : "s") + " under 1% of exposure (" + sample(thin)
                    + "): group them with similar levels"));
        }
    }

    static boolean isNumber(String s) {
        String t = s.trim();
        if (t.isEmpty()) return false;
        char c = t.charAt(0);
        if (!(Character.isDigit(c) || c == '-' || c == '+' || c == '.')) return false;
        try {
            double v = Double.parseDouble(t);
            return !Double.isNaN(v) && !Double.isInfinite(v);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String sample(List<String> values) {
        return values.size() <= 5 ? String.join(", ", values)
                : String.join(", ", values.subList(0, 5)) + ", ... " + (values.size() - 5) + " more";
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    private static String label(double v) {
        return org.atelier.engine.design.Columns.label(v);
    }

    /**
     * A column explored as a factor: its groups, its one-way table, whether it is an identifier and why it looks like
     * another response (null when it does not).
     */
    record Factor(Column column, ColumnLevels levels, OneWay oneWay, boolean identifier, String otherResponse) {
    }
}
