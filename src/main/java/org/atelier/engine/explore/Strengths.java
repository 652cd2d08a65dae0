package org.atelier.engine.explore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.atelier.engine.diagnostics.ColumnLevels;
import org.atelier.engine.error.CancelledError;
import org.atelier.engine.error.GlmException;
import org.atelier.engine.fit.FitMonitor;
import org.atelier.engine.fit.FitSettings;
import org.atelier.engine.fit.FitStatistics;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.fit.GlmFitter;
import org.atelier.engine.frame.Column;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.StringColumn;
import org.atelier.engine.inference.Distributions;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.TermSpec;

/**
 * Each factor alone: a GLM of the chosen family with the factor's one-way groups (levels, or bands for a numeric
 * column with more than 20 values) as one categorical term, on the explored rows with their exposure and weights,
 * fitted by the engine. Its deviance reduction against the intercept-only model ranks the factors. The fits report to
 * the caller's monitor, which can stop them or hold them back (while a user's fit runs, say) at every iteration.
 */
final class Strengths {
    private Strengths() {
    }

    static List<FactorStrength> of(ExploreRows rows, ExploreChoice choice, List<ColumnLevels> factors,
                                   ExploreProgress progress, FitMonitor monitor) {
        List<Column> base = new ArrayList<>();
        base.add(rows.frame.column(choice.response()).orElseThrow());
        if (choice.exposure() != null) base.add(rows.frame.column(choice.exposure()).orElseThrow());
        if (choice.weights() != null) base.add(rows.frame.column(choice.weights()).orElseThrow());
        List<FactorStrength> out = new ArrayList<>();
        for (int f = 0; f < factors.size(); f++) {
            if (Thread.currentThread().isInterrupted()) throw new CancelledError("Exploration cancelled");
            ColumnLevels levels = factors.get(f);
            progress.step("Strength of " + levels.column(), f, factors.size());
            out.add(strength(levels, base, choice, monitor));
        }
        progress.step("Strengths", factors.size(), factors.size());
        out.sort(Comparator.comparingDouble((FactorStrength s) -> Double.isNaN(s.devianceReduction())
                ? Double.NEGATIVE_INFINITY : s.devianceReduction()).reversed());
        return out;
    }

    private static FactorStrength strength(ColumnLevels levels, List<Column> base, ExploreChoice choice,
                                           FitMonitor monitor) {
        List<Column> columns = new ArrayList<>(base);
        columns.add(new StringColumn(levels.column(), levels.group(), levels.labels().toArray(String[]::new)));
        ModelSpec spec = new ModelSpec(choice.response(), List.of(TermSpec.categorical(levels.column())), List.of(),
                choice.family(), choice.link(), 1.5, null, choice.exposure(), choice.weights(), true,
                FitOptions.DEFAULT);
        try {
            FittedModel model = GlmFitter.fit(spec, new Frame(columns), new FitSettings(null, monitor));
            FitStatistics s = model.statistics();
            double delta = s.nullDeviance() - s.deviance();
            int df = s.dfModel();
            double p;
            if (df <= 0) {
                p = Double.NaN;
            } else if (s.tStatistics()) {
                p = Distributions.fUpper(delta / df / s.dispersion(), df, s.dfResid());
            } else {
                p = Distributions.chiSquaredUpper(delta, df);
            }
            return new FactorStrength(levels.column(), delta, df, p);
        } catch (CancelledError e) {
            throw e;
        } catch (GlmException e) {
            // a factor the family cannot fit alone (say, it separates a binomial response) is listed unranked
            return new FactorStrength(levels.column(), Double.NaN, levels.size() - 1, Double.NaN);
        }
    }
}
