package org.atelier.tables;

import java.util.ArrayList;
import java.util.List;
import org.atelier.engine.fit.Coefficient;
import org.atelier.engine.rating.RatingRow;
import org.atelier.engine.rating.RatingTable;
import org.atelier.engine.rating.RatingTables;
import org.atelier.engine.rating.TwoWayTable;

/**
 * The columns and rows every export writes for a table, so the CSV files and the workbook's sheets agree: cells
 * are Strings or Doubles (NaN: an empty cell). Levels: level, relativity, interval, exposure, base; bands: the
 * band, its lowest and highest training value, the value it is rated at, then as levels; encoded levels add the
 * value the model sees; two-way cells name both sides' levels.
 */
final class TableLayout {
    static final String BASE = "base";

    private TableLayout() {
    }

    static List<String> header(RatingTable table) {
        return switch (table.kind()) {
            case LEVELS -> List.of("level", "relativity", "ci_lower", "ci_upper", "exposure", "base");
            case BANDS -> List.of("band", "from", "to", "rated_at", "relativity", "ci_lower", "ci_upper", "exposure", "base");
            case ENCODED -> List.of("level", "encoded_value", "relativity", "ci_lower", "ci_upper", "exposure");
            case TWO_WAY -> table.twoWay() == null ? List.of("note")
                    : List.of(table.twoWay().rowVariable(), table.twoWay().columnVariable(), "relativity",
                    "ci_lower", "ci_upper", "exposure");
        };
    }

    static List<List<Object>> rows(RatingTable table) {
        List<List<Object>> out = new ArrayList<>();
        switch (table.kind()) {
            case LEVELS -> table.rows().forEach(r -> out.add(List.of(r.level(), r.relativity(), r.ciLower(),
                    r.ciUpper(), r.exposure(), r.base() ? BASE : "")));
            case BANDS -> table.rows().forEach(r -> out.add(List.of(r.level(), r.from(), r.to(), r.at(),
                    r.relativity(), r.ciLower(), r.ciUpper(), r.exposure(), r.base() ? BASE : "")));
            case ENCODED -> table.rows().forEach(r -> out.add(List.of(r.level(), r.at(), r.relativity(), r.ciLower(),
                    r.ciUpper(), r.exposure())));
            case TWO_WAY -> {
                TwoWayTable grid = table.twoWay();
                if (grid == null) {
                    out.add(List.of(table.note()));
                    break;
                }
                for (int a = 0; a < grid.rowAxis().size(); a++) {
                    for (int b = 0; b < grid.columnAxis().size(); b++) {
                        RatingRow r = grid.cells().get(a).get(b);
                        out.add(List.of(grid.rowAxis().get(a).level(), grid.columnAxis().get(b).level(),
                                r.relativity(), r.ciLower(), r.ciUpper(), r.exposure()));
                    }
                }
            }
        }
        return out;
    }

    /** The stacked rating-engine layout's columns. */
    static List<String> stackedHeader(RatingTables tables) {
        return List.of("factor", "level", tables.multiplicative() ? "relativity" : "coefficient", "ci_lower",
                "ci_upper", "exposure");
    }

    /**
     * The stacked rows: the base rate (empty level), then each table's levels, bands and two-way cells ({@code
     * A:B} levels) in model order. For a link without relativities: a note row, then the coefficients.
     */
    static List<List<Object>> stackedRows(RatingTables tables) {
        List<List<Object>> out = new ArrayList<>();
        if (!tables.multiplicative()) {
            out.add(List.of("Note", tables.note(), Double.NaN, Double.NaN, Double.NaN, Double.NaN));
            for (Coefficient c : tables.coefficients()) {
                out.add(List.of(c.factorName(), c.feature(), c.estimate(), c.ciLower(), c.ciUpper(), Double.NaN));
            }
            return out;
        }
        out.add(List.of("Base rate", "", tables.baseRate(), Double.NaN, Double.NaN, Double.NaN));
        for (RatingTable t : tables.tables()) {
            for (RatingRow r : t.rows()) {
                out.add(List.of(t.factor(), r.level(), r.relativity(), r.ciLower(), r.ciUpper(), r.exposure()));
            }
        }
        return out;
    }

    static List<String> coefficientHeader() {
        return List.of("feature", "factor", "estimate", "std_error", "statistic", "p_value", "ci_lower", "ci_upper");
    }

    static List<List<Object>> coefficientRows(RatingTables tables) {
        return tables.coefficients().stream().map(c -> List.<Object>of(c.feature(), c.factorName(), c.estimate(),
                c.stdError(), c.statistic(), c.pValue(), c.ciLower(), c.ciUpper())).toList();
    }

    /** The overview's figures after the metadata: base rate, intercept, and the note for other links. */
    static List<List<Object>> figures(RatingTables tables) {
        List<List<Object>> out = new ArrayList<>();
        if (tables.multiplicative()) {
            out.add(List.of("Base rate", tables.baseRate()));
            out.add(List.of("Intercept", tables.intercept()));
            out.add(List.of("exp(intercept)", Math.exp(tables.intercept())));
            out.add(List.of("Rate of a policy", "base rate × the relativity of each of its levels, bands and"
                    + " interaction cells (the base rate includes each continuous term's effect at its base band)"));
        } else {
            out.add(List.of("Intercept", tables.intercept()));
            out.add(List.of("Note", tables.note()));
        }
        return out;
    }

    /** A file or sheet name for a factor: letters, digits and ._()- kept, "Area x VehGas" for an interaction. */
    static String safeName(String factor) {
        return factor.replace(":", " x ").replaceAll("[^A-Za-z0-9._() -]+", "_");
    }
}
