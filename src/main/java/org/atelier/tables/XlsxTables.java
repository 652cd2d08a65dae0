package org.atelier.tables;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.atelier.engine.rating.RatingRow;
import org.atelier.engine.rating.RatingTable;
import org.atelier.engine.rating.RatingTables;
import org.atelier.engine.rating.TwoWayTable;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Rating tables as an XLSX workbook (fastexcel, streamed): an Overview sheet with the model's metadata, the base
 * rate and each table's note, then one sheet per factor in model order with the columns of the CSV files; an
 * interaction's sheet shows the grid of relativities first and the cells with their intervals and exposure below.
 * For a link without relativities: the overview and a Coefficients sheet. Numbers are stored at full precision
 * and shown with 4 decimals; sheet names are at most 31 characters, unique.
 */
public final class XlsxTables {
    private static final int SHEET_NAME_MAX = 31;
    private static final String SHOWN = "0.0000";

    private XlsxTables() {
    }

    public static void write(RatingTables tables, TableSource source, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Atelier", "1.0");
        Set<String> used = new HashSet<>(Set.of("overview"));
        overview(workbook.newWorksheet("Overview"), tables, source);
        if (!tables.multiplicative()) {
            Worksheet sheet = workbook.newWorksheet(CsvTables.unique("Coefficients", used));
            block(sheet, 0, TableLayout.coefficientHeader(), TableLayout.coefficientRows(tables));
            sheet.width(0, 28);
            sheet.finish();
        }
        for (RatingTable t : tables.tables()) {
            String name = TableLayout.safeName(t.factor());
            name = name.length() > SHEET_NAME_MAX - 4 ? name.substring(0, SHEET_NAME_MAX - 4) : name;
            Worksheet sheet = workbook.newWorksheet(CsvTables.unique(name, used));
            factor(sheet, t);
            sheet.finish();
        }
        workbook.finish();
    }

    private static void overview(Worksheet sheet, RatingTables tables, TableSource source) throws IOException {
        sheet.value(0, 0, "Rating tables");
        sheet.style(0, 0).bold().set();
        int row = 2;
        for (String[] line : source.lines()) {
            sheet.value(row, 0, line[0]);
            sheet.value(row++, 1, line[1]);
        }
        row++;
        for (List<Object> figure : TableLayout.figures(tables)) {
            sheet.value(row, 0, (String) figure.get(0));
            cell(sheet, row, 1, figure.get(1));
            if (figure.get(0).equals("Base rate")) {
                sheet.style(row, 0).bold().set();
                sheet.style(row, 1).bold().format("0.000000").set();
            }
            row++;
        }
        row++;
        for (RatingTable t : tables.tables()) {
            sheet.value(row, 0, t.factor());
            sheet.value(row++, 1, t.note());
        }
        sheet.width(0, 22);
        sheet.width(1, 60);
        sheet.finish();
    }

    private static void factor(Worksheet sheet, RatingTable t) throws IOException {
        sheet.value(0, 0, t.factor());
        sheet.style(0, 0).bold().set();
        sheet.value(1, 0, t.note());
        int row = 3;
        if (t.twoWay() != null) {
            row = grid(sheet, row, t.twoWay()) + 1;
        }
        block(sheet, row, TableLayout.header(t), TableLayout.rows(t));
        sheet.width(0, 18);
    }

    /** The interaction's relativities as a grid: the first side down, the second across. */
    private static int grid(Worksheet sheet, int row, TwoWayTable table) {
        sheet.value(row, 0, table.rowVariable() + " \\ " + table.columnVariable());
        sheet.style(row, 0).bold().set();
        for (int b = 0; b < table.columnAxis().size(); b++) {
            sheet.value(row, b + 1, table.columnAxis().get(b).level());
            sheet.style(row, b + 1).bold().set();
        }
        for (int a = 0; a < table.rowAxis().size(); a++) {
            int r = row + 1 + a;
            sheet.value(r, 0, table.rowAxis().get(a).level());
            List<RatingRow> cells = table.cells().get(a);
            for (int b = 0; b < cells.size(); b++) {
                cell(sheet, r, b + 1, cells.get(b).relativity());
            }
        }
        return row + table.rowAxis().size() + 1;
    }

    private static int block(Worksheet sheet, int row, List<String> header, List<List<Object>> rows) {
        for (int c = 0; c < header.size(); c++) {
            sheet.value(row, c, header.get(c));
            sheet.style(row, c).bold().set();
        }
        for (List<Object> cells : rows) {
            row++;
            for (int c = 0; c < cells.size(); c++) {
                cell(sheet, row, c, cells.get(c));
            }
        }
        return row + 1;
    }

    private static void cell(Worksheet sheet, int row, int column, Object value) {
        if (value instanceof Double d) {
            if (!Double.isNaN(d)) {
                sheet.value(row, column, d);
                sheet.style(row, column).format(SHOWN).set();
            }
        } else if (value != null && !value.toString().isEmpty()) {
            sheet.value(row, column, value.toString());
        }
    }
}
