package org.atelier.ui.spec;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;

import com.vaadin.flow.component.button.Button;
import java.util.List;
import org.atelier.data.ColumnProfile;

/** Test access to the spec editor: sets fields the way a user does and reads what the panel shows. */
public record SpecEditorProbe(SpecEditor editor) {
    public void response(String column) {
        editor.response.response.setValue(column);
    }

    public void family(String family) {
        editor.response.family.setValue(family);
    }

    public void offset(String column) {
        editor.response.offset.setValue(column);
    }

    public String link() {
        return editor.response.link.getValue();
    }

    public String linkLabel() {
        return editor.response.link.getItemLabelGenerator().apply(link());
    }

    /** Picks a column in "+ Add factor", as a user does. */
    public void addFactor(String column) {
        ColumnProfile profile = editor.addFactor.column.getListDataView().getItems()
                .filter(c -> c.name().equals(column)).findFirst().orElseThrow();
        editor.addFactor.column.setValue(profile);
    }

    public List<String> factors() {
        return editor.factorList.getChildren().filter(c -> c instanceof FactorCard)
                .map(c -> ((FactorCard) c).term.name() + ":" + ((FactorCard) c).term.type()).toList();
    }

    public void setType(String factor, String type) {
        card(factor).type.setValue(org.atelier.engine.spec.TermType.of(type));
    }

    public List<String> issues(String factor) {
        return card(factor).getChildren().filter(c -> c.getClassNames().contains("atelier-issue"))
                .map(c -> c.getElement().getText()).toList();
    }

    public boolean fitEnabled() {
        return editor.fitBar.fit.isEnabled();
    }

    public String fitBlockedBecause() {
        return editor.fitBar.reason.getText();
    }

    public void fit() {
        _click(editor.fitBar.fit);
    }

    public Button cancel() {
        return editor.fitBar.cancel;
    }

    public boolean cancelVisible() {
        return editor.fitBar.cancel.isVisible();
    }

    public String responseValue() {
        return editor.response.response.getValue();
    }

    private FactorCard card(String factor) {
        return editor.factorList.getChildren().filter(c -> c instanceof FactorCard)
                .map(c -> (FactorCard) c).filter(c -> c.term.name().equals(factor)).findFirst().orElseThrow();
    }

    /** Switches a spline card to "Penalized (auto λ)". */
    public void penalize(String factor) {
        @SuppressWarnings("unchecked")
        var mode = (com.vaadin.flow.component.radiobutton.RadioButtonGroup<String>) findIn(card(factor),
                com.vaadin.flow.component.radiobutton.RadioButtonGroup.class);
        mode.setValue("Penalized (auto λ)");
    }

    public void monotone(String factor, String direction) {
        @SuppressWarnings("unchecked")
        var monotone = (com.vaadin.flow.component.select.Select<org.atelier.engine.spec.Monotonicity>) findIn(card(factor),
                com.vaadin.flow.component.select.Select.class, "Monotonicity");
        monotone.setValue(org.atelier.engine.spec.Monotonicity.of(direction)); // "none": unconstrained
    }

    /** A factor card's field with this label, as the card shows it now (an edit renders the cards again). */
    public com.vaadin.flow.component.HasValidation cardField(String factor, String label) {
        return (com.vaadin.flow.component.HasValidation) findIn(card(factor), com.vaadin.flow.component.HasValidation.class,
                label);
    }

    public void regularization(String kind) {
        editor.advanced.regularization.setValue(org.atelier.engine.spec.PenaltyKind.of(kind)); // "None": no penalty
    }

    public void cvFolds(int folds) {
        editor.advanced.cv.setValue(folds);
    }

    /** The issues shown under the advanced options. */
    public List<String> fitOptionIssues() {
        return editor.advanced.issues.getChildren().map(c -> c.getElement().getText()).toList();
    }

    private static com.vaadin.flow.component.Component findIn(FactorCard card, Class<?> type, String... label) {
        return descendants(card).filter(type::isInstance)
                .filter(c -> label.length == 0 || label[0].equals(c.getElement().getProperty("label")))
                .findFirst().orElseThrow(() -> new AssertionError("No " + type.getSimpleName() + " on " + card.term.name()));
    }

    private static java.util.stream.Stream<com.vaadin.flow.component.Component> descendants(
            com.vaadin.flow.component.Component root) {
        return root.getChildren().flatMap(c -> java.util.stream.Stream.concat(java.util.stream.Stream.of(c), descendants(c)));
    }
}
