package org.atelier.ui.results;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.atelier.model.CoefficientRow;
import org.atelier.model.FactorRelativities;
import org.atelier.model.LevelRelativity;

/**
 * One line of a factor's drill-down table: a level with its coefficient (none for the base level) and, for
 * a log-link model, its relativity and exposure.
 */
record DrillDownRow(String level, CoefficientRow coefficient, LevelRelativity relativity) {

    /**
     * Joins the factor's coefficients with its relativities: per level for a categorical factor (the base level
     * included, which has no coefficient), else one row per coefficient.
     */
    static List<DrillDownRow> of(List<CoefficientRow> coefficients, FactorRelativities relativities) {
        List<DrillDownRow> out = new ArrayList<>();
        if (relativities != null && relativities.isCategorical()) {
            Map<String, CoefficientRow> byFeature = new HashMap<>();
            coefficients.forEach(c -> byFeature.put(c.feature(), c));
            for (LevelRelativity level : relativities.levels()) {
                CoefficientRow c = byFeature.get(relativities.factor() + "[T." + level.level() + "]");
                out.add(new DrillDownRow(RelativityCharts.levelLabel(level), c, level));
            }
            return out;
        }
        for (CoefficientRow c : coefficients) {
            // a continuous term of a log-link model: exp(β) is the relativity per unit of the variable
            LevelRelativity perUnit = relativities == null ? null : RelativitiesTab.perUnit(c);
            out.add(new DrillDownRow(c.feature(), c, perUnit));
        }
        return out;
    }
}
