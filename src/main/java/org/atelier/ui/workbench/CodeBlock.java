package org.atelier.ui.workbench;

import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.dom.Element;

/**
 * Read-only program text with line numbers (the numbers are CSS counters, so selecting and copying the text
 * leaves them out). Long lines wrap by default, as the product's code view does; with wrapping off they
 * scroll sideways instead. {@link #getText()} is the code as set, without the numbers.
 */
class CodeBlock extends Pre {
    private String code = "";

    CodeBlock(String code) {
        addClassNames("atelier-code", "wrap");
        setText(code);
    }

    @Override
    public void setText(String text) {
        code = text == null ? "" : text;
        getElement().removeAllChildren();
        for (String line : code.split("\n", -1)) {
            getElement().appendChild(new Element("span").setText(line));
        }
    }

    @Override
    public String getText() {
        return code;
    }

    void setWrapped(boolean wrapped) {
        setClassName("wrap", wrapped);
    }

    boolean isWrapped() {
        return hasClassName("wrap");
    }
}
