package org.atelier.engine.frame;

/**
 * A string column, dictionary-coded: {@code codes[row]} indexes {@code dictionary}, -1 means missing.
 * The dictionary is in order of first appearance; consumers that need sorted levels recode once.
 */
public record StringColumn(String name, int[] codes, String[] dictionary) implements Column {
    @Override
    public int size() {
        return codes.length;
    }

    @Override
    public boolean isMissing(int row) {
        return codes[row] < 0;
    }

    public String value(int row) {
        int code = codes[row];
        return code < 0 ? null : dictionary[code];
    }
}
