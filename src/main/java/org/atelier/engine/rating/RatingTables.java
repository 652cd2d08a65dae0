package org.atelier.engine.rating;

import java.util.List;
import org.atelier.engine.fit.Coefficient;

/**
 * A model's rating tables. For a log-link model ({@code multiplicative}) a policy's rate (prediction per unit of
 * exposure) is {@code baseRate} times the relativity of each of its levels, bands and interaction cells; the base
 * rate is the rate of the base policy: exp(intercept) times each continuous term's effect at its base value (so
 * exp(intercept) itself when the model has no continuous term). For other links the effects do not multiply:
 * {@code tables} is empty and {@code coefficients} carries the model, with {@code note} saying why.
 */
public record RatingTables(String link, boolean multiplicative, double intercept, double baseRate,
                           List<RatingTable> tables, List<Coefficient> coefficients, String note) {
    public RatingTables {
        tables = List.copyOf(tables);
        coefficients = List.copyOf(coefficients);
    }

    public RatingTable table(String factor) {
        return tables.stream().filter(t -> t.factor().equals(factor)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("No rating table for " + factor));
    }
}
