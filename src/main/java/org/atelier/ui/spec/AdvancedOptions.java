package org.atelier.ui.spec;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.atelier.engine.spec.FitOptions;

/** "Advanced options" (§8.2.8), collapsed by default: iteration limit, tolerance and seed. */
class AdvancedOptions extends Details {
    final IntegerField maxIter = new IntegerField("Max iterations");
    final TextField tol = new TextField("Tolerance");
    final IntegerField seed = new IntegerField("Seed");
    private final SpecDraft draft;
    private final Runnable changed;
    private boolean updating;

    AdvancedOptions(SpecDraft draft, Runnable changed) {
        super("Advanced options");
        this.draft = draft;
        this.changed = changed;
        maxIter.setMin(1);
        maxIter.setMax(1000);
        maxIter.setStepButtonsVisible(true);
        maxIter.setWidth("8rem");
        tol.setWidth("8rem");
        tol.setValueChangeMode(ValueChangeMode.LAZY);
        tol.setHelperText("e.g. 1e-8");
        seed.setWidth("8rem");
        seed.setPlaceholder("none");
        maxIter.addValueChangeListener(e -> edit());
        tol.addValueChangeListener(e -> edit());
        seed.addValueChangeListener(e -> edit());
        HorizontalLayout row = new HorizontalLayout(maxIter, tol, seed);
        row.setWrap(true);
        add(row);
    }

    void refresh() {
        updating = true;
        FitOptions o = draft.fitOptions;
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
        FitOptions o = draft.fitOptions;
        Long seedValue = seed.getValue() == null ? null : seed.getValue().longValue();
        draft.fitOptions = new FitOptions(o.alpha(), o.l1Ratio(), maxIter.getValue(), tolerance, o.regularization(),
                o.cv(), o.selection(), o.nAlphas(), seedValue);
        changed.run();
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
