package org.atelier.data;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What the parallel ranges of one CSV parse share: the bytes, the data row starts, the final column arrays
 * (each range writes only its own rows) and the per-column "holds text" flags.
 */
final class CsvTable {
    final byte[] buffer;
    final int limit;
    final byte delimiter;
    /** Start offset of each data row: row r starts at rowStarts[r + 1] (index 0 is the header). */
    final int[] rowStarts;
    final CsvFieldCursor.LineNumbers lines;
    /** Set once any range sees text in the column; read without locking, as a hint for the other ranges. */
    final boolean[] textColumns;
    /** Per column, the values of every row, allocated at the column's first number (text columns have none). */
    private final AtomicReferenceArray<double[]> numbers;
    /** Per column, dictionary codes, allocated once the column turns out to be text. */
    private final AtomicReferenceArray<int[]> codes;
    private final int rows;

    CsvTable(byte[] buffer, int limit, byte delimiter, int[] rowStarts, int rows, int columns,
             CsvFieldCursor.LineNumbers lines) {
        this.buffer = buffer;
        this.limit = limit;
        this.delimiter = delimiter;
        this.rowStarts = rowStarts;
        this.lines = lines;
        this.rows = rows;
        textColumns = new boolean[columns];
        numbers = new AtomicReferenceArray<>(columns);
        codes = new AtomicReferenceArray<>(columns);
    }

    int columns() {
        return textColumns.length;
    }

    int rows() {
        return rows;
    }

    /** Offset of data row {@code row}'s first byte. */
    int rowStart(int row) {
        return rowStarts[row + 1];
    }

    /** The number array of a column, created by whichever range needs it first. */
    double[] numbers(int column) {
        double[] array = numbers.getPlain(column);
        if (array == null) {
            numbers.compareAndSet(column, null, new double[rows]);
            array = numbers.get(column);
        }
        return array;
    }

    CsvFieldCursor cursor() {
        return new CsvFieldCursor(buffer, limit, delimiter, lines);
    }

    /** The code array of a text column, created by whichever range needs it first. */
    int[] codes(int column) {
        int[] array = codes.getPlain(column);
        if (array == null) {
            codes.compareAndSet(column, null, new int[rows()]);
            array = codes.get(column);
        }
        return array;
    }

    DatasetException wrongFieldCount(int row, int found) {
        return DatasetException.parse(lines.lineAt(rowStart(row)),
                "expected " + columns() + " fields, found " + found);
    }

    int countFields(int row) {
        CsvFieldCursor counter = cursor();
        counter.position = rowStart(row);
        int fields = 1;
        while (counter.next() == CsvFieldCursor.DELIMITER) {
            fields++;
        }
        return fields;
    }
}
