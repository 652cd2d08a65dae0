package org.atelier.engine.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.atelier.engine.diagnostics.ColumnLevels;
import org.atelier.engine.frame.NumericColumn;

/**
 * Pairwise associations between factors. Cramér's V on row counts without bias correction,
 * V = √(χ²/(n·(min(r, c) − 1))), r and c the levels present, χ² = n·(Σ n_ij²/(n_i·n_j) − 1) summed over the cells
 * that hold rows (an empty cell adds nothing, so sparse tables are never an error). Pearson's r weighted by the
 * exposure e over the rows where both numbers are present.
 */
final class Associations {
    /** Cross-tables up to this many cells are counted in an array, larger ones by sorting the rows' cell keys. */
    private static final int DENSE_CELLS = 1 << 22;

    private Associations() {
    }

    static List<Association> cramersV(List<ColumnLevels> categorical) {
        List<Association> out = new ArrayList<>();
        for (int a = 0; a < categorical.size(); a++) {
            for (int b = a + 1; b < categorical.size(); b++) {
                ColumnLevels x = categorical.get(a);
                ColumnLevels y = categorical.get(b);
                double v = cramersV(x.group(), x.size(), y.group(), y.size());
                if (!Double.isNaN(v)) {
                    out.add(new Association(x.column(), y.column(), Association.CRAMERS_V, v, v > Association.V_FLAG));
                }
            }
        }
        return out;
    }

    /** V of two row groupings with {@code r} and {@code c} groups; NaN when either has a single group. */
    static double cramersV(int[] x, int r, int[] y, int c) {
        int n = x.length;
        if (n == 0 || Math.min(r, c) < 2) return Double.NaN;
        long[] rowTotal = new long[r];
        long[] colTotal = new long[c];
        for (int i = 0; i < n; i++) {
            rowTotal[x[i]]++;
            colTotal[y[i]]++;
        }
        double sum = 0; // Σ n_ij² / (n_i · n_j) over the non-empty cells
        if ((long) r * c <= DENSE_CELLS) {
            int[] cell = new int[r * c];
            for (int i = 0; i < n; i++) {
                cell[x[i] * c + y[i]]++;
            }
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < c; j++) {
                    int nij = cell[i * c + j];
                    if (nij > 0) sum += (double) nij * nij / ((double) rowTotal[i] * colTotal[j]);
                }
            }
        } else {
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                keys[i] = (long) x[i] * c + y[i];
            }
            Arrays.sort(keys);
            for (int i = 0; i < n; ) {
                int j = i;
                while (j < n && keys[j] == keys[i]) j++;
                double nij = j - i;
                sum += nij * nij / ((double) rowTotal[(int) (keys[i] / c)] * colTotal[(int) (keys[i] % c)]);
                i = j;
            }
        }
        double chi2 = n * (sum - 1);
        return Math.sqrt(Math.max(0, chi2) / (n * (Math.min(r, c) - 1.0)));
    }

    static List<Association> pearson(List<NumericColumn> numeric, double[] e) {
        List<Association> out = new ArrayList<>();
        for (int a = 0; a < numeric.size(); a++) {
            for (int b = a + 1; b < numeric.size(); b++) {
                double r = pearson(numeric.get(a).values(), numeric.get(b).values(), e);
                if (!Double.isNaN(r)) {
                    out.add(new Association(numeric.get(a).name(), numeric.get(b).name(), Association.PEARSON, r,
                            Math.abs(r) > Association.R_FLAG));
                }
            }
        }
        return out;
    }

    /** The e-weighted correlation; NaN when either column does not vary over the rows where both are present. */
    static double pearson(double[] x, double[] y, double[] e) {
        double sw = 0, sx = 0, sy = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i]) || Double.isNaN(y[i])) continue;
            sw += e[i];
            sx += e[i] * x[i];
            sy += e[i] * y[i];
        }
        if (!(sw > 0)) return Double.NaN;
        double mx = sx / sw;
        double my = sy / sw;
        double sxx = 0, syy = 0, sxy = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i]) || Double.isNaN(y[i])) continue;
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxx += e[i] * dx * dx;
            syy += e[i] * dy * dy;
            sxy += e[i] * dx * dy;
        }
        return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Double.NaN;
    }
}
