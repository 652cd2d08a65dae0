package org.atelier.ui.workbench;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.tabs.TabSheetVariant;
import org.atelier.ui.common.Notifications;

/**
 * The right panel: the current spec as a runnable Java program on Atelier's engine and as the rustystats
 * script, each with a copy button, line numbers and long lines wrapped (or, unticking "Wrap lines", scrolled
 * sideways). Live while the spec is edited; a loaded model shows its stored code.
 */
class CodePanel extends Div {
    static final String NOTHING_YET = """
            // Pick a response, a family and
            // factors in the spec panel: the
            // runnable program for the model
            // appears here.""";
    final CodeBlock java = new CodeBlock(NOTHING_YET);
    final CodeBlock python = new CodeBlock(NOTHING_YET.replace("//", "#"));
    final Checkbox wrap = new Checkbox("Wrap lines", true);
    final Span source = new Span("Live from the spec");
    final TabSheet tabs = new TabSheet();

    CodePanel() {
        addClassName("atelier-panel");
        getStyle().set("display", "flex").set("flex-direction", "column");
        java.setId("code-java");
        python.setId("code-python");
        wrap.addValueChangeListener(e -> {
            java.setWrapped(e.getValue());
            python.setWrapped(e.getValue());
        });
        source.addClassName("atelier-muted");
        tabs.addThemeVariants(TabSheetVariant.LUMO_TABS_SMALL);
        tabs.add("Java", withCopy(java, "Java"));
        tabs.add("Python", withCopy(python, "Python"));
        tabs.setWidthFull();
        tabs.addClassName("atelier-code-tabs");
        HorizontalLayout sourceAndWrap = new HorizontalLayout(source, wrap);
        sourceAndWrap.setWidthFull();
        sourceAndWrap.setWrap(true);
        sourceAndWrap.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        sourceAndWrap.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        add(SpecPanel.title("Code"), sourceAndWrap, tabs);
    }

    void showLive(String javaCode, String pythonCode) {
        source.setText("Live from the spec");
        java.setText(javaCode);
        python.setText(pythonCode);
    }

    void showStored(String label, String javaCode, String pythonCode) {
        source.setText("Stored with " + label);
        java.setText(javaCode == null ? "// no code was stored with this model" : javaCode);
        python.setText(pythonCode == null ? "# no code was stored with this model" : pythonCode);
    }

    private static Div withCopy(CodeBlock code, String language) {
        Button copy = new Button("Copy", VaadinIcon.COPY_O.create());
        copy.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        copy.setAriaLabel("Copy the " + language + " code");
        copy.addClickListener(e -> {
            // navigator.clipboard needs a secure context (localhost or https); on a LAN address fall back
            UI.getCurrentOrThrow().getPage().executeJs("""
                    const text = $0;
                    if (navigator.clipboard && window.isSecureContext) {
                      return navigator.clipboard.writeText(text);
                    }
                    const area = document.createElement('textarea');
                    area.value = text; document.body.appendChild(area); area.select();
                    document.execCommand('copy'); area.remove();""", code.getText());
            Notifications.success("Copied!");
        });
        Div box = new Div(copy, code);
        box.addClassName("atelier-code-box");
        return box;
    }
}
