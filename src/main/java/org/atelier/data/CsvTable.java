package org.atelier.data;

/**
 * One block of CSV text as its parallel ranges share it: the bytes, the data row starts, and where its rows go in
 * the file's columns ({@link CsvColumns}, whose arrays each range writes only at its own rows).
 */
final class CsvTable {
    final byte[] buffer;
    final int limit;
    final byte delimiter;
    final int[] rowStarts;
    final CsvFieldCursor.LineNumbers lines;
    /** The file's "holds text" flags per column, shared by every range of every block. */
    final boolean[] textColumns;
    /** Index in the file's columns of this block's first row. */
    final int rowBase;
    private final int firstRow;
    private final int rows;
    private final CsvColumns columns;

    /**
     * @param firstRow index in {@code rowStarts} of the first data row (1 when the block starts with the header)
     */
    CsvTable(byte[] buffer, int limit, byte delimiter, int[] rowStarts, int firstRow, int rows, int rowBase,
             CsvColumns columns, CsvFieldCursor.LineNumbers lines) {
        this.buffer = buffer;
        this.limit = limit;
        this.delimiter = delimiter;
        this.rowStarts = rowStarts;
        this.firstRow = firstRow;
        this.rows = rows;
        this.rowBase = rowBase;
        this.columns = columns;
        this.lines = lines;
        this.textColumns = columns.textColumns;
    }

    int columns() {
        return textColumns.length;
    }

    int rows() {
        return rows;
    }

    /** Offset of the block's data row {@code row}'s first byte. */
    int rowStart(int row) {
        return rowStarts[firstRow + row];
    }

    /** The file's number array of a column (indexed by the file's rows: add {@link #rowBase}). */
    double[] numbers(int column) {
        return columns.numbers(column);
    }

    /** The file's code array of a text column (indexed by the file's rows: add {@link #rowBase}). */
    int[] codes(int column) {
        return columns.codes(column);
    }

    CsvFieldCursor cursor() {
        return new CsvFieldCursor(buffer, limit, delimiter, lines);
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
