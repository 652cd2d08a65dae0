package org.atelier.engine.diagnostics;

import java.util.ArrayList;
import java.util.List;
import org.atelier.engine.error.CancelledError;
import org.atelier.engine.error.ValidationError;
import org.atelier.engine.fit.FitSettings;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.fit.GlmFitter;
import org.atelier.engine.fit.HoldOut;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.inference.Distributions;
import org.atelier.engine.spec.InteractionSpec;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.TermSpec;

/**
 * Drop-one (type III) tests: each term and each interaction removed in turn and the model refitted on the same
 * training rows, IRLS started from the full model's η (a few iterations instead of a cold fit).
 */
final class DropOne {
    private DropOne() {
    }

    static List<DropOneTest> run(FittedModel model, Frame frame, DropOneMonitor monitor) {
        if (model.regularization() != null || !model.smooths().isEmpty()) {
            throw new ValidationError("Drop-one tests compare unpenalized deviances: this model is "
                    + (model.regularization() != null ? "regularised" : "fitted with penalized smooths"));
        }
        ModelSpec spec = model.spec();
        Frame train = HoldOut.training(spec, frame);
        RowMeasures full = RowMeasures.of(model, train, true);
        double[] etaStart = new double[full.n];
        for (int i = 0; i < full.n; i++) {
            etaStart[i] = model.link().link(full.mu[i]);
        }
        List<String> names = new ArrayList<>();
        List<ModelSpec> reduced = new ArrayList<>();
        for (TermSpec term : spec.terms()) {
            names.add(term.name());
            List<TermSpec> rest = new ArrayList<>(spec.terms());
            rest.remove(term);
            reduced.add(new ModelSpec(spec.response(), rest, spec.interactions(), spec.family(), spec.link(),
                    spec.varPower(), spec.theta(), spec.offset(), spec.weights(), spec.intercept(), spec.fitOptions(),
                    spec.validation()));
        }
        for (InteractionSpec interaction : spec.interactions()) {
            names.add(interaction.first().name() + ":" + interaction.second().name());
            List<InteractionSpec> rest = new ArrayList<>(spec.interactions());
            rest.remove(interaction);
            reduced.add(spec.withInteractions(rest));
        }
        double deviance = model.statistics().deviance();
        int p = model.features().size();
        boolean fTest = model.family().estimatesDispersion();
        int dfResid = model.statistics().dfResid();
        List<DropOneTest> out = new ArrayList<>();
        for (int j = 0; j < reduced.size(); j++) {
            if (monitor.isCancelled() || Thread.currentThread().isInterrupted()) {
                throw new CancelledError("Drop-one tests cancelled");
            }
            monitor.onTerm(j, reduced.size(), names.get(j));
            ModelSpec r = reduced.get(j);
            if (r.terms().isEmpty() && r.interactions().isEmpty() && !r.intercept()) {
                out.add(new DropOneTest(names.get(j), 0, Double.NaN, Double.NaN, fTest ? "F" : "Chisq", Double.NaN,
                        Double.NaN)); // nothing would be left to fit
                continue;
            }
            FittedModel refit = GlmFitter.fit(r, frame, new FitSettings(null, monitor), etaStart);
            double reducedDeviance = refit.statistics().deviance();
            double delta = reducedDeviance - deviance;
            int df = p - refit.features().size();
            // R's drop1: the F test's scale is the full model's deviance per residual degree of freedom
            double statistic = fTest ? delta / df / (deviance / dfResid) : delta;
            double pValue = df <= 0 ? Double.NaN
                    : fTest ? Distributions.fUpper(statistic, df, dfResid) : Distributions.chiSquaredUpper(delta, df);
            out.add(new DropOneTest(names.get(j), df, reducedDeviance, delta, fTest ? "F" : "Chisq",
                    df <= 0 ? Double.NaN : statistic, pValue));
        }
        monitor.onTerm(reduced.size(), reduced.size(), null);
        return out;
    }
}
