package org.atelier.ui.report;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.dom.Element;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.atelier.model.CoefficientRow;
import org.atelier.model.FactorRelativities;
import org.atelier.model.ModelDetail;
import org.atelier.model.ModelDiagnostics;
import org.atelier.model.ModelDiagnostics.FactorAe;
import org.atelier.report.ModelReport;
import org.atelier.report.SpecLine;
import org.atelier.report.SpecWords;
import org.atelier.ui.results.ReportParts;

/**
 * The report itself, as it prints: the title block, then one section per {@link ReportSection}, each of which can
 * be hidden (a hidden section does not print). Sized on screen as the printed page's text area, so every chart is
 * drawn at the width it prints at.
 */
class ReportSheet extends Div {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")
            .withZone(ZoneId.systemDefault());
    final Map<ReportSection, Div> sections = new EnumMap<>(ReportSection.class);
    final Div title = new Div();
    final PaperTable specification;
    final PaperTable coefficients;
    final List<FactorSection> factors = new ArrayList<>();
    final DiagnosticsSection diagnostics;
    final Pre java;
    final Pre python;

    ReportSheet(ModelReport report) {
        addClassName("atelier-report-sheet");
        setId("report-sheet");
        ModelDetail model = report.model();
        titleBlock(report);
        add(title);

        specification = new PaperTable("report-specification", "", "");
        specification.getElement().getClassList().add("atelier-report-spec");
        for (SpecLine line : report.specification()) {
            specification.row(line.label(), line.text());
        }
        section(ReportSection.SPECIFICATION, specification);

        Div cards = new Div();
        cards.addClassNames("atelier-metric-grid", "atelier-report-cards");
        ReportParts.metricCards(model).forEach(cards::add);
        section(ReportSection.SUMMARY, cards);

        coefficients = coefficientTable(model);
        section(ReportSection.COEFFICIENTS, coefficients);

        Div factorList = new Div();
        factorList.addClassName("atelier-report-factors");
        factorSections(model, report.diagnostics()).forEach(f -> {
            factors.add(f);
            factorList.add(f);
        });
        section(ReportSection.FACTORS, factorList);

        diagnostics = new DiagnosticsSection(report.diagnostics().orElse(null));
        section(ReportSection.DIAGNOSTICS, diagnostics);

        section(ReportSection.WARNINGS, warnings(model));

        java = code("report-java", model.javaCode());
        python = code("report-python", model.pythonCode());
        section(ReportSection.CODE, new Div(new H3("Java"), java), new Div(new H3("Python"), python));
    }

    private void titleBlock(ModelReport report) {
        title.addClassName("atelier-report-title");
        title.setId("report-title");
        H1 project = new H1(report.projectName());
        Div model = new Div(report.modelLabel());
        model.addClassName("atelier-report-model");
        PaperTable facts = new PaperTable("report-facts", "", "");
        facts.getElement().getClassList().add("atelier-report-facts");
        facts.row("Model", report.modelLabel());
        facts.row("Dataset", report.datasetName() + ", " + ReportParts.count(report.datasetRows()) + " rows");
        facts.row("Fitted", WHEN.format(report.fittedAt()) + " by " + report.fittedBy() + ", on "
                + ReportParts.count(report.model().metrics().nObs()) + " rows in "
                + String.format(Locale.ROOT, "%,d ms", report.model().metrics().fitDurationMs()));
        facts.row("Atelier", report.atelierVersion());
        title.add(project, model, facts);
    }

    private void section(ReportSection kind, Component... content) {
        Div section = new Div(new H2(kind.title()));
        section.addClassNames("atelier-report-section", "atelier-report-section-" + kind.key());
        section.setId("report-section-" + kind.key());
        section.add(content);
        sections.put(kind, section);
        add(section);
    }

    void show(ReportSection kind, boolean visible) {
        sections.get(kind).setVisible(visible);
    }

