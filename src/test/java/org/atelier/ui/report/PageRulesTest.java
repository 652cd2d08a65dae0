package org.atelier.ui.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageRulesTest {
    @Test
    void aModelNameCannotEndTheHeadersStringOrAddRules() {
        assertThat(PageRules.string("v2 · \"best\" \\ } @page { x")).isEqualTo("\"v2 · \\\"best\\\" \\\\ } @page { x\"");
        assertThat(PageRules.string("two\nlines")).isEqualTo("\"two\\A lines\"");
        String css = PageRules.css("P · v1", "data.csv", Orientation.LANDSCAPE);
        assertThat(css).startsWith("@page { size: A4 landscape; margin: 16mm 14mm 16mm 14mm;")
                .contains("@top-left { content: \"P · v1\";").contains("@bottom-left { content: \"data.csv\";")
                .contains("@bottom-right { content: \"Page \" counter(page) \" of \" counter(pages);");
    }
}
