package org.atelier.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.charts.model.DataSeries;
import com.vaadin.flow.component.charts.model.XAxis;
import java.util.List;
import org.atelier.model.CoefficientRow;
import org.junit.jupiter.api.Test;

/** Level and factor names from the data reach the charts HTML-escaped, so Highcharts shows them as written. */
class ChartLabelsTest {
    private static final String BOLD = "<b>B</b>";
    private static final String ESCAPED = "&lt;b&gt;B&lt;/b&gt;";

    @Test
    void aLevelNamedLikeMarkupIsEscapedInTheAxisAndTheTooltipPoints() {
        OneWayChart oneWay = new OneWayChart("one-way", "Area<i>", List.of(
                new OneWayChart.Point("A", 10, 0.1, 0.05, 0.15),
                new OneWayChart.Point(BOLD, 12, 0.2, 0.1, 0.3)), 0.15);
        var conf = oneWay.chart().getConfiguration();
        XAxis x = conf.getxAxis();
        assertThat(x.getCategories()).containsExactly("A", ESCAPED);
        assertThat(conf.getTooltip().getHeaderFormat()).contains("Area&lt;i&gt;: {point.key}").doesNotContain("<i>");
        DataSeries exposure = (DataSeries) conf.getSeries().getFirst();
        assertThat(exposure.get(1).getName()).isEqualTo(ESCAPED);
    }

    @Test
    void aFeatureNamedLikeMarkupIsEscapedInTheCoefficientChart() {
        CoefficientRow row = new CoefficientRow("Area[T." + BOLD + "]", "Area", 0.2, 0.05, 4, 0.0001, 0.1, 0.3, "***");
        var conf = CoefficientChart.of(List.of(row), "coefficients").getConfiguration();
        assertThat(conf.getxAxis().getCategories()).containsExactly("Area[T." + ESCAPED + "]");
    }

    @Test
    void theHelperEscapesEveryMarkupCharacter() {
        assertThat(ChartTheme.text("a & <b> \"c\" 'd'")).isEqualTo("a &amp; &lt;b&gt; &quot;c&quot; &#39;d&#39;");
    }
}
