package org.atelier.ui.report;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.atelier.fit.StepTimes;
import org.atelier.report.ModelReport;
import org.atelier.report.ReportService;
import org.atelier.ui.common.UserMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A completed model's report, made for paper: {@code report/PROJECT/MODEL}, opened from the results panel and from
 * History. Light whatever the app's theme, A4 portrait (or landscape), a running header and page numbers; sections
 * can be left out before "Print / Save as PDF" opens the browser's print dialog. The link keeps the choices:
 * {@code ?orientation=landscape&omit=code,warnings}.
 */
@Route("report/:projectId/:modelId")
@PermitAll // in login mode, any logged-in user; on loopback, the one user
@StyleSheet("report.css")
public class ReportView extends Div implements BeforeEnterObserver, HasDynamicTitle {
    static final String ORIENTATION = "orientation";
    static final String OMIT = "omit";
    /**
     * Charts are drawn at the sheet's width, which is the printed text width; should the print layout still differ
     * (a browser's own margins), every chart is fitted to its box again before printing and after.
     */
    static final String REFLOW_ON_PRINT = """
            if (!window.atelierReportReflow) {
              window.atelierReportReflow = () => document.querySelectorAll('vaadin-chart.atelier-report-chart')
                  .forEach(c => c.configuration && c.configuration.reflow());
              window.addEventListener('beforeprint', window.atelierReportReflow);
              window.addEventListener('afterprint', window.atelierReportReflow);
            }""";

    private static final Logger LOG = LoggerFactory.getLogger(ReportView.class);
    private final ReportService reports;
    final CheckboxGroup<ReportSection> sections = new CheckboxGroup<>("Sections");
    final RadioButtonGroup<Orientation> orientation = new RadioButtonGroup<>("Paper");
    final Button print = new Button("Print / Save as PDF", VaadinIcon.PRINT.create());
    private final Element pageStyle = new Element("style");
    ModelReport report;
    ReportSheet sheet;
    Div problem;
    private ColorScheme.Value appScheme;

    public ReportView(ReportService reports) {
        this.reports = reports;
        addClassName("atelier-report");
        setId("report");
    }

    /** The report's address, for links from the workbench. */
    public static String path(String projectId, String modelId) {
        return "report/" + projectId + "/" + modelId;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String projectId = event.getRouteParameters().get("projectId").orElse("");
        String modelId = event.getRouteParameters().get("modelId").orElse("");
        removeAll();
        StepTimes times = new StepTimes();
        try {
            report = reports.report(projectId, modelId);
        } catch (RuntimeException e) {
            showProblem(projectId, UserMessages.of(e));
            return;
        }
        times.step("gather");
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        build(projectId, query);
        times.step("build view");
        LOG.debug("Report of {} built: {}", modelId, times);
    }

    @Override
    public String getPageTitle() {
        return report == null ? "Report · Atelier"
                : "Report " + report.modelLabel() + " · " + report.projectName() + " · Atelier";
    }

    private void build(String projectId, Map<String, List<String>> query) {
        sheet = new ReportSheet(report);
        Anchor back = new Anchor("project/" + projectId, "← " + report.projectName());
        back.addClassName("atelier-report-back");

        sections.setItems(ReportSection.values());
        sections.setItemLabelGenerator(ReportSection::title);
        sections.setId("report-sections");
        Set<ReportSection> shown = EnumSet.allOf(ReportSection.class);
        shown.removeAll(omitted(query));
        sections.setValue(shown);
        sections.addValueChangeListener(e -> {
            apply();
            remember();
        });

        orientation.setItems(Orientation.values());
        orientation.setItemLabelGenerator(Orientation::label);
        orientation.setId("report-orientation");
        orientation.setValue(query.getOrDefault(ORIENTATION, List.of()).contains("landscape")
                ? Orientation.LANDSCAPE : Orientation.PORTRAIT);
        orientation.addValueChangeListener(e -> {
            apply();
            remember();
        });

        print.setId("report-print");
        print.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // the dialog opens from the click itself, without a round trip to the server
        print.getElement().executeJs("this.addEventListener('click', () => window.print())");

        Div toolbar = new Div(back, sections, orientation, print);
        toolbar.addClassName("atelier-report-toolbar");
        getElement().appendChild(pageStyle);
        add(toolbar, sheet);
        apply();
    }

    /** Shows the chosen sections and sizes the page and the sheet for the chosen orientation. */
    private void apply() {
        Set<ReportSection> shown = sections.getValue();
        for (ReportSection s : ReportSection.values()) {
            sheet.show(s, shown.contains(s));
        }
        Orientation o = Objects.requireNonNullElse(orientation.getValue(), Orientation.PORTRAIT);
        sheet.getElement().getClassList().set("landscape", o == Orientation.LANDSCAPE);
        pageStyle.setText(PageRules.css(report.projectName() + " · " + report.modelLabel(),
                report.datasetName() + " · fitted " + ReportSheet.WHEN.format(report.fittedAt()), o));
    }

    /** Puts the choices into the address, so that the link opens the report as it is set up now. */
    private void remember() {
        List<String> omitted = Arrays.stream(ReportSection.values()).filter(s -> !sections.getValue().contains(s))
                .map(ReportSection::key).toList();
        Map<String, List<String>> query = new java.util.LinkedHashMap<>();
        if (orientation.getValue() == Orientation.LANDSCAPE) {
            query.put(ORIENTATION, List.of("landscape"));
        }
        if (!omitted.isEmpty()) {
            query.put(OMIT, List.of(String.join(",", omitted)));
        }
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location(path(report.projectId(), report.model().id()), new QueryParameters(query))));
    }

    private static Set<ReportSection> omitted(Map<String, List<String>> query) {
        Set<ReportSection> out = EnumSet.noneOf(ReportSection.class);
        for (String value : query.getOrDefault(OMIT, List.of())) {
            for (String key : value.split(",")) {
                ReportSection s = ReportSection.ofKey(key);
                if (s != null) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private void showProblem(String projectId, String message) {
        report = null;
        problem = new Div();
        problem.addClassNames("atelier-alert", "atelier-report-problem");
        problem.setId("report-problem");
        List<com.vaadin.flow.component.Component> parts = new ArrayList<>();
        parts.add(new Div("No report: " + message));
        parts.add(new Anchor(projectId.isBlank() ? "" : "project/" + projectId, "Back to the workbench"));
        parts.forEach(problem::add);
        add(problem);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        appScheme = ui.getPage().getColorScheme();
        ui.getPage().setColorScheme(ColorScheme.Value.LIGHT); // paper is white, whatever the app's theme
        ui.getPage().executeJs(REFLOW_ON_PRINT);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (appScheme != null && appScheme != ColorScheme.Value.LIGHT) {
            event.getUI().getPage().setColorScheme(appScheme);
        }
        super.onDetach(event);
    }
}
