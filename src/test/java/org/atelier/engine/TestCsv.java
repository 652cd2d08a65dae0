package org.atelier.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.atelier.engine.frame.Column;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.frame.StringColumn;

/**
 * Test-only loader for the reference CSV files (plain comma-separated, no quoting, optionally gzipped): a column
 * is numeric when every non-empty cell parses as a number, text otherwise.
 */
public final class TestCsv {
    private TestCsv() {
    }

    public static Frame resource(String name) {
        try (InputStream in = TestCsv.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + name);
            }
            return read(name.endsWith(".gz") ? new GZIPInputStream(in) : in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Frame file(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return read(path.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in);
        }
    }

    public static Frame read(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        String[] header = reader.readLine().split(",", -1);
        List<List<String>> cells = new ArrayList<>();
        for (int j = 0; j < header.length; j++) {
            cells.add(new ArrayList<>());
        }
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) continue;
            String[] parts = line.split(",", -1);
            for (int j = 0; j < header.length; j++) {
                cells.get(j).add(j < parts.length ? parts[j] : "");
            }
        }
        List<Column> columns = new ArrayList<>();
        for (int j = 0; j < header.length; j++) {
            columns.add(column(header[j], cells.get(j)));
        }
        return new Frame(columns);
    }

    private static Column column(String name, List<String> values) {
        double[] numbers = new double[values.size()];
        boolean numeric = true;
        boolean integral = true;
        for (int i = 0; i < numbers.length; i++) {
            String s = values.get(i);
            if (s.isEmpty() || s.equals("NA")) {
                numbers[i] = Double.NaN;
                continue;
            }
            try {
                numbers[i] = Double.parseDouble(s);
                integral &= numbers[i] == Math.rint(numbers[i]) && !s.contains(".");
            } catch (NumberFormatException e) {
                numeric = false;
                break;
            }
        }
        if (numeric) {
            return new NumericColumn(name, numbers, integral);
        }
        Map<String, Integer> dictionary = new LinkedHashMap<>();
        int[] codes = new int[values.size()];
        for (int i = 0; i < codes.length; i++) {
            String s = values.get(i);
            codes[i] = s.isEmpty() ? -1 : dictionary.computeIfAbsent(s, k -> dictionary.size());
        }
        return new StringColumn(name, codes, dictionary.keySet().toArray(String[]::new));
    }
}
