package org.atelier.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.atelier.model.CoefficientRow;
import org.atelier.ui.KaribuTest;
import org.junit.jupiter.api.Test;

class CoefficientsTabTest extends KaribuTest {
    @Test
    void theFeatureColumnIsAsWideAsItsLongestFeature() {
        CoefficientsTab tab = new CoefficientsTab(List.of(
                new CoefficientRow("(Intercept)", "(Intercept)", -3.4, 0.02, -170, 0, -3.44, -3.36, "***"),
                new CoefficientRow("bs(DrivAge, 5/5)", "DrivAge", 0.1, 0.05, 2, 0.04, 0.0, 0.2, "*")),
                "z", factor -> { });
        var feature = tab.grid.getColumnByKey("feature");
        assertThat(feature.isAutoWidth()).isTrue();
        assertThat(feature.getFlexGrow()).isPositive();
    }
}
