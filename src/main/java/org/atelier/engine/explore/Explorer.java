package org.atelier.engine.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.atelier.engine.diagnostics.ColumnLevels;
import org.atelier.engine.fit.FitMonitor;
import org.atelier.engine.frame.Column;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.frame.StringColumn;

/**
 * Exploring a portfolio before fitting, the one place its figures are defined (the Explore tab, the {@code explore}
 * command and the tests call it). The factors are every column but the response, exposure and weights; identifiers
 * single-valued columns and columns that look like another response ({@link OtherResponses}) get their one-way
 * table and report entries but no strength and no associations.
 * {@link #prepare} computes the groupings, the one-way tables, the associations and the report;
 * {@link #strengths} fits the one-factor GLMs (the slow part), skipped while the report has errors.
 */
public final class Explorer {
    private final ExploreChoice choice;
    private final ExploreRows rows;
    private final List<QualityRules.Factor> factors;
    private final ResponseSummary response;
    private final List<Association> associations;
    private final QualityReport report;

    private Explorer(Frame all, ExploreChoice choice) {
        this.choice = choice;
        this.rows = ExploreRows.of(all, choice);
        this.response = Summaries.of(rows, choice.response());
        this.factors = factors(rows, choice);
        this.associations = associations(factors, rows);
        this.report = QualityRules.of(all, rows, choice, factors);
    }

    /** Everything, strengths included. */
    public static Exploration explore(Frame frame, ExploreChoice choice, ExploreProgress progress) {
        progress.step("One-way tables", 0, 1);
        Explorer explorer = prepare(frame, choice);
        return explorer.withStrengths(explorer.strengths(progress));
    }

    /** @throws org.atelier.engine.error.GlmException naming the column when a chosen column is unknown or text */
    public static Explorer prepare(Frame frame, ExploreChoice choice) {
        return new Explorer(frame, choice);
    }

    /** The exploration without factor strengths. */
    public Exploration withoutStrengths() {
        return withStrengths(List.of());
    }

    public Exploration withStrengths(List<FactorStrength> strengths) {
        Map<String, OneWay> oneWay = new LinkedHashMap<>();
        for (QualityRules.Factor f : factors) {
            oneWay.put(f.column().name(), f.oneWay());
        }
        return new Exploration(choice, response, oneWay, strengths, associations, report);
    }

    /** The one-factor GLMs, strongest first; none when the report has errors (nothing can be fitted). */
    public List<FactorStrength> strengths(ExploreProgress progress) {
        return strengths(progress, FitMonitor.NONE);
    }

    /** As above, the GLMs reporting to {@code monitor} (which may stop them, or pause them at an iteration). */
    public List<FactorStrength> strengths(ExploreProgress progress, FitMonitor monitor) {
        if (!report.errors().isEmpty()) return List.of();
        return Strengths.of(rows, choice, ranked(factors).stream().map(QualityRules.Factor::levels).toList(),
                progress, monitor);
    }

    public QualityReport report() {
        return report;
    }

    private static List<QualityRules.Factor> factors(ExploreRows rows, ExploreChoice choice) {
        List<Column> columns = rows.frame.columns().stream().filter(c -> !c.name().equals(choice.response())
                && !c.name().equals(choice.exposure()) && !c.name().equals(choice.weights())).toList();
        QualityRules.Factor[] out = new QualityRules.Factor[columns.size()];
        boolean nonNegative = Arrays.stream(rows.y).allMatch(v -> v >= 0);
        // the columns are independent: group them on every core
        IntStream.range(0, columns.size()).parallel().forEach(j -> {
            Column column = columns.get(j);
            ColumnLevels levels = ColumnLevels.of(column, rows.e);
            OneWay oneWay = OneWays.of(levels, rows, column instanceof StringColumn, nonNegative);
            out[j] = new QualityRules.Factor(column, levels, oneWay, QualityRules.isIdentifier(column, levels),
                    OtherResponses.reason(column, rows, choice.response()));
        });
        return List.of(out);
    }

    /**
     * Factors worth a strength or an association: not an identifier, not another response, more than one value, not
     * all missing.
     */
    private static List<QualityRules.Factor> ranked(List<QualityRules.Factor> factors) {
        List<QualityRules.Factor> out = new ArrayList<>();
        for (QualityRules.Factor f : factors) {
            long present = f.levels().labels().stream().filter(l -> !l.equals(ColumnLevels.MISSING)).count();
            if (!f.identifier() && f.otherResponse() == null && present > 1) out.add(f);
        }
        return out;
    }

    private static List<Association> associations(List<QualityRules.Factor> factors, ExploreRows rows) {
        List<QualityRules.Factor> usable = ranked(factors);
        List<ColumnLevels> categorical = usable.stream().filter(f -> !f.levels().banded())
                .map(QualityRules.Factor::levels).toList();
        List<NumericColumn> numeric = usable.stream().filter(f -> f.column() instanceof NumericColumn)
                .map(f -> (NumericColumn) f.column()).toList();
        List<Association> out = new ArrayList<>(Associations.cramersV(categorical));
        out.addAll(Associations.pearson(numeric, rows.e));
        return out;
    }
}
