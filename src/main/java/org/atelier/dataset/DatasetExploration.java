package org.atelier.dataset;

import java.util.List;
import org.atelier.engine.spec.TermType;

/**
 * A dataset's exploration as the workbench reads it (the cached JSON of {@link ExplorationJson}): the choice it was
 * computed for, the response summary, each column's one-way table, the factors ranked by strength, the associations
 * and the data-quality report. Undefined numbers are NaN.
 */
public record DatasetExploration(Choice choice, Summary summary, List<FactorOneWay> factors, List<Strength> strength,
                                 List<Pair> associations, List<Entry> errors, List<Entry> warnings,
                                 List<Entry> suggestions) {

    /** What is explored: the response, exposure and weights columns (null for none), family and link. */
    public record Choice(String response, String exposure, String weights, String family, String link) {
    }

    public record Summary(String response, int rows, int excludedRows, double exposure, double actual, double rate,
                          double zeroShare, List<double[]> rateQuantiles) {
    }

    /** One level or band: rows, exposure, actual ΣA, observed rate and its 95% interval, share of exposure, thin. */
    public record Level(String level, int nObs, double exposure, double actual, double rate, double rateLower,
                        double rateUpper, double share, boolean thin) {
    }

    public record FactorOneWay(String column, boolean banded, TermType suggestedType, String baseLevel,
                               List<Level> levels) {
    }

    public record Strength(String column, double devianceReduction, int df, double pValue) {
    }

    /** {@code measure}: {@code cramers_v} or {@code pearson}. */
    public record Pair(String a, String b, String measure, double value, boolean flagged) {
    }

    public record Entry(String column, String code, String message) {
    }

    public FactorOneWay factor(String column) {
        return factors.stream().filter(f -> f.column().equals(column)).findFirst().orElse(null);
    }
}
