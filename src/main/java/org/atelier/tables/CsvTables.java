package org.atelier.tables;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.atelier.engine.rating.RatingTable;
import org.atelier.engine.rating.RatingTables;

/**
 * Rating tables as CSV (UTF-8, comma-separated, RFC 4180 quoting, numbers at full precision so a rating engine
 * reproduces the model's rates). Either a ZIP with overview.csv and one file per factor (a rating engine loads
 * each factor into its own lookup table, so one file per table imports without cutting a file into sections),
 * or the stacked single file with every factor's rows under one header.
 */
public final class CsvTables {
    private CsvTables() {
    }

    public static void zip(RatingTables tables, TableSource source, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry("overview.csv"));
        List<List<Object>> overview = new ArrayList<>();
        source.lines().forEach(l -> overview.add(List.of(l[0], l[1])));
        overview.addAll(TableLayout.figures(tables));
        for (RatingTable t : tables.tables()) {
            overview.add(List.of("Table " + t.factor(), t.note()));
        }
        write(writer, List.of("item", "value"), overview);
        Set<String> used = new HashSet<>(Set.of("overview"));
        if (!tables.multiplicative()) {
            entry(zip, writer, "coefficients.csv");
            write(writer, TableLayout.coefficientHeader(), TableLayout.coefficientRows(tables));
        }
        for (RatingTable t : tables.tables()) {
            entry(zip, writer, unique(TableLayout.safeName(t.factor()), used) + ".csv");
            write(writer, TableLayout.header(t), TableLayout.rows(t));
        }
        writer.flush();
        zip.finish();
    }

    public static void stacked(RatingTables tables, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        write(writer, TableLayout.stackedHeader(tables), TableLayout.stackedRows(tables));
        writer.flush();
    }

    private static void entry(ZipOutputStream zip, Writer writer, String name) throws IOException {
        writer.flush();
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(name));
    }

    static String unique(String name, Set<String> used) {
        String candidate = name;
        for (int i = 2; !used.add(candidate.toLowerCase(java.util.Locale.ROOT)); i++) {
            candidate = name + " (" + i + ")";
        }
        return candidate;
    }

    private static void write(Writer writer, List<String> header, List<List<Object>> rows) throws IOException {
        line(writer, new ArrayList<>(header));
        for (List<Object> row : rows) {
            line(writer, row);
        }
    }

    private static void line(Writer writer, List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(cell(cells.get(i)));
        }
        writer.write("\r\n");
    }

    static String cell(Object value) {
        if (value instanceof Double d) {
            return Double.isNaN(d) ? "" : number(d);
        }
        String text = String.valueOf(value);
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    /** The shortest text that reads back as the same double; whole numbers without ".0". */
    private static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }
}
