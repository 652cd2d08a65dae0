package org.atelier.engine.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.atelier.engine.design.Aliasing;
import org.atelier.engine.design.Columns;
import org.atelier.engine.design.DesignMatrix;
import org.atelier.engine.design.Encoders;
import org.atelier.engine.design.LevelEncoder;
import org.atelier.engine.design.NormalEquations;
import org.atelier.engine.design.TermEncoder;
import org.atelier.engine.error.ConvergenceError;
import org.atelier.engine.error.DesignMatrixError;
import org.atelier.engine.error.FittingError;
import org.atelier.engine.error.ValidationError;
import org.atelier.engine.family.Binomial;
import org.atelier.engine.family.Family;
import org.atelier.engine.family.Link;
import org.atelier.engine.family.NegativeBinomial;
import org.atelier.engine.family.QuasiBinomial;
import org.atelier.engine.frame.Column;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.linalg.LinearAlgebra;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.SpecColumn;
import org.atelier.engine.spec.SpecLimits;
import org.atelier.engine.spec.SpecRules;

/**
 * The engine's entry point: validates a ModelSpec against a Frame, fits it by IRLS (alternating with θ for an
 * estimated negative binomial) and computes summary.glm's inference.
 */
public final class GlmFitter {
    private GlmFitter() {
    }

    public static FittedModel fit(ModelSpec spec, Frame frame) {
        return fit(spec, frame, FitSettings.defaults());
    }

    public static FittedModel fit(ModelSpec spec, Frame frame, FitSettings settings) {
        return fit(spec, frame, settings, null);
    }

    /**
     * As {@link #fit(ModelSpec, Frame, FitSettings)}, IRLS starting from {@code etaStart} (η with the offset, one
     * value per training row, e.g. a larger model's fit for a drop-one test) instead of R's starting values; null
     * for R's. Penalized, smooth, monotone and estimated-θ fits start as usual.
     */
    public static FittedModel fit(ModelSpec spec, Frame frame, FitSettings settings, double[] etaStart) {
        long start = System.nanoTime();
        SpecRules.require(spec, columns(frame)); // the workbench's rules: what it lets through, the engine fits
        frame = HoldOut.training(spec, frame); // a spec with a hold-out is fitted on its training rows only
        FitOptions options = spec.fitOptions();
        boolean penalized = RegularizedFit.ElasticNetMix.requested(options);
        double theta = spec.theta() == null ? Double.NaN : spec.theta();
        Family family = Family.of(spec.family(), spec.varPower(), theta);
        Link link = spec.link() == null ? family.defaultLink() : Link.of(spec.link());
        if (frame.rowCount() == 0) {
            throw new ValidationError("The dataset has no rows");
        }
        List<String> roles = new ArrayList<>();
        roles.add(spec.response());
        if (spec.offset() != null) roles.add(spec.offset());
        if (spec.weights() != null) roles.add(spec.weights());
        if (hasTargetEncoding(spec)) {
            // target encodings learn from the response, weights and offset: those must be clean first (without
            // them the single check below names every bad column at once)
            Encoders.checkMissing(frame, roles.stream().distinct().toList());
        }
        int n = frame.rowCount();
        double[] y = Columns.numeric(frame, spec.response());
        double[] prior = priorWeights(frame, spec.weights(), n);
        double[] offset = spec.offset() == null ? null : offset(frame, spec.offset(), link);
        int nOk = 0;
        for (double w : prior) {
            if (w > 0) nOk++;
        }
        if (nOk == 0) {
            throw new ValidationError("Weights column '" + spec.weights() + "' is zero on every row");
        }
        checkResponse(spec.response(), y, prior, family);
        settings.monitor().onStage(FitMonitor.Stage.BUILDING_DESIGN, 0);

        List<TermEncoder> encoders = Encoders.learn(spec, frame, targetData(spec, frame, link, y, prior));
        List<String> used = new ArrayList<>(Encoders.columns(encoders));
        used.addAll(roles);
        Encoders.checkMissing(frame, used.stream().distinct().toList());

        DesignMatrix x = Encoders.trainingDesign(encoders, spec.intercept(), frame);
        int p = x.columns();
        String tooWide = SpecLimits.designColumns(p);
        if (tooWide != null) {
            throw new DesignMatrixError(tooWide);
        }
        if (p > nOk) {
            throw new DesignMatrixError("The model has " + p + " coefficients but only " + nOk + " rows with positive weight");
        }

        // A cross-validated path passes over the rows hundreds of times, so the kernels' warm-up pays back sooner.
        long passes = penalized && options.cv() != null ? (long) options.nAlphas() * (options.cv() + 1) : 1;
        LinearAlgebra backend = settings.resolve((int) Math.min(Integer.MAX_VALUE, n * passes), x.denseColumns());
        settings = new FitSettings(backend, settings.monitor(), settings.heap());
        List<SmoothingPenalty> smooths = PenalizedFits.smoothPenalties(encoders, x);
        int[] sign = PenalizedFits.monotoneSigns(spec, encoders, x); // SpecRules refused these with a penalty
        MemoryEstimate.of(x, options, penalized, !penalized && smooths.isEmpty() && sign == null).require(settings.heap());
        FitFinish.Data data = new FitFinish.Data(spec, link, encoders, x, y, prior, offset, nOk, settings, start);
        if (penalized) {
            return PenalizedFits.regularized(data, frame, family);
        }
        if (!smooths.isEmpty()) {
            return PenalizedFits.smooth(data, family, smooths);
        }
        if (sign != null) {
            return PenalizedFits.monotone(data, family, sign);
        }
        IrlsResult result;
        NormalEquations information;
        List<IterationTrace> trace = new ArrayList<>();
        IrlsProblem problem = data.problem(family);
        if (family instanceof NegativeBinomial nb && nb.thetaEstimated()) {
            ThetaEstimation estimation = ThetaEstimation.run(problem, options, settings, nOk - p);
            result = estimation.result();
            information = estimation.information();
            family = nb.withTheta(estimation.theta());
            trace.addAll(estimation.trace());
        } else {
            WeightedLeastSquares step = new WeightedLeastSquares();
            result = Irls.run(problem, step, options.maxIter(), options.tol(), etaStart, settings.monitor());
            information = step.information();
            trace.addAll(result.trace());
        }
        checkSeparation(family, spec.response(), y, prior, result.mu());
        if (!result.converged()) {
            IterationTrace last = trace.isEmpty() ? null : trace.getLast();
            throw new ConvergenceError("IRLS did not converge in " + options.maxIter() + " iterations"
                    + (last == null ? "" : String.format(" (last relative deviance change %.3g, tol %.3g)",
                    last.relativeChange(), options.tol())));
        }
        if (!information.isFullRank()) {
            // The working weights at the optimum can zero out a column (e.g. a level whose fitted means vanish).
            throw Aliasing.error("Singular information matrix at the fitted values", x,
                    information.gram(), information.aliased());
        }
        boolean thetaEstimated = spec.theta() == null && family instanceof NegativeBinomial;
        IrlsResult fit = result;
        return FitFinish.finish(data, new FitFinish.Estimates(family, result.beta(), result.mu(), result.deviance(),
                trace.size(), trace, p, thetaEstimated, true, () -> FitFinish.workingPearson(y, fit, link),
                dispersion -> information.inverse(dispersion).stored(), Double.NaN, null, List.of()));
    }

