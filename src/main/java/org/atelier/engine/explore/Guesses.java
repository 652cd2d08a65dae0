package org.atelier.engine.explore;

import java.util.Locale;
import java.util.Optional;
import org.atelier.engine.frame.Column;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.NumericColumn;

/**
 * What a freshly uploaded dataset is probably explored for, guessed from the column names and values; the user can
 * change every guess. Response: a numeric column named like a claim count (ClaimNb, nclaims, claim_count), else like
 * an amount or target (ClaimAmount, loss, target, response), else the first non-negative whole-number column with
 * mostly zeros. Exposure: a positive numeric column named like an exposure (Exposure, expo, duration). Family: binomial
 * for 0/1, poisson for other non-negative whole numbers, gamma for positive amounts, else gaussian.
 */
public final class Guesses {
    private Guesses() {
    }

    public static Optional<String> response(Frame frame) {
        String best = null;
        int bestScore = 0;
        for (Column column : frame.columns()) {
            if (!(column instanceof NumericColumn num)) continue;
            int score = responseScore(num);
            if (score > bestScore) {
                best = num.name();
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    public static Optional<String> exposure(Frame frame, String response) {
        for (Column column : frame.columns()) {
            String n = normal(column.name());
            if (column instanceof NumericColumn num && !num.name().equals(response)
                    && (n.startsWith("expo") || n.equals("duration") || n.equals("earnedexposure")) && positive(num)) {
                return Optional.of(num.name());
            }
        }
        return Optional.empty();
    }

    public static String family(Frame frame, String response) {
        if (!(frame.column(response).orElse(null) instanceof NumericColumn num)) return "gaussian";
        boolean binary = true, whole = true, nonNegative = true, positive = true;
        for (double v : num.values()) {
            if (Double.isNaN(v)) continue;
            binary &= v == 0 || v == 1;
            whole &= v == Math.rint(v);
            nonNegative &= v >= 0;
            positive &= v > 0;
        }
        if (binary) return "binomial";
        if (whole && nonNegative) return "poisson";
        return positive ? "gamma" : "gaussian";
    }

    private static int responseScore(NumericColumn column) {
        String n = normal(column.name());
        boolean claim = n.contains("claim") || n.contains("sinistre");
        if (claim && (n.contains("nb") || n.contains("num") || n.contains("count") || n.startsWith("n"))) return 4;
        if (claim || n.contains("loss") || n.equals("target") || n.equals("response") || n.equals("y")) return 3;
        int zeros = 0, present = 0;
        boolean countLike = column.integral();
        for (double v : column.values()) {
            if (Double.isNaN(v)) continue;
            present++;
            if (v == 0) zeros++;
            countLike &= v >= 0;
        }
        return countLike && present > 0 && zeros > present / 2 ? 1 : 0;
    }

    private static boolean positive(NumericColumn column) {
        for (double v : column.values()) {
            if (!Double.isNaN(v) && !(v > 0)) return false;
        }
        return true;
    }

    private static String normal(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
