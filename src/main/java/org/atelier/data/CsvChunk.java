package org.atelier.data;

/**
 * Parses one range of a block's rows straight into the final column arrays (each range owns its slice, so nothing is
 * copied afterwards). Every column starts as numeric; at its first field that is neither missing nor a
 * number it switches to dictionary coding for the rest of the range and raises the shared flag, so the other
 * ranges switch too. The rows parsed as numbers before the switch are re-read from the block by
 * {@link CsvColumns}, which is how a column that looks numeric for 600k rows and then holds "B12" still keeps
 * every value exactly as written.
 */
final class CsvChunk {
    /** First data row of this range, as a row of its block (0 = the block's first data row). */
    final int rowFrom;
    final int rowCount;
    /** Per column: the first row (relative to rowFrom) coded as text, or rowCount if none. */
    final int[] switchRow;
    /** Per column: codes of rows [switchRow, rowCount) index this range's dictionary; -1 = missing. */
    final ByteDictionary[] dictionaries;
    /** Per column: a present value was written with a decimal point or exponent. */
    final boolean[] decimal;
    /** Per column: count of present numeric values. */
    final int[] present;

    private final CsvTable table;
    private final CsvFieldCursor cursor;
    private final NumberText number = new NumberText();
    private byte[] scratch = new byte[64];

    CsvChunk(CsvTable table, int rowFrom, int rowTo) {
        this.table = table;
        this.rowFrom = rowFrom;
        this.rowCount = rowTo - rowFrom;
        this.cursor = table.cursor();
        int columns = table.columns();
        switchRow = new int[columns];
        dictionaries = new ByteDictionary[columns];
        decimal = new boolean[columns];
        present = new int[columns];
        for (int j = 0; j < columns; j++) {
            switchRow[j] = rowCount;
        }
    }

    /** Parses the whole range; throws {@link DatasetException} on a malformed row. */
    void parse() {
        int columns = switchRow.length;
        CsvFieldCursor c = cursor;
        byte[] buffer = table.buffer;
        boolean[] textColumns = table.textColumns;
        int base = table.rowBase;
        double[][] numbers = new double[columns][]; // this range's view of the shared arrays, fetched once
        for (int i = 0; i < rowCount; i++) {
            int row = rowFrom + i;
            c.position = table.rowStart(row);
            for (int j = 0; j < columns; j++) {
                int ending = c.next();
                if (ending == CsvFieldCursor.END_OF_ROW && j < columns - 1) {
                    throw table.wrongFieldCount(row, j + 1);
                }
                if (ending == CsvFieldCursor.DELIMITER && j == columns - 1) {
                    throw table.wrongFieldCount(row, table.countFields(row));
                }
                if (i < switchRow[j]) {
                    if (textColumns[j]) {
                        switchToText(j, i); // another range found text in this column: stop converting
                    } else if (c.isMissing()) {
                        if (numbers[j] == null) {
                            numbers[j] = table.numbers(j);
                        }
                        numbers[j][base + row] = Double.NaN;
                        continue;
                    } else {
                        int kind = number.parse(buffer, c.start, c.end);
                        if (kind == NumberText.INTEGER || kind == NumberText.DECIMAL) {
                            if (numbers[j] == null) {
                                numbers[j] = table.numbers(j);
                            }
                            numbers[j][base + row] = number.value;
                            present[j]++;
                            if (kind == NumberText.DECIMAL) {
                                decimal[j] = true;
                            }
                            continue;
                        }
                        textColumns[j] = true;
                        switchToText(j, i);
                    }
                }
                table.codes(j)[base + row] = c.isMissing() ? -1 : code(dictionaries[j]);
            }
        }
    }

    /** The dictionary code of the cursor's current field. */
    int code(ByteDictionary dictionary) {
        CsvFieldCursor c = cursor;
        if (!c.escaped) {
            return dictionary.code(table.buffer, c.start, c.end - c.start, true);
        }
        if (scratch.length < c.end - c.start) {
            scratch = new byte[c.end - c.start];
        }
        int length = c.unescapeInto(scratch);
        return dictionary.code(scratch, 0, length, false);
    }

    /** Positions the cursor on field {@code column} of data row {@code row}, already validated. */
    CsvFieldCursor seek(int row, int column) {
        cursor.position = table.rowStart(row);
        for (int j = 0; j <= column; j++) {
            cursor.next();
        }
        return cursor;
    }

    private void switchToText(int column, int row) {
        switchRow[column] = row;
        dictionaries[column] = new ByteDictionary();
    }
}
