package org.atelier.data;

import org.atelier.engine.frame.Column;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.frame.StringColumn;

import java.util.List;

/**
 * Joins the per-range buffers of one column into a {@link Column}. A numeric column is a concatenation; a
 * text column merges the range dictionaries in row order (so the dictionary stays in order of first
 * appearance) after re-reading, from the text, the rows a range had already converted to numbers.
 */
final class CsvColumns {
    private CsvColumns() {
    }

    static Column assemble(String name, int column, List<CsvChunk> chunks, int rows, boolean text) {
        if (!text) {
            int present = 0;
            boolean decimal = false;
            for (CsvChunk chunk : chunks) {
                present += chunk.present[column];
                decimal |= chunk.decimal[column];
            }
            if (present > 0) {
                double[] values = new double[rows];
                int at = 0;
                for (CsvChunk chunk : chunks) {
                    System.arraycopy(chunk.numbers[column], 0, values, at, chunk.rowCount);
                    at += chunk.rowCount;
                }
                return new NumericColumn(name, values, !decimal);
            }
            // No value at all: nothing says it is numeric, so it is an (all-missing) text column.
        }
        ByteDictionary dictionary = new ByteDictionary();
        int[] codes = new int[rows];
        int at = 0;
        for (CsvChunk chunk : chunks) {
            int switchRow = text ? chunk.switchRow[column] : chunk.rowCount;
            for (int i = 0; i < switchRow; i++) {
                CsvFieldCursor field = chunk.seek(i, column);
                codes[at + i] = field.isMissing() ? -1 : chunk.code(dictionary);
            }
            at += switchRow;
            ByteDictionary local = chunk.dictionaries[column];
            int[] localCodes = chunk.codes[column];
            if (local != null && localCodes != null) {
                int[] remap = new int[local.size()];
                for (int k = 0; k < remap.length; k++) {
                    remap[k] = dictionary.code(local, k);
                }
                for (int code : localCodes) {
                    codes[at++] = code < 0 ? -1 : remap[code];
                }
            }
        }
        return new StringColumn(name, codes, dictionary.toStrings());
    }
}
