package org.atelier.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.atelier.engine.frame.Column;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.frame.StringColumn;

/**
 * The file's columns as the blocks fill them: arrays of the file's row count (known from the first pass, so
 * nothing is regrown or copied), and per text column one dictionary that owns copies of its values' bytes (the
 * blocks' bytes are reused). After each block a text column merges the block's range dictionaries in row order
 * (so the dictionary stays in order of first appearance), after re-reading from the block the rows a range had
 * converted to numbers before the switch. A column that turns text after an earlier block had numbers in it
 * cannot re-read those rows, whose text is gone: it is said by {@link #switchedLate()}, and the reader reads
 * the file again with such columns text from the start ({@link #again()}).
 */
final class CsvColumns {
    /** Per column: some row holds text. Set by any range, read without locking as a hint by the others. */
    final boolean[] textColumns;
    private final int rows;
    private final AtomicReferenceArray<double[]> numbers;
    private final AtomicReferenceArray<int[]> codes;
    private final ByteDictionary[] dictionaries;
    private final long[] present;
    private final boolean[] decimal;
    private boolean switchedLate;

    CsvColumns(int rows, int columns) {
        this(rows, new boolean[columns], new AtomicReferenceArray<>(columns), new AtomicReferenceArray<>(columns));
    }

    private CsvColumns(int rows, boolean[] textColumns, AtomicReferenceArray<double[]> numbers,
                       AtomicReferenceArray<int[]> codes) {
        this.rows = rows;
        this.textColumns = textColumns;
        this.numbers = numbers;
        this.codes = codes;
        int columns = textColumns.length;
        dictionaries = new ByteDictionary[columns];
        present = new long[columns];
        decimal = new boolean[columns];
        for (int j = 0; j < columns; j++) {
            if (textColumns[j]) {
                dictionaries[j] = new ByteDictionary(true);
            }
        }
    }

    /** True when a column turned text after numbers in an earlier block: the file must be read {@link #again()}. */
    boolean switchedLate() {
        return switchedLate;
    }

    /** Empty columns for a second reading, with the columns found to hold text text from the first row. */
    CsvColumns again() {
        AtomicReferenceArray<double[]> keptNumbers = new AtomicReferenceArray<>(textColumns.length);
        for (int j = 0; j < textColumns.length; j++) {
            if (!textColumns[j]) {
                keptNumbers.set(j, numbers.get(j)); // overwritten row by row, as every row is read again
            }
        }
        return new CsvColumns(rows, textColumns.clone(), keptNumbers, codes);
    }

    /**
     * The number array of a column, created by whichever range needs it first. Created under a lock: ranges racing
     * to create it each made one (80 MB for 10 million rows) and all but one were garbage.
     */
    double[] numbers(int column) {
        double[] array = numbers.get(column);
        if (array == null) {
            synchronized (numbers) {
                array = numbers.get(column);
                if (array == null) {
                    array = new double[rows];
                    numbers.set(column, array);
                }
            }
        }
        return array;
    }

    /** The code array of a text column, created by whichever range needs it first (under a lock, as numbers). */
    int[] codes(int column) {
        int[] array = codes.get(column);
        if (array == null) {
            synchronized (codes) {
                array = codes.get(column);
                if (array == null) {
                    array = new int[rows];
                    codes.set(column, array);
                }
            }
        }
        return array;
    }

    /** Takes in a block once its ranges are parsed, while its bytes are still there. */
    void merge(CsvTable table, List<CsvChunk> chunks) {
        for (int j = 0; j < textColumns.length; j++) {
            if (!textColumns[j]) {
                for (CsvChunk chunk : chunks) {
                    present[j] += chunk.present[j];
                    decimal[j] |= chunk.decimal[j];
                }
            } else {
                mergeText(j, table, chunks);
            }
        }
    }

    private void mergeText(int column, CsvTable table, List<CsvChunk> chunks) {
        int[] codes = codes(column);
        if (dictionaries[column] == null) { // the first block where the column holds text
            dictionaries[column] = new ByteDictionary(true);
            switchedLate |= present[column] > 0;
            Arrays.fill(codes, 0, table.rowBase, -1); // the earlier blocks' rows were all missing
        }
        ByteDictionary dictionary = dictionaries[column];
        for (CsvChunk chunk : chunks) {
            int switchRow = chunk.switchRow[column];
            int base = table.rowBase + chunk.rowFrom;
            for (int i = 0; i < switchRow; i++) {
                CsvFieldCursor field = chunk.seek(chunk.rowFrom + i, column);
                codes[base + i] = field.isMissing() ? -1 : chunk.code(dictionary);
            }
            ByteDictionary local = chunk.dictionaries[column];
            if (local != null) {
                int[] remap = new int[local.size()];
                for (int k = 0; k < remap.length; k++) {
                    remap[k] = dictionary.code(local, k);
                }
                for (int row = base + switchRow, end = base + chunk.rowCount; row < end; row++) {
                    int code = codes[row];
                    codes[row] = code < 0 ? -1 : remap[code];
                }
            }
        }
    }

    /** The finished columns. A column with no value at all is an (all-missing) text column: nothing says it is numeric. */
    List<Column> finish(List<String> names) {
        List<Column> result = new ArrayList<>(names.size());
        for (int j = 0; j < names.size(); j++) {
            String name = names.get(j);
            if (textColumns[j]) {
                result.add(new StringColumn(name, codes(j), dictionaries[j].toStrings()));
            } else if (present[j] > 0) {
                result.add(new NumericColumn(name, numbers(j), !decimal[j]));
            } else {
                numbers.set(j, null);
                int[] missing = codes(j);
                Arrays.fill(missing, -1);
                result.add(new StringColumn(name, missing, new String[0]));
            }
        }
        return result;
    }
}
