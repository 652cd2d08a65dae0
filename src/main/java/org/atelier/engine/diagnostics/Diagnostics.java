package org.atelier.engine.diagnostics;

import java.util.ArrayList;
import java.util.List;
import org.atelier.engine.error.ValidationError;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.fit.HoldOut;
import org.atelier.engine.frame.Column;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.spec.ModelSpec;

/**
 * Model validation, the one place its figures are defined (the workbench, the {@code fit} command and the tests
 * all call it). Per row: w the prior weight, t the exposure (the offset column of a log-link model, else 1),
 * e = w·t, A = w·y, E = w·μ, r the predicted rate with the exposure set to 1, computed from x'β; every figure is a
 * sum of these. Lift buckets are ranked by r and weighted throughout (not by μ, which would rank by exposure).
 */
public final class Diagnostics {
    private Diagnostics() {
    }

    /**
     * The model's diagnostics on the dataset it was fitted from: its training rows and, when the spec has a
     * validation, its test rows.
     */
    public static DiagnosticsReport report(FittedModel model, Frame frame, DiagnosticsOptions options,
                                           DiagnosticsProgress progress) {
        HoldOut.Split split = HoldOut.split(model.spec(), frame);
        int steps = split.test() == null ? 1 : 2;
        progress.step(0, steps);
        DiagnosticSet train = compute(model, split.train(), true, options);
        progress.step(1, steps);
        DiagnosticSet test = null;
        if (split.test() != null) {
            test = compute(model, split.test(), false, options);
            progress.step(2, steps);
        }
        return new DiagnosticsReport(train, test);
    }

    /** The model's diagnostics on other rows (a test file, a later year): new data, as for a prediction. */
    public static DiagnosticSet compute(FittedModel model, Frame rows, DiagnosticsOptions options) {
        return compute(model, rows, false, options);
    }

    /**
     * The model's diagnostics on the rows it was fitted on ({@code frame} is exactly the training frame: with a
     * validation, its training part), so μ is the fit's own (target encodings with their ordered statistics).
     */
    public static DiagnosticSet computeOnTraining(FittedModel model, Frame trainingFrame, DiagnosticsOptions options) {
        return compute(model, trainingFrame, true, options);
    }

    private static DiagnosticSet compute(FittedModel model, Frame frame, boolean training, DiagnosticsOptions options) {
        List<Column> factorColumns = factorColumns(model.spec(), frame, options.factors());
        if (frame.rowCount() == 0) {
            throw new ValidationError("There are no rows to compute diagnostics on");
        }
        RowMeasures rows = RowMeasures.of(model, frame, training);
        return of(rows, model.family(), factorColumns, options);
    }

    /** Every diagnostic of prepared rows (hand-made ones in the tests). */
    static DiagnosticSet of(RowMeasures rows, org.atelier.engine.family.Family family, List<Column> factorColumns,
                            DiagnosticsOptions options) {
        double[] dev = rows.devianceResiduals(family);
        double[] pearson = rows.pearsonResiduals(family);
        SortedRows sorted = new SortedRows(rows, RankOrder.of(rows.rate), dev, pearson);
        double exposure = 0;
        double actual = 0;
        double expected = 0;
        for (int i = 0; i < rows.n; i++) {
            exposure += rows.e[i];
            actual += rows.actual[i];
            expected += rows.expected[i];
        }
        Totals totals = new Totals(rows.n, exposure, actual, expected, Sums.ratio(actual, expected), rows.deviance(family));
        GiniCurve gini = GiniCurve.of(sorted);
        List<Lift> lifts = new ArrayList<>();
        for (int k : options.bucketCounts()) {
            lifts.add(Lifts.lift(sorted, k));
        }
        // the columns are independent read-only passes over the same rows: one per core
        List<FactorAe> factors = factorColumns.parallelStream()
                .map(column -> FactorTables.of(column, rows, dev, pearson)).toList();
        Residuals residuals = new Residuals(Lifts.residualBins(sorted, options.primaryBuckets()),
                QqPlot.of(dev, rows.w, options.seed()));
        return new DiagnosticSet(totals, gini.gini(), gini.points(), lifts, factors, residuals);
    }

    /** The double lift of model B against model A on the same rows, with {@code k} buckets. */
    public static List<DoubleLiftBucket> doubleLift(FittedModel a, FittedModel b, Frame rows, int k) {
        return DoubleLift.of(a, b, rows, k);
    }

    /**
     * Drop-one (type III) tests: the model refitted without each term and each interaction in turn, warm-started
     * from the full fit, on the same training rows ({@code frame} is the dataset the model was fitted from).
     * Cancellable through the monitor (a {@link org.atelier.engine.error.CancelledError}).
     */
    public static List<DropOneTest> dropOne(FittedModel model, Frame frame, DropOneMonitor monitor) {
        return DropOne.run(model, frame, monitor);
    }

    /** The columns to show A/E by: the requested ones, or every column but the response, offset and weights. */
    static List<Column> factorColumns(ModelSpec spec, Frame frame, List<String> requested) {
        List<Column> out = new ArrayList<>();
        if (requested == null) {
            for (Column c : frame.columns()) {
                String name = c.name();
                if (!name.equals(spec.response()) && !name.equals(spec.offset()) && !name.equals(spec.weights())) {
                    out.add(c);
                }
            }
            return out;
        }
        List<String> unknown = new ArrayList<>();
        for (String name : requested) {
            frame.column(name).ifPresentOrElse(out::add, () -> unknown.add(name));
        }
        if (!unknown.isEmpty()) {
            throw new ValidationError("Diagnostics factor column" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown.stream().map(u -> "'" + u + "'").toList()) + " not in the dataset"
                    + " (columns: " + String.join(", ", frame.columnNames()) + ")");
        }
        return out;
    }
}
