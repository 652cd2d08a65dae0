package org.atelier.scoring;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.atelier.engine.frame.Column;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.frame.StringColumn;
import org.atelier.engine.score.Scores;

/**
 * Predictions as CSV, the one layout the workbench's download and the {@code predict} command write: the chosen
 * ID columns as the data has them, then {@code mu} (the predicted mean, exposure included) and {@code rate} (the
 * prediction per unit of exposure), one row per data row in the data's order. Numbers are written in full
 * (Java's shortest round-trip form), so reading the file back gives the predictions bit for bit.
 */
public final class PredictionsCsv {
    private static final int CHUNK = 32_768;
    /** Chunks formatted at once: enough to keep the cores busy, few enough to hold little of the file in memory. */
    private static final int WAVE = 8;
    private PredictionsCsv() {
    }

    /**
     * The ID columns, checked: each must be a column of the data and none may be named {@code mu} or {@code rate}.
     *
     * @throws IllegalArgumentException naming the unknown column and the data's columns
     */
    public static List<Column> idColumns(Frame frame, List<String> names) {
        List<Column> columns = new ArrayList<>();
        for (String name : names) {
            Column column = frame.column(name).orElseThrow(() -> new IllegalArgumentException("ID column '" + name
                    + "' is not in the data (columns: " + preview(frame) + ")"));
            if (name.equals("mu") || name.equals("rate")) {
                throw new IllegalArgumentException("ID column '" + name + "' would clash with the predictions' own"
                        + " column of that name");
            }
            if (!columns.contains(column)) {
                columns.add(column);
            }
        }
        return columns;
    }

    public static void write(Frame frame, List<String> idColumns, Scores scores, OutputStream out) throws IOException {
        write(frame, idColumns, scores, out, () -> false);
    }

    /**
     * Writes the predictions CSV; {@code cancelled} is asked between chunks of rows (the file is then incomplete
     * and the caller drops it). Chunks of rows are formatted in parallel, a few at a time, and written in order.
     */
    public static void write(Frame frame, List<String> idColumns, Scores scores, OutputStream out,
                             BooleanSupplier cancelled) throws IOException {
        List<Column> ids = idColumns(frame, idColumns);
        StringBuilder header = new StringBuilder();
        for (Column id : ids) {
            field(header, id.name());
            header.append(',');
        }
        header.append("mu,rate\n");
        out.write(header.toString().getBytes(StandardCharsets.UTF_8));
        int n = scores.rows();
        int chunks = (n + CHUNK - 1) / CHUNK;
        for (int wave = 0; wave < chunks; wave += WAVE) {
            if (cancelled.getAsBoolean()) {
                return;
            }
            int first = wave;
            List<byte[]> formatted = IntStream.range(first, Math.min(chunks, first + WAVE)).parallel()
                    .mapToObj(c -> rows(ids, scores, c * CHUNK, Math.min(n, (c + 1) * CHUNK))).toList();
            for (byte[] bytes : formatted) {
                out.write(bytes);
            }
        }
        out.flush();
    }

    /** Rows [from, to) as CSV lines. */
    private static byte[] rows(List<Column> ids, Scores scores, int from, int to) {
        StringBuilder text = new StringBuilder((to - from) * 48);
        double[] mu = scores.mu();
        double[] rate = scores.rate();
        for (int row = from; row < to; row++) {
            for (Column id : ids) {
                value(text, id, row);
                text.append(',');
            }
            text.append(mu[row]).append(',').append(rate[row]).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void value(StringBuilder line, Column column, int row) {
        switch (column) {
            case NumericColumn n -> {
                double v = n.values()[row];
                if (Double.isNaN(v)) {
                    return; // missing stays empty, as it was read
                }
                if (n.integral() && Math.abs(v) < 1e15) {
                    line.append((long) v);
                } else {
                    line.append(v);
                }
            }
            case StringColumn s -> {
                String v = s.value(row);
                if (v != null) {
                    field(line, v);
                }
            }
        }
    }

    /** RFC 4180: quoted when it holds a comma, a quote or a line break, quotes doubled. */
    private static void field(StringBuilder line, String text) {
        boolean quote = false;
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            line.append(text);
            return;
        }
        line.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }

    private static String preview(Frame frame) {
        List<String> names = frame.columnNames();
        String shown = String.join(", ", names.subList(0, Math.min(names.size(), 12)));
        return names.size() > 12 ? shown + ", ..." : shown;
    }
}
