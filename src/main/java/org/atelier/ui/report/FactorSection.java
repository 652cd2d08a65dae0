package org.atelier.ui.report;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.atelier.engine.spec.TermType;
import org.atelier.model.CoefficientRow;
import org.atelier.model.FactorRelativities;
import org.atelier.model.LevelRelativity;
import org.atelier.model.ModelDiagnostics.FactorAe;
import org.atelier.model.ModelDiagnostics.FactorLevel;
import org.atelier.ui.results.ReportParts;

/**
 * One factor on paper: its relativity chart (bars with intervals and exposure, or the curve with its band) and the
 * table under it. A categorical's table adds, level by level, the observed and fitted rates and A/E of the stored
 * diagnostics (the hold-out's A/E too when the model has one); a curve's table lists points along it, and the A/E
 * by band follows in a table of its own. A model without relativities (not a log link) shows the factor's
 * coefficients instead. The block is kept on one page where it fits.
 */
class FactorSection extends Div {
    /** The most rows of a table kept on one page (about half an A4 page at the report's type size). */
    static final int KEPT_ROWS = 30;
    final String factor;
    final PaperTable table;
    PaperTable bands;

    FactorSection(int index, String factor, String description, FactorRelativities relativities,
                  List<CoefficientRow> coefficients, FactorAe train, FactorAe test) {
        this.factor = factor;
        addClassName("atelier-report-factor");
        setId("report-factor-" + index);
        H3 title = new H3(factor);
        Span kind = new Span(description);
        kind.addClassName("atelier-report-kind");
        title.add(kind);
        // the heading, the factor's warnings and its chart stay together, and with the first rows of its table
        Div head = new Div(title);
        head.addClassName("atelier-report-figure");
        add(head);
        if (relativities != null && !relativities.warnings().isEmpty()) {
            Div warnings = new Div();
            warnings.addClassName("atelier-report-warnings");
            relativities.warnings().forEach(w -> warnings.add(new Div("⚠ " + w)));
            head.add(warnings);
        }
        if (relativities == null) {
            table = coefficientTable(index, coefficients);
        } else {
            head.add(ReportParts.relativityChart(relativities, "report-factor-chart-" + index));
            table = relativities.hasLevels() ? levelTable(index, relativities, train, test)
                    : curveTable(index, relativities, coefficients);
        }
        add(keep(table));
        if (train != null && (relativities == null || !relativities.hasLevels())) {
            bands = keep(aeTable("report-factor-ae-" + index, train, test));
            add(bands);
        }
    }

    /** A table short enough for one page is not split over two. */
    private static PaperTable keep(PaperTable table) {
        if (table.rowCount() <= KEPT_ROWS) {
            table.getElement().getClassList().add("atelier-keep");
        }
        return table;
    }

    private static PaperTable levelTable(int index, FactorRelativities f, FactorAe train, FactorAe test) {
        Map<String, FactorLevel> trainLevels = byLevel(train);
        Map<String, FactorLevel> testLevels = byLevel(test);
        List<String> headings = new ArrayList<>(List.of("Level", "Relativity#", "95% CI#", "Exposure#"));
        if (train != null) {
            headings.addAll(List.of("Observed rate#", "Fitted rate#", "A/E#"));
        }
        if (test != null) {
            headings.add("Hold-out A/E#");
        }
        PaperTable table = new PaperTable("report-factor-table-" + index, headings.toArray(String[]::new));
        List<LevelRelativity> rows = f.levelRows();
        for (int i = 0; i < rows.size(); i++) {
            LevelRelativity r = rows.get(i);
            String key = f.levels().isEmpty() ? f.encoded().get(i).level() : r.level();
            List<String> cells = new ArrayList<>(List.of(ReportParts.levelLabel(r), ReportParts.relativity(r.relativity()),
                    r.base() ? ReportParts.UNDEFINED : ReportParts.interval(r.ciLower(), r.ciUpper()),
                    ReportParts.exposure(r.exposure())));
            if (train != null) {
                FactorLevel l = trainLevels.get(key);
                cells.add(l == null ? ReportParts.UNDEFINED : ReportParts.estimate(l.observedRate()));
                cells.add(l == null ? ReportParts.UNDEFINED : ReportParts.estimate(l.fittedRate()));
                cells.add(l == null ? ReportParts.UNDEFINED : ReportParts.ae(l.ae()));
            }
            if (test != null) {
                FactorLevel l = testLevels.get(key);
                cells.add(l == null ? ReportParts.UNDEFINED : ReportParts.ae(l.ae()));
            }
            table.classedRow(r.base() ? "base" : null, cells.toArray(String[]::new));
        }
        return table;
    }

    private static PaperTable curveTable(int index, FactorRelativities f, List<CoefficientRow> coefficients) {
        PaperTable table = new PaperTable("report-factor-table-" + index, f.factor(), "Relativity#", "95% CI#");
        List<LevelRelativity> rows = new ArrayList<>(f.base() == null ? List.of() : f.curveRows());
        if (f.termType() == TermType.LINEAR && coefficients.size() == 1) {
            rows.add(ReportParts.perUnit(coefficients.getFirst()));
        }
        for (LevelRelativity r : rows) {
            table.classedRow(r.base() ? "base" : null, r.base() ? r.level() + " (base)" : r.level(),
                    ReportParts.relativity(r.relativity()),
                    r.base() ? ReportParts.UNDEFINED : ReportParts.interval(r.ciLower(), r.ciUpper()));
        }
        return table;
    }

    private static PaperTable coefficientTable(int index, List<CoefficientRow> coefficients) {
        PaperTable table = new PaperTable("report-factor-table-" + index, "Feature", "Estimate#", "95% CI#");
        for (CoefficientRow c : coefficients) {
            table.row(c.feature(), ReportParts.estimate(c.estimate()),
                    ReportParts.estimateInterval(c.ciLower(), c.ciUpper()));
        }
        return table;
    }

    /** A/E by level or band of the column, as the stored diagnostics have it. */
    private static PaperTable aeTable(String id, FactorAe train, FactorAe test) {
        Map<String, FactorLevel> testLevels = byLevel(test);
        // bands are cut on each part's own values: the hold-out's A/E is only comparable where every band matches
        boolean matched = !testLevels.isEmpty()
                && train.levels().stream().allMatch(l -> testLevels.containsKey(l.level()));
        List<String> headings = new ArrayList<>(List.of(train.banded() ? "Band" : "Level", "Exposure#",
                "Observed rate#", "Fitted rate#", "A/E#"));
        if (matched) {
            headings.add("Hold-out A/E#");
        }
        PaperTable table = new PaperTable(id, headings.toArray(String[]::new));
        for (FactorLevel l : train.levels()) {
            List<String> cells = new ArrayList<>(List.of(l.level(), ReportParts.exposure(l.exposure()),
                    ReportParts.estimate(l.observedRate()), ReportParts.estimate(l.fittedRate()),
                    ReportParts.ae(l.ae())));
            if (matched) {
                FactorLevel t = testLevels.get(l.level());
                cells.add(t == null ? ReportParts.UNDEFINED : ReportParts.ae(t.ae()));
            }
            table.row(cells.toArray(String[]::new));
        }
        return table;
    }

    private static Map<String, FactorLevel> byLevel(FactorAe ae) {
        Map<String, FactorLevel> out = new HashMap<>();
        if (ae != null) {
            ae.levels().forEach(l -> out.put(l.level(), l));
        }
        return out;
    }
}
