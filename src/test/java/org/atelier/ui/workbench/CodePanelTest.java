package org.atelier.ui.workbench;

import static com.github.mvysny.kaributesting.v10.BasicUtilsKt._fireDomEvent;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.dom.Element;
import java.util.List;
import org.atelier.config.Json;
import org.atelier.project.ProjectService;
import org.atelier.ui.common.RememberedSplitLayout;
import org.atelier.ui.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The code panel: numbered lines that wrap or scroll, copy, and a double-click on its divider to collapse it. */
class CodePanelTest extends KaribuTest {
    @Autowired
    ProjectService projects;

    private WorkbenchView open() {
        UI.getCurrent().navigate(WorkbenchView.class, projects.create("Code", "").id());
        return _get(WorkbenchView.class);
    }

    @Test
    void everyLineIsNumberedAndLongLinesWrapUnlessToldToScroll() {
        CodePanel code = open().code;
        String program = "import java.util.List;\n\nclass A { static final String LONG = \"" + "x".repeat(300) + "\"; }";
        code.showLive(program, "# one line");

        List<Element> lines = code.java.getElement().getChildren().toList();
        assertThat(lines).extracting(Element::getText)
                .containsExactly("import java.util.List;", "", "class A { static final String LONG = \""
                        + "x".repeat(300) + "\"; }");
        assertThat(code.java.getText()).as("the code without its numbers, as Copy takes it").isEqualTo(program);
        assertThat(code.java.getClassNames()).contains("atelier-code", "wrap");
        assertThat(code.wrap.getValue()).isTrue();

        code.wrap.setValue(false);
        assertThat(code.java.getClassNames()).contains("atelier-code").doesNotContain("wrap");
        assertThat(code.python.getClassNames()).doesNotContain("wrap");
        code.wrap.setValue(true);
        assertThat(code.python.getClassNames()).contains("wrap");
    }

    /** A double-click as the browser reports it when it hit the divider (the layout's filter held). */
    private static void doubleClickDivider(RememberedSplitLayout split) {
        _fireDomEvent(split, "dblclick", Json.MAPPER.createObjectNode().put(RememberedSplitLayout.ON_DIVIDER, true));
    }

    @Test
    void aDoubleClickOnTheCodePanelsDividerCollapsesItAndBringsItBack() {
        WorkbenchView view = open();
        _fireDomEvent(view.inner, "dblclick");
        assertThat(view.code.isVisible()).as("a double-click inside a panel is not one on the divider").isTrue();
        assertThat(view.code.isVisible()).isTrue();
        doubleClickDivider(view.inner);
        assertThat(view.code.isVisible()).isFalse();
        assertThat(view.inner.getSplitterPosition()).isEqualTo(100);
        doubleClickDivider(view.inner);
        assertThat(view.code.isVisible()).isTrue();
        assertThat(view.inner.getSplitterPosition()).isEqualTo(66.7);
        // the header's toggle and the divider agree on the state
        _click((Button) view.header.codeToggle);
        assertThat(view.code.isVisible()).isFalse();
        doubleClickDivider(view.inner);
        assertThat(view.code.isVisible()).isTrue();
    }
}
