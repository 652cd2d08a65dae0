package org.atelier.ui.spec;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.List;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.PenaltyKind;
import org.atelier.engine.spec.Selection;
import org.atelier.model.SpecIssue;

/**
 * "Advanced options", collapsed by default: regularization (a cross-validated α path, or a manual
 * α) when the engine fits it, and the iteration limit, tolerance and seed; below them the spec's issues with
 * these options.
 */
class AdvancedOptions extends Details {
    static final String NONE = "None";
    static final String CV_PATH = "Cross-validated path";
    static final String MANUAL = "Manual alpha";
    /** The product's defaults for what the user has not chosen yet: 5 folds, α 0.01, an even elastic net. */
    static final int DEFAULT_FOLDS = 5;
    static final double DEFAULT_ALPHA = 0.01;
    static final double DEFAULT_L1_RATIO = 0.5;
    final Select<PenaltyKind> regularization = new Select<>();
    final Select<String> alphaMode = new Select<>();
    final IntegerField cv = new IntegerField("CV folds");
    final Select<Selection> selection = new Select<>();
    final IntegerField nAlphas = new IntegerField("Alpha path size");
    final NumberField alpha = new NumberField("Alpha");
    final NumberField l1Ratio = new NumberField("L1 ratio");
    final IntegerField maxIter = new IntegerField("Max iterations");
    final TextField tol = new TextField("Tolerance");
    final IntegerField seed = new IntegerField("Seed");
    /** The fields {@link #showIssues} marked invalid, cleared on the next call (the tolerance's own parse check stays). */
    private final List<HasValidation> marked = new ArrayList<>();
    private final Div penalty = new Div();
    final HorizontalLayout path;
    final Div issues = new Div();
    private final SpecDraft draft;
    private final Runnable changed;
    private boolean updating;

    AdvancedOptions(SpecDraft draft, Runnable changed) {
        super("Advanced options");
        this.draft = draft;
        this.changed = changed;
        regularization.setLabel("Regularization");
        regularization.setEmptySelectionAllowed(true); // no penalty
        regularization.setEmptySelectionCaption(NONE);
        regularization.setItems(PenaltyKind.values());
        regularization.setItemLabelGenerator(kind -> kind == null ? NONE : kind.id());
        alphaMode.setLabel("Alpha");
        alphaMode.setItems(CV_PATH, MANUAL);
        selection.setLabel("Selection");
        selection.setItems(Selection.values());
        selection.setItemLabelGenerator(Selection::id);
        cv.setMin(2);
        cv.setMax(20);
        nAlphas.setMin(2);
        nAlphas.setMax(200);
        alpha.setMin(0);
        l1Ratio.setMin(0);
        l1Ratio.setMax(1);
        l1Ratio.setStep(0.05);
        l1Ratio.setStepButtonsVisible(true);
        l1Ratio.setHelperText("0 ridge · 1 lasso");
        maxIter.setMin(1);
        maxIter.setMax(1000);
        maxIter.setStepButtonsVisible(true);
        tol.setValueChangeMode(ValueChangeMode.LAZY);
        tol.setHelperText("e.g. 1e-8");
        seed.setPlaceholder("none");
        for (var field : new com.vaadin.flow.component.HasSize[] {cv, nAlphas, alpha, l1Ratio, maxIter, tol, seed}) {
            field.setWidth("8rem");
        }
        regularization.addValueChangeListener(e -> edit());
        alphaMode.addValueChangeListener(e -> edit());
        for (var field : new com.vaadin.flow.component.HasValue<?, ?>[] {cv, selection, nAlphas, alpha, l1Ratio,
                maxIter, tol, seed}) {
            field.addValueChangeListener(e -> edit());
        }
        selection.setWidth("6rem");
        regularization.setWidth("9rem");
        alphaMode.setWidth("13rem");
        // rows wrap: the spec panel may be as narrow as 15% of the window
        HorizontalLayout kind = new HorizontalLayout(regularization, alphaMode);
        kind.setWrap(true);
        path = new HorizontalLayout(cv, selection, nAlphas);
        path.setWrap(true);
        HorizontalLayout manual = new HorizontalLayout(alpha, l1Ratio);
        manual.setWrap(true);
        penalty.add(kind, path, manual);
        HorizontalLayout iterations = new HorizontalLayout(maxIter, tol, seed);
        iterations.setWrap(true);
        add(penalty, iterations, issues);
    }