    private static PaperTable coefficientTable(ModelDetail model) {
        String stat = ReportParts.statistic(model);
        PaperTable table = new PaperTable("report-coefficients", "Feature", "Estimate#", "Std. error#",
                stat + " value#", "P>|" + stat + "|#", "95% CI#", "Sig.");
        String group = null;
        for (CoefficientRow c : model.coefficients()) {
            if (!c.factorName().equals(group)) {
                group = c.factorName();
                table.group(group);
            }
            table.row(c.feature(), ReportParts.estimate(c.estimate()), ReportParts.estimate(c.stdError()),
                    ReportParts.estimate(c.statistic()), ReportParts.pValue(c.pValue()),
                    ReportParts.estimateInterval(c.ciLower(), c.ciUpper()), c.significance());
        }
        return table;
    }

    /**
     * One section per factor: each factor with relativities in the model's order, then (a model without them, or
     * a term the relativities leave out) every other factor of the coefficient table but the intercept.
     */
    private static List<FactorSection> factorSections(ModelDetail model, Optional<ModelDiagnostics> diagnostics) {
        Map<String, List<CoefficientRow>> byFactor = new LinkedHashMap<>();
        model.coefficients().forEach(c -> byFactor.computeIfAbsent(c.factorName(), f -> new ArrayList<>()).add(c));
        Map<String, FactorRelativities> relativities = new LinkedHashMap<>();
        model.relativities().forEach(r -> relativities.put(r.factor(), r));
        List<String> names = new ArrayList<>(relativities.keySet());
        byFactor.keySet().stream().filter(f -> !names.contains(f) && !CoefficientRow.isIntercept(f)).forEach(names::add);
        List<FactorSection> out = new ArrayList<>();
        for (String name : names) {
            FactorRelativities r = relativities.get(name);
            FactorAe train = diagnostics.map(ModelDiagnostics::train).flatMap(p -> p.factor(name)).orElse(null);
            FactorAe test = diagnostics.map(ModelDiagnostics::test).flatMap(p -> p.factor(name)).orElse(null);
            out.add(new FactorSection(out.size(), name, describe(model, name, r), r,
                    byFactor.getOrDefault(name, List.of()), train, test));
        }
        return out;
    }


    /** "categorical, base level C" from the spec, with a curve's base value; the type alone for an interaction. */
    private static String describe(ModelDetail model, String factor, FactorRelativities r) {
        String words = model.spec().terms().stream().filter(t -> t.name().equals(factor)).findFirst()
                .map(SpecWords::term).orElse(r == null ? "" : r.termType().id());
        if (r != null && r.isCategorical() && r.baseLevel() != null) {
            words = words.replaceAll(", base level .*", "") + ", base level " + r.baseLevel();
        }
        if (r != null && r.baseLabel() != null) {
            words += ", " + r.baseLabel();
        }
        return words;
    }

    private static Div warnings(ModelDetail model) {
        Div box = new Div();
        box.setId("report-warnings");
        List<String> all = new ArrayList<>(model.warnings());
        model.relativities().forEach(r -> r.warnings().stream().filter(w -> !all.contains(w)).forEach(all::add));
        if (all.isEmpty()) {
            box.add(new Paragraph("The fit reported no warnings."));
        } else {
            box.addClassName("atelier-report-warnings");
            all.forEach(w -> box.add(new Div("⚠ " + w)));
        }
        return box;
    }

    /** Program text, one block element per line so a page break falls between lines, never inside one. */
    private static Pre code(String id, String text) {
        Pre pre = new Pre();
        pre.setId(id);
        pre.addClassName("atelier-report-code");
        for (String line : (text == null ? "" : text).split("\n", -1)) {
            pre.getElement().appendChild(new Element("span").setText(line));
        }
        return pre;
    }

    /** The code as printed, for tests. */
    static String text(Pre code) {
        List<String> lines = new ArrayList<>();
        code.getElement().getChildren().forEach(e -> lines.add(e.getText()));
        return String.join("\n", lines);
    }

}
