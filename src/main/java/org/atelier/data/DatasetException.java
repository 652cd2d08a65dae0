package org.atelier.data;

/**
 * The one failure type of the data layer. The message is a single line meant for the user (it names the
 * culprit: the extension, the line number, the duplicated names), so callers can show it as is; the
 * {@link Kind} lets them react without parsing text.
 */
public final class DatasetException extends RuntimeException {
    public enum Kind {
        UNSUPPORTED_FORMAT, PARSE_ERROR, EMPTY, DUPLICATE_COLUMNS, TOO_LARGE, UNREADABLE, UNSUPPORTED_TYPE
    }

    private final Kind kind;

    public DatasetException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public DatasetException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static DatasetException parse(long line, String what) {
        return new DatasetException(Kind.PARSE_ERROR, "Line " + String.format(java.util.Locale.ROOT, "%,d", line) + ": " + what);
    }

    static DatasetException empty() {
        return new DatasetException(Kind.EMPTY, "Dataset is empty");
    }
}