    /**
     * Shows the issues whose subject is {@link SpecIssue#FIT_OPTIONS}, as the factor cards show theirs, and marks the
     * field an error is about (by the option's JSON word), so the user sees which value to change.
     */
    void showIssues(List<SpecIssue> all) {
        issues.removeAll();
        marked.forEach(field -> field.setInvalid(false));
        marked.clear();
        for (SpecIssue issue : all) {
            if (issue.subject().equals(SpecIssue.FIT_OPTIONS)) {
                Div line = new Div(issue.message());
                line.addClassNames("atelier-issue", issue.isError() ? "error" : "warning");
                issues.add(line);
                HasValidation field = issue.option() == null ? null : optionField(issue.option());
                if (field != null && issue.isError()) {
                    field.setErrorMessage(issue.message());
                    field.setInvalid(true);
                    marked.add(field);
                }
            }
        }
    }

    /** The field that edits an option, by the option's word in the spec's JSON. */
    private HasValidation optionField(String option) {
        return switch (option) {
            case "alpha" -> alpha;
            case "cv" -> cv;
            case "n_alphas" -> nAlphas;
            case "l1_ratio" -> l1Ratio;
            case "max_iter" -> maxIter;
            case "tol" -> tol;
            case "selection" -> selection;
            case "seed" -> seed;
            default -> null;
        };
    }

    /**
     * Shows the draft's options. A field the options do not use (the folds of a manual α, the α of a path, the
     * ratio of a ridge) shows its default instead, so choosing the mode or penalty that uses it starts there.
     */
    void refresh() {
        updating = true;
        FitOptions o = draft.fitOptions;
        boolean penalized = o.regularization() != null;
        // a path always has folds (edit() writes them), so a penalty without folds is a manual α
        boolean manualAlpha = penalized && o.cv() == null;
        boolean elasticNet = o.regularization() == PenaltyKind.ELASTIC_NET;
        regularization.setValue(o.regularization());
        alphaMode.setValue(manualAlpha ? MANUAL : CV_PATH);
        alphaMode.setVisible(penalized);
        cv.setValue(o.cv() == null ? DEFAULT_FOLDS : o.cv());
        selection.setValue(o.selection());
        nAlphas.setValue(o.nAlphas());
        alpha.setValue(manualAlpha ? o.alpha() : DEFAULT_ALPHA);
        l1Ratio.setValue(elasticNet ? o.l1Ratio() : DEFAULT_L1_RATIO);
        path.setVisible(penalized && !manualAlpha);
        alpha.setVisible(manualAlpha);
        // ridge and lasso fix the ratio (0 and 1): only the elastic net has one to choose
        l1Ratio.setVisible(elasticNet);
        maxIter.setValue(o.maxIter());
        tol.setValue(Double.toString(o.tol()));
        tol.setInvalid(false);
        seed.setValue(o.seed() == null ? null : o.seed().intValue());
        updating = false;
    }

    private void edit() {
        if (updating) {
            return;
        }
        Double tolerance = parseTolerance(tol.getValue());
        tol.setInvalid(tolerance == null);
        tol.setErrorMessage("Tolerance must be a positive number such as 1e-8");
        if (tolerance == null || maxIter.getValue() == null || maxIter.getValue() < 1) {
            return;
        }
        PenaltyKind penaltyKind = regularization.getValue();
        boolean manualAlpha = penaltyKind != null && MANUAL.equals(alphaMode.getValue());
        double ratio = penaltyKind == null ? 0 : penaltyKind.l1(value(l1Ratio, DEFAULT_L1_RATIO));
        Long seedValue = seed.getValue() == null ? null : seed.getValue().longValue();
        draft.fitOptions = new FitOptions(manualAlpha ? value(alpha, DEFAULT_ALPHA) : 0, ratio, maxIter.getValue(),
                tolerance, penaltyKind, penaltyKind == null || manualAlpha ? null
                        : cv.getValue() == null ? DEFAULT_FOLDS : cv.getValue(),
                selection.getValue() == null ? Selection.MIN : selection.getValue(),
                nAlphas.getValue() == null ? 20 : nAlphas.getValue(), seedValue);
        changed.run();
    }

    private static double value(NumberField field, double fallback) {
        return field.getValue() == null ? fallback : field.getValue();
    }

    static Double parseTolerance(String text) {
        try {
            double value = Double.parseDouble(text.strip());
            return value > 0 && value < 1 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