    /** The frame's columns as the spec rules see them (their level counts are the data checks' business). */
    static List<SpecColumn> columns(Frame frame) {
        return frame.columns().stream().map(c -> new SpecColumn(c.name(), c instanceof NumericColumn, SpecColumn.UNKNOWN))
                .toList();
    }

    static boolean hasTargetEncoding(ModelSpec spec) {
        return spec.terms().stream().anyMatch(t -> t.type() == org.atelier.engine.spec.TermType.TARGET_ENCODING)
                || spec.interactions().stream().anyMatch(i -> i.targetEncoding());
    }

    /**
     * What target encodings learn from: w·y over w·exposure, the exposure being the offset column itself for a
     * log-link model (a frequency model's statistic is then claims per unit of exposure, not per unit of log
     * exposure), else 1 per row.
     */
    static LevelEncoder.Target targetData(ModelSpec spec, Frame frame, Link link, double[] y, double[] prior) {
        int n = y.length;
        double[] exposure = spec.offset() != null && link == Link.LOG ? Columns.numeric(frame, spec.offset()) : null;
        double[] t = new double[n];
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = prior[i] * y[i];
            e[i] = prior[i] * (exposure == null ? 1 : exposure[i]);
        }
        return new LevelEncoder.Target(t, e, spec.fitOptions().seed() == null ? 0L : spec.fitOptions().seed());
    }

    static double[] priorWeights(Frame frame, String column, int n) {
        double[] prior = new double[n];
        if (column == null) {
            Arrays.fill(prior, 1.0);
            return prior;
        }
        double[] w = Columns.numeric(frame, column);
        int negative = 0;
        for (int i = 0; i < n; i++) {
            if (w[i] < 0) negative++;
            prior[i] = w[i];
        }
        if (negative > 0) {
            throw new ValidationError("Weights column '" + column + "' has " + negative + " negative rows: weights must be finite and >= 0");
        }
        return prior;
    }

    /** The offset as it enters η: log(exposure) for a log link (exposure must be > 0), as given otherwise. */
    static double[] offset(Frame frame, String column, Link link) {
        Column data = Columns.require(frame, column);
        if (!(data instanceof NumericColumn numeric)) {
            throw new ValidationError("Offset column '" + column + "' is not numeric");
        }
        double[] values = numeric.values();
        double[] out = new double[values.length];
        if (link != Link.LOG) {
            System.arraycopy(values, 0, out, 0, values.length);
            return out;
        }
        int bad = 0;
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] > 0)) bad++;
            out[i] = Math.log(values[i]);
        }
        if (bad > 0) {
            throw new FittingError("Offset column '" + column + "' has " + bad + " rows <= 0: a log-link offset is an exposure"
                    + " and its log is undefined there (zero values in offset column)",
                    "Remove or fix the rows with zero or negative exposure before fitting.");
        }
        return out;
    }

    private static void checkResponse(String name, double[] y, double[] prior, Family family) {
        int bad = 0;
        String why = null;
        double first = Double.NaN;
        boolean varies = false;
        for (int i = 0; i < y.length; i++) {
            if (prior[i] <= 0) continue;
            String reason = family.invalidResponse(y[i]);
            if (reason != null) {
                bad++;
                why = reason;
            }
            if (Double.isNaN(first)) {
                first = y[i];
            } else if (y[i] != first) {
                varies = true;
            }
        }
        if (bad > 0) {
            throw new ValidationError(String.format(Locale.ROOT, "Response '%s' has %,d invalid rows: %s", name, bad, why),
                    "Choose a family whose range holds '" + name + "' (Tweedie and Poisson allow zeros, Gamma needs"
                            + " values above 0, binomial proportions from 0 to 1), or fit only the rows in range,"
                            + " e.g. a severity model on the rows with a claim.");
        }
        if (!varies) {
            throw new FittingError("Response column '" + name + "' has no variation (every value is " + Columns.label(first) + ")",
                    "Check the response column; a model cannot be fit to a constant.");
        }
    }

    static void checkSeparation(Family family, String response, double[] y, double[] prior, double[] mu) {
        if (!(family instanceof Binomial) && !(family instanceof QuasiBinomial)) {
            return;
        }
        int separated = 0;
        for (int i = 0; i < y.length; i++) {
            if (prior[i] > 0 && ((mu[i] < 1e-10 && y[i] == 0) || (mu[i] > 1 - 1e-10 && y[i] == 1))) {
                separated++;
            }
        }
        if (separated > 0) {
            throw new FittingError("Perfect separation: " + separated + " rows have fitted probabilities numerically 0 or 1"
                    + " (some factor level or range predicts '" + response + "' exactly)",
                    "Remove or merge the factor levels that predict the response exactly, or use regularization.");
        }
    }

    /**
     * R's null deviance: intercept-only fit with the same offset and weights (a real IRLS fit when there is an
     * offset, the weighted mean otherwise); without an intercept, η = offset.
     */
    static double nullDeviance(boolean intercept, double[] y, double[] prior, double[] offset, Family family,
                                       Link link, double[] fittedMu, FitOptions options, FitSettings settings) {
        int n = y.length;
        double[] mu = new double[n];
        if (!intercept) {
            for (int i = 0; i < n; i++) {
                mu[i] = link.inverse(offset == null ? 0 : offset[i]);
            }
            return family.deviance(y, mu, prior);
        }
        if (offset == null) {
            double sw = 0;
            double swy = 0;
            for (int i = 0; i < n; i++) {
                sw += prior[i];
                swy += prior[i] * y[i];
            }
            Arrays.fill(mu, swy / sw);
            return family.deviance(y, mu, prior);
        }
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        DesignMatrix interceptOnly = new DesignMatrix(n, List.of(
                new org.atelier.engine.design.Block.Dense("Intercept", "Intercept", ones)));
        double[] etaStart = new double[n];
        for (int i = 0; i < n; i++) {
            etaStart[i] = link.link(fittedMu[i]);
        }
        return Irls.run(new IrlsProblem(interceptOnly, y, prior, offset, family, link, settings.backend()),
                new WeightedLeastSquares(), Math.max(options.maxIter(), 50), options.tol(), etaStart, FitMonitor.NONE)
                .deviance();
    }
}
