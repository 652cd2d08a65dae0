package org.atelier.data;

import org.atelier.engine.frame.Column;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.frame.StringColumn;

import java.util.List;

/**
 * Finishes one column after the parallel parse. A numeric column is already complete in the shared array.
 * A text column merges the range dictionaries in row order (so the dictionary stays in order of first
 * appearance), after re-reading from the text the rows a range had converted to numbers before the switch.
 */
final class CsvColumns {
    private CsvColumns() {
    }

    static Column assemble(String name, int column, CsvTable table, List<CsvChunk> chunks) {
        boolean text = table.textColumns[column];
        if (!text) {
            int present = 0;
            boolean decimal = false;
            for (CsvChunk chunk : chunks) {
                present += chunk.present[column];
                decimal |= chunk.decimal[column];
            }
            if (present > 0) {
                return new NumericColumn(name, table.numbers(column), !decimal);
            }
            // No value at all: nothing says it is numeric, so it is an (all-missing) text column.
        }
        int[] codes = table.codes(column);
        ByteDictionary dictionary = null;
        for (CsvChunk chunk : chunks) {
            int switchRow = text ? chunk.switchRow[column] : chunk.rowCount;
            ByteDictionary local = chunk.dictionaries[column];
            if (dictionary == null && switchRow == 0 && local != null) {
                dictionary = local; // the first range's codes are already final
                continue;
            }
            if (dictionary == null) {
                dictionary = new ByteDictionary();
            }
            for (int i = 0; i < switchRow; i++) {
                CsvFieldCursor field = chunk.seek(chunk.rowFrom + i, column);
                codes[chunk.rowFrom + i] = field.isMissing() ? -1 : chunk.code(dictionary);
            }
            if (local != null) {
                int[] remap = new int[local.size()];
                for (int k = 0; k < remap.length; k++) {
                    remap[k] = dictionary.code(local, k);
                }
                for (int row = chunk.rowFrom + switchRow, end = chunk.rowFrom + chunk.rowCount; row < end; row++) {
                    int code = codes[row];
                    codes[row] = code < 0 ? -1 : remap[code];
                }
            }
        }
        return new StringColumn(name, codes, dictionary == null ? new String[0] : dictionary.toStrings());
    }
}
