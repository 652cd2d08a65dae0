package org.atelier.ui.results;

import org.atelier.model.CoefficientRow;

/** A row of the coefficient tree: a factor's group header or one of its coefficients. */
sealed interface CoefficientNode {

    /** The group header; {@code order} keeps the model's term order when the grid is sorted. */
    record Factor(String name, int order, int coefficients) implements CoefficientNode {
    }

    record Coefficient(CoefficientRow row) implements CoefficientNode {
        /** "[T.R24]" under its factor "Region", as the grouped table reads; a lone term keeps its full name. */
        String label() {
            String feature = row.feature();
            String prefix = row.factorName() + "[";
            return feature.startsWith(prefix) && !feature.equals(row.factorName())
                    ? feature.substring(row.factorName().length()) : feature;
        }
    }
}
