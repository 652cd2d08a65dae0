package org.atelier.ui.results;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.atelier.model.CoefficientRow;
import org.atelier.model.PenaltyPath;

/**
 * What the penalty did to a penalized model, at a fixed α or the one a CV path chose: the penalty with its α and
 * α_max, how many coefficients it kept and, by name, the ones it set to zero. A lasso's point is which features it
 * drops, and a fixed-α fit had no other place that said so.
 */
final class PenaltySummary extends Div {
    final Span settings = new Span();
    final Span zeroed = new Span();

    PenaltySummary(PenaltyPath path, List<CoefficientRow> coefficients) {
        addClassName("atelier-penalty-summary");
        List<CoefficientRow> penalized = coefficients.stream().filter(c -> !CoefficientRow.isIntercept(c.feature())).toList();
        List<String> zero = penalized.stream().filter(c -> c.estimate() == 0).map(CoefficientRow::feature).toList();
        settings.setText(String.format(Locale.ROOT, "%s at α = %s (α_max %s, L1 share %s): %d of %d coefficients kept.",
                capitalized(path.penalty().id().replace('_', ' ')), Formats.estimate(path.alpha()),
                Formats.estimate(path.alphaMax()), BigDecimal.valueOf(path.l1Ratio()).stripTrailingZeros().toPlainString(),
                penalized.size() - zero.size(),
                penalized.size()));
        zeroed.setText(zero.isEmpty() ? "No coefficient is set to zero."
                : "Set to zero by the penalty: " + String.join(", ", zero) + ".");
        zeroed.addClassName("atelier-muted");
        Div lines = new Div(settings, new Div(zeroed));
        add(new H4("Penalty"), lines);
    }

    private static String capitalized(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
