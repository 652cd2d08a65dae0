package org.atelier.ui.report;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.atelier.model.ModelDiagnostics;
import org.atelier.model.ModelDiagnostics.DropOneTest;
import org.atelier.model.ModelDiagnostics.Lift;
import org.atelier.model.ModelDiagnostics.LiftBucket;
import org.atelier.model.ModelDiagnostics.Part;
import org.atelier.ui.results.ReportParts;

/**
 * The validation figures stored with the model: training rows against the hold-out, the flags where they disagree,
 * the lift (10 buckets) of each part with its table, the Lorenz curve with the Gini, and the drop-one tests once run.
 */
class DiagnosticsSection extends Div {
    static final int BUCKETS = 10;
    PaperTable parts;
    PaperTable trainLift;
    PaperTable testLift;
    PaperTable dropOne;

    DiagnosticsSection(ModelDiagnostics d) {
        addClassName("atelier-report-diagnostics");
        if (d == null || d.train() == null) {
            add(new Paragraph("No diagnostics are stored with this model, and they could not be computed from it"
                    + " (the server log says why): fit it again to see its lift, Gini and A/E."));
            return;
        }
        parts = parts(d.train(), d.test());
        Div figures = new Div(new H3(d.test() == null ? "Training rows" : "Training rows and hold-out"), parts);
        figures.addClassName("atelier-report-block");
        add(figures);
        if (d.test() == null) {
            add(new Paragraph("No hold-out: the model was judged on the rows it was fitted on."));
        }
        List<String> flags = ReportParts.diagnosticFlags(d);
        if (!flags.isEmpty()) {
            Div box = new Div();
            box.addClassName("atelier-report-warnings");
            box.setId("report-diagnostic-flags");
            flags.forEach(f -> box.add(new Div("⚠ " + f)));
            add(box);
        }
        trainLift = lift("Lift, training rows", "report-lift-train", d.train());
        if (d.test() != null) {
            testLift = lift("Lift, hold-out", "report-lift-test", d.test());
        }
        Div lorenz = new Div(new H3("Lorenz curve, training rows"),
                ReportParts.lorenzChart(d.train().lorenz(), d.train().gini(), "report-lorenz"));
        lorenz.addClassNames("atelier-report-block", "atelier-report-figure");
        add(lorenz);
        if (d.dropOne() != null && !d.dropOne().isEmpty()) {
            dropOne = new PaperTable("report-drop-one", "Term", "df#", "Deviance without#", "Δ deviance#",
                    "Statistic#", "p-value#");
            for (DropOneTest t : d.dropOne()) {
                dropOne.row(t.term(), ReportParts.count(t.df()), ReportParts.amount(t.deviance()),
                        ReportParts.amount(t.deltaDeviance()), t.test() + " " + ReportParts.amount(t.statistic()),
                        ReportParts.pValue(t.pValue()));
            }
            Div block = new Div(new H3("Drop-one tests"), dropOne);
            block.addClassName("atelier-report-block");
            add(block);
        }
    }

    private static PaperTable parts(Part train, Part test) {
        PaperTable table = test == null ? new PaperTable("report-parts", "Figure", "Training#")
                : new PaperTable("report-parts", "Figure", "Training#", "Hold-out#");
        figure(table, "Observations", train, test, p -> ReportParts.count(p.totals().nObs()));
        figure(table, "Exposure", train, test, p -> ReportParts.exposure(p.totals().exposure()));
        figure(table, "Actual", train, test, p -> ReportParts.amount(p.totals().actual()));
        figure(table, "Expected", train, test, p -> ReportParts.amount(p.totals().expected()));
        figure(table, "A/E", train, test, p -> ReportParts.ae(p.totals().ae()));
        figure(table, "Deviance / observation", train, test,
                p -> ReportParts.estimate(p.totals().deviancePerObservation()));
        figure(table, "Gini", train, test, p -> ReportParts.gini(p.gini()));
        return table;
    }

    private static void figure(PaperTable table, String label, Part train, Part test, Function<Part, String> value) {
        if (test == null) {
            table.row(label, value.apply(train));
        } else {
            table.row(label, value.apply(train), value.apply(test));
        }
    }

    private PaperTable lift(String title, String id, Part part) {
        Lift lift = part.lift(BUCKETS).orElseGet(() -> part.lifts().stream()
                .max(Comparator.comparingInt(Lift::k)).orElse(null));
        if (lift == null) {
            return null;
        }
        Div figure = new Div(new H3(title + " (" + lift.k() + " buckets of equal exposure)"),
                ReportParts.liftChart(lift, id + "-chart"));
        figure.addClassNames("atelier-report-block", "atelier-report-figure");
        PaperTable table = new PaperTable(id + "-table", "Bucket#", "Exposure#", "Actual#", "Expected#",
                "Actual rate#", "Predicted rate#", "A/E#", "95% interval#");
        for (LiftBucket b : lift.buckets()) {
            table.row(Integer.toString(b.bucket()), ReportParts.exposure(b.exposure()), ReportParts.amount(b.actual()),
                    ReportParts.amount(b.expected()), ReportParts.estimate(b.actualRate()),
                    ReportParts.estimate(b.predictedRate()), ReportParts.ae(b.ae()),
                    ReportParts.ae(b.aeLower()) + " – " + ReportParts.ae(b.aeUpper()));
        }
        add(figure, table);
        return table;
    }
}
