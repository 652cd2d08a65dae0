package org.atelier.data;

import java.util.List;

/**
 * What the product shows about a column before any model is built.
 *
 * @param dtype         "Int64" (numeric, every value whole as written), "Float64" (numeric) or "Utf8" (text)
 * @param nUnique       distinct present values (missing not counted)
 * @param nMissing      missing values
 * @param min           smallest present value; null for text or an all-missing column (likewise max, mean)
 * @param isCategorical true for text columns and for numeric columns with at most
 *                      {@link Profiler#CATEGORICAL_MAX_LEVELS} distinct values (a suggestion for the UI)
 * @param sampleValues  the first (up to) 5 present values in row order: Long for Int64, Double for Float64,
 *                      String for Utf8
 */
public record ColumnProfile(String name, String dtype, int nUnique, int nMissing, Double min, Double max,
                            Double mean, boolean isNumeric, boolean isCategorical, List<Object> sampleValues) {
    public ColumnProfile {
        sampleValues = List.copyOf(sampleValues);
    }
}
