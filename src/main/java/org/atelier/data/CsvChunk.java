package org.atelier.data;

/**
 * Parses one range of rows into per-column primitive buffers. Every column starts as numeric; at its first
 * field that is neither missing nor a number it switches to dictionary coding for the rest of the range and
 * raises the shared flag, so the other ranges switch too. The rows parsed as numbers before the switch are
 * re-read from the text by {@link CsvColumns}, which is how a column that looks numeric for 600k rows and
 * then holds "B12" still keeps every value exactly as written.
 */
final class CsvChunk {
    final int rowFrom;
    final int rowCount;
    /** Per column: numbers for rows [0, switchRow), NaN = missing. */
    final double[][] numbers;
    /** Per column: the first row (relative to rowFrom) coded as text, or rowCount if none. */
    final int[] switchRow;
    /** Per column: codes for rows [switchRow, rowCount) into {@link #dictionaries}, -1 = missing. */
    final int[][] codes;
    final ByteDictionary[] dictionaries;
    /** Per column: a present value was written with a decimal point or exponent. */
    final boolean[] decimal;
    /** Per column: count of present numeric values. */
    final int[] present;

    private final byte[] buffer;
    private final int[] rowStarts;
    private final CsvFieldCursor cursor;
    private final CsvFieldCursor.LineNumbers lines;
    private final boolean[] textColumns;
    private final NumberText number = new NumberText();
    private byte[] scratch = new byte[64];

    CsvChunk(byte[] buffer, int limit, byte delimiter, int[] rowStarts, int rowFrom, int rowTo, int columns,
             boolean[] textColumns, CsvFieldCursor.LineNumbers lines) {
        this.buffer = buffer;
        this.rowStarts = rowStarts;
        this.rowFrom = rowFrom;
        this.rowCount = rowTo - rowFrom;
        this.textColumns = textColumns;
        this.lines = lines;
        this.cursor = new CsvFieldCursor(buffer, limit, delimiter, lines);
        numbers = new double[columns][];
        switchRow = new int[columns];
        codes = new int[columns][];
        dictionaries = new ByteDictionary[columns];
        decimal = new boolean[columns];
        present = new int[columns];
        for (int j = 0; j < columns; j++) {
            if (textColumns[j]) {
                switchToText(j, 0);
            } else {
                numbers[j] = new double[rowCount];
                switchRow[j] = rowCount;
            }
        }
    }

    /** Parses the whole range; throws {@link DatasetException} on a malformed row. */
    void parse() {
        int columns = numbers.length;
        CsvFieldCursor c = cursor;
        for (int i = 0; i < rowCount; i++) {
            c.position = rowStarts[rowFrom + i];
            for (int j = 0; j < columns; j++) {
                int ending = c.next();
                if (ending == CsvFieldCursor.END_OF_ROW && j < columns - 1) {
                    throw wrongFieldCount(i, j + 1);
                }
                if (ending == CsvFieldCursor.DELIMITER && j == columns - 1) {
                    throw wrongFieldCount(i, countFields(i));
                }
                if (i < switchRow[j]) {
                    if (textColumns[j]) {
                        switchToText(j, i); // another range found text in this column: stop converting
                    } else if (c.isMissing()) {
                        numbers[j][i] = Double.NaN;
                        continue;
                    } else {
                        int kind = number.parse(buffer, c.start, c.end);
                        if (kind != NumberText.NOT_A_NUMBER) {
                            numbers[j][i] = number.value;
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
                codes[j][i - switchRow[j]] = c.isMissing() ? -1 : code(dictionaries[j]);
            }
        }
    }

    /** The dictionary code of the cursor's current field. */
    int code(ByteDictionary dictionary) {
        CsvFieldCursor c = cursor;
        if (!c.escaped) {
            return dictionary.code(buffer, c.start, c.end - c.start, true);
        }
        if (scratch.length < c.end - c.start) {
            scratch = new byte[c.end - c.start];
        }
        int length = c.unescapeInto(scratch);
        return dictionary.code(scratch, 0, length, false);
    }

    /** Positions the cursor on field {@code column} of {@code row} (relative to rowFrom), already validated. */
    CsvFieldCursor seek(int row, int column) {
        cursor.position = rowStarts[rowFrom + row];
        for (int j = 0; j <= column; j++) {
            cursor.next();
        }
        return cursor;
    }

    private void switchToText(int column, int row) {
        switchRow[column] = row;
        codes[column] = new int[rowCount - row];
        dictionaries[column] = new ByteDictionary();
    }

    private int countFields(int row) {
        int fields = 0;
        cursor.position = rowStarts[rowFrom + row];
        while (true) {
            fields++;
            if (cursor.next() == CsvFieldCursor.END_OF_ROW) {
                return fields;
            }
        }
    }

    private DatasetException wrongFieldCount(int row, int found) {
        return DatasetException.parse(lines.lineAt(rowStarts[rowFrom + row]),
                "expected " + numbers.length + " fields, found " + found);
    }
}
