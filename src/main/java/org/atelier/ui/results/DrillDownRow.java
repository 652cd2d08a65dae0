package org.atelier.ui.results;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.atelier.engine.spec.TermType;
import org.atelier.model.CoefficientRow;
import org.atelier.model.FactorRelativities;
import org.atelier.model.LevelRelativity;

/**
 * One line of a factor's drill-down table: a level with its coefficient (none for the base level) and, for
 * a log-link model, its relativity and exposure.
 */
record DrillDownRow(String level, CoefficientRow coefficient, LevelRelativity relativity) {
    static final java.util.Set<TermType> SLOPE_TERMS = java.util.Set.of(TermType.LINEAR, TermType.EXPRESSION);

    /**
     * Joins the factor's coefficients with its relativities: per level for a categorical factor (the base level
     * included, which has no coefficient), else one row per coefficient.
     */
    static List<DrillDownRow> of(List<CoefficientRow> coefficients, FactorRelativities relativities) {
        List<DrillDownRow> out = new ArrayList<>();
        if (relativities != null && relativities.hasLevels()) {
            Map<String, CoefficientRow> byFeature = new HashMap<>();
            coefficients.forEach(c -> byFeature.put(c.feature(), c));
            for (LevelRelativity level : relativities.levelRows()) {
                CoefficientRow c = byFeature.get(relativities.factor() + "[T." + level.level() + "]");
                out.add(new DrillDownRow(RelativityCharts.levelLabel(level), c, level));
            }
            return out;
        }
        for (CoefficientRow c : coefficients) {
            // a single-slope term of a log-link model: exp(β) is the relativity per unit of the variable
            // (a spline's basis coefficients have no such reading: its curve says it)
            boolean slope = relativities != null && SLOPE_TERMS.contains(relativities.termType());
            LevelRelativity perUnit = slope ? RelativitiesTab.perUnit(c) : null;
            out.add(new DrillDownRow(c.feature(), c, perUnit));
        }
        return out;
    }
}
