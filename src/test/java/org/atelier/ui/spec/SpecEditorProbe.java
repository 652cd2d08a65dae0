package org.atelier.ui.spec;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
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
        card(factor).type.setValue(type);
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

    static String text(Span span) {
        return span.getText();
    }
}
