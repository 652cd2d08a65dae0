package org.atelier.engine.explore;

import java.util.ArrayList;
import java.util.List;
import org.atelier.engine.diagnostics.ColumnLevels;
import org.atelier.engine.inference.Distributions;
import org.atelier.engine.spec.TermType;

/**
 * One-way tables: the rows summed per level or band of {@link ColumnLevels} (the grouping A/E by factor uses).
 * The observed rate r = ΣA/Σe has a 95% interval by the normal approximation r ± 1.96·se with the ratio estimator's
 * linearised variance se² = Σ(A_i − r·e_i)²/(Σe)², taken from the rows' own scatter: it holds for counts, amounts
 * and 0/1 responses alike without assuming a family (for Poisson counts with weight 1 it is about √ΣA/Σe). A level of
 * one row has no interval (NaN); a non-negative response never gets a negative lower bound.
 */
final class OneWays {
    static final double THIN_SHARE = 0.01;
    static final int TARGET_ENCODING_LEVELS = 100;

    private OneWays() {
    }

    static OneWay of(ColumnLevels levels, ExploreRows rows, boolean textColumn, boolean nonNegativeResponse) {
        int g = levels.size();
        int[] group = levels.group();
        int[] n = new int[g];
        double[] exposure = new double[g];
        double[] actual = new double[g];
        for (int i = 0; i < rows.n; i++) {
            int k = group[i];
            n[k]++;
            exposure[k] += rows.e[i];
            actual[k] += rows.actual[i];
        }
        double[] rate = new double[g];
        for (int k = 0; k < g; k++) {
            rate[k] = exposure[k] > 0 ? actual[k] / exposure[k] : Double.NaN;
        }
        double[] scatter = new double[g];
        for (int i = 0; i < rows.n; i++) {
            int k = group[i];
            double r = rows.actual[i] - rate[k] * rows.e[i];
            scatter[k] += r * r;
        }
        double total = 0;
        for (double x : exposure) total += x;
        List<OneWayLevel> out = new ArrayList<>(g);
        int base = -1;
        for (int k = 0; k < g; k++) {
            double se = n[k] > 1 && exposure[k] > 0 ? Math.sqrt(scatter[k]) / exposure[k] : Double.NaN;
            double lower = rate[k] - Distributions.Z_975 * se;
            if (nonNegativeResponse && lower < 0) lower = 0;
            double share = total > 0 ? exposure[k] / total : Double.NaN;
            out.add(new OneWayLevel(levels.labels().get(k), n[k], exposure[k], actual[k], rate[k], lower,
                    rate[k] + Distributions.Z_975 * se, share, share < THIN_SHARE));
            boolean missing = levels.labels().get(k).equals(ColumnLevels.MISSING);
            if (!missing && (base < 0 || exposure[k] > exposure[base])) base = k;
        }
        TermType type = levels.banded() ? TermType.LINEAR
                : textColumn && g > TARGET_ENCODING_LEVELS ? TermType.TARGET_ENCODING : TermType.CATEGORICAL;
        String baseLevel = type == TermType.CATEGORICAL && base >= 0 ? levels.labels().get(base) : null;
        return new OneWay(levels.column(), levels.banded(), type, baseLevel, out);
    }
}
