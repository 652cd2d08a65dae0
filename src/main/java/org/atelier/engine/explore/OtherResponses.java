package org.atelier.engine.explore;

import java.util.List;
import java.util.Locale;
import org.atelier.engine.frame.Column;
import org.atelier.engine.frame.NumericColumn;

/**
 * Columns that are another response, or derived from the chosen one, rather than rating factors: ranked as factors
 * they would explain the response by itself (ClaimAmount "predicts" ClaimNb perfectly on the rows without a claim).
 * A column is one when either
 * <ul>
 * <li>it follows the response's zeros: numeric, zero (or missing) on every explored row where the response is 0 and
 * non-zero on at least half of the rows where it is not, the response having rows of both kinds (at least
 * {@value #MIN_ZERO_ROWS} zeros) (ClaimAmount next
 * to ClaimNb, a severity ClaimAmount / ClaimNb); or</li>
 * <li>its name reads as a claim outcome: it contains claim, loss, severity, incurred or sinistre (so ClaimAmount,
 * AvgClaim, LossRatio, Severity), unless it also names a claim history (prior, previous, past, hist, last, lag), which
 * is a legitimate rating factor such as NbClaimsPrior.</li>
 * </ul>
 */
final class OtherResponses {
    static final List<String> OUTCOME_WORDS = List.of("claim", "loss", "severity", "incurred", "sinistre");
    static final List<String> HISTORY_WORDS = List.of("prior", "prev", "past", "hist", "last", "lag");
    /** Fewer rows without a claim than this say too little to call a column derived from the response. */
    static final int MIN_ZERO_ROWS = 10;

    private OtherResponses() {
    }

    /** Why {@code column} looks like another response than {@code response}, or null when it is a factor. */
    static String reason(Column column, ExploreRows rows, String response) {
        if (column instanceof NumericColumn num && followsZeros(num.values(), rows.y)) {
            return "zero wherever " + response + " is zero";
        }
        String n = column.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (OUTCOME_WORDS.stream().anyMatch(n::contains) && HISTORY_WORDS.stream().noneMatch(n::contains)) {
            return "named like a claim outcome";
        }
        return null;
    }

    /** Zero or missing wherever the response is 0, non-zero on at least half the rows where it is not. */
    static boolean followsZeros(double[] values, double[] y) {
        int responseZero = 0;
        int responseNonZero = 0;
        int nonZeroAlongside = 0;
        for (int i = 0; i < y.length; i++) {
            boolean present = !Double.isNaN(values[i]);
            if (y[i] == 0) {
                if (present && values[i] != 0) return false;
                responseZero++;
            } else {
                responseNonZero++;
                if (present && values[i] != 0) nonZeroAlongside++;
            }
        }
        return responseZero >= MIN_ZERO_ROWS && responseNonZero > 0 && 2 * nonZeroAlongside >= responseNonZero;
    }
}
