package org.atelier.ui.spec;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.atelier.data.ColumnProfile;
import org.atelier.dataset.DatasetInfo;
import org.atelier.engine.spec.Validation;
import org.atelier.model.SpecIssue;

/**
 * The spec's hold-out ("Validation"): none, a random fraction of the rows with its seed, or the rows whose column
 * value is one of the chosen test values (a later year, a "test" flag). The model is fitted on the training rows;
 * the diagnostics judge it on both parts. What the fitter refuses shows here as an issue and disables Fit.
 */
class ValidationSection extends Div {
    static final String NONE = "None";
    static final String RANDOM = "Random fraction";
    static final String COLUMN = "By column";
    /** Columns with more distinct values are not offered: nobody picks test values out of thousands. */
    static final int MAX_COLUMN_LEVELS = 200;
    static final double DEFAULT_FRACTION = 0.2;
    static final long DEFAULT_SEED = 42;

    final Select<String> method = new Select<>();
    final NumberField fraction = new NumberField("Test fraction");
    final IntegerField seed = new IntegerField("Seed");
    /** A combo box, not a select: a wide file offers thousands of columns, which a select would make components of. */
    final ComboBox<String> column = new ComboBox<>();
    final MultiSelectComboBox<String> testValues = new MultiSelectComboBox<>("Test values");
    final Div note = new Div();
    final Div issues = new Div();
    private final HorizontalLayout random = new HorizontalLayout(fraction, seed);
    private final Div byColumn = new Div(column, testValues);
    private final SpecDraft draft;
    private final Runnable changed;
    private final Supplier<DatasetInfo> dataset;
    private final BiFunction<String, String, List<String>> levels;
    private final Map<String, List<String>> levelCache = new HashMap<>();
    /** The dataset whose columns the column picker offers: they are listed again only when it changes. */
    private String columnsOf;
    private boolean updating;

    /** {@code levels}: a column's distinct values (dataset id, column), as the engine labels them. */
    ValidationSection(SpecDraft draft, Runnable changed, Supplier<DatasetInfo> dataset,
                      BiFunction<String, String, List<String>> levels) {
        this.draft = draft;
        this.changed = changed;
        this.dataset = dataset;
        this.levels = levels;
        addClassName("atelier-validation");
        Div title = new Div("Validation");
        title.addClassNames("atelier-panel-title", "atelier-section");
        method.setLabel("Hold-out");
        method.setId("validation-method");
        method.setItems(NONE, RANDOM, COLUMN);
        // no step: Vaadin would mark any fraction off the step grid (0.33) invalid; the fitter's rule, strictly
        // between 0 and 1, is shown as an issue instead
        fraction.setMin(0);
        fraction.setMax(1);
        fraction.setWidth("9rem");
        seed.setWidth("7rem");
        column.setLabel("Column");
        column.setId("validation-column");
        testValues.setId("validation-test-values");
        testValues.setWidthFull();
        note.addClassName("atelier-muted");
        method.addValueChangeListener(e -> edit());
        fraction.addValueChangeListener(e -> edit());
        seed.addValueChangeListener(e -> edit());
        column.addValueChangeListener(e -> {
            if (!updating) {
                offerLevels(e.getValue());
                testValues.clear();
                edit();
            }
        });
        testValues.addValueChangeListener(e -> edit());
        add(title, method, random, byColumn, note, issues);
        refresh(List.of());
    }

    /** Shows the draft's validation (after a load or a dataset change) and the issues about it. */
    void refresh(List<SpecIssue> all) {
        updating = true;
        Validation v = draft.validation;
        method.setValue(v == null ? NONE : v.method() == Validation.Method.COLUMN ? COLUMN : RANDOM);
        random.setVisible(v != null && v.method() == Validation.Method.RANDOM);
        byColumn.setVisible(v != null && v.method() == Validation.Method.COLUMN);
        if (v != null && v.method() == Validation.Method.RANDOM) {
            fraction.setValue(v.fraction());
            seed.setValue(v.seed() == null ? null : v.seed().intValue());
        }
        DatasetInfo info = dataset.get();
        String shownFor = info == null ? null : info.id();
        if (columnsOf == null || !columnsOf.equals(shownFor)) {
            column.setItems(columns());
            columnsOf = shownFor;
        }
        if (v != null && v.method() == Validation.Method.COLUMN) {
            column.setValue(v.column());
            offerLevels(v.column());
            testValues.setValue(v.testValues() == null ? Set.of() : new TreeSet<>(v.testValues()));
        }
        note.setText(v == null ? "Fitted on every row." : "Fitted on the training rows; the diagnostics compare them"
                + " with the hold-out.");
        updating = false;
        issues.removeAll();
        for (SpecIssue issue : all) {
            if (issue.subject().equals(SpecIssue.VALIDATION)) {
                Div line = new Div(issue.message());
                line.addClassNames("atelier-issue", issue.isError() ? "error" : "warning");
                issues.add(line);
            }
        }
    }

    private void edit() {
        if (updating) {
            return;
        }
        draft.validation = switch (method.getValue() == null ? NONE : method.getValue()) {
            case RANDOM -> Validation.random(fraction.getValue() == null ? DEFAULT_FRACTION : fraction.getValue(),
                    seed.getValue() == null ? DEFAULT_SEED : seed.getValue());
            case COLUMN -> Validation.column(column.getValue(), chosenValues());
            default -> null;
        };
        changed.run();
    }

    /** The chosen values in the column's own order (the order the spec JSON and the code show them in). */
    private List<String> chosenValues() {
        Set<String> chosen = testValues.getValue();
        return testValues.getListDataView().getItems().filter(chosen::contains).toList();
    }

    private List<String> columns() {
        DatasetInfo info = dataset.get();
        return info == null ? List.of() : info.columns().stream()
                .filter(c -> c.nUnique() <= MAX_COLUMN_LEVELS && c.nUnique() > 1)
                .map(ColumnProfile::name).toList();
    }

    /** Reading a column's levels scans the dataset, so each is read once, not on every edit of the spec. */
    private void offerLevels(String name) {
        DatasetInfo info = dataset.get();
        List<String> values = info == null || name == null ? List.of()
                : levelCache.computeIfAbsent(info.id() + "\u0000" + name, k -> levels.apply(info.id(), name));
        if (!values.equals(testValues.getListDataView().getItems().toList())) {
            testValues.setItems(values);
        }
    }
}
