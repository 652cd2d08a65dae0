package org.atelier.engine.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.atelier.engine.design.Columns;
import org.atelier.engine.design.DesignMatrix;
import org.atelier.engine.design.Encoders;
import org.atelier.engine.design.ExpressionEncoder;
import org.atelier.engine.design.LevelEncoder;
import org.atelier.engine.design.LinearEncoder;
import org.atelier.engine.design.SplineEncoder;
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
import org.atelier.engine.linalg.Cholesky;
import org.atelier.engine.linalg.LinearAlgebra;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.ModelSpec;

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
        long start = System.nanoTime();
        FitOptions options = spec.fitOptions();
        boolean penalised = RegularizedFit.Penalty.requested(options);
        if (penalised) {
            RegularizedFit.Penalty.of(options); // option errors before any data is read
        }
        if (options.maxIter() < 1 || !(options.tol() > 0)) {
            throw new ValidationError("max_iter must be at least 1 and tol positive (got " + options.maxIter() + ", " + options.tol() + ")");
        }
        double theta = spec.theta() == null ? Double.NaN : spec.theta();
        if (spec.theta() != null && !(theta > 0 && Double.isFinite(theta))) {
            throw new ValidationError("theta must be positive, got " + spec.theta());
        }
        Family family = Family.of(spec.family(), spec.varPower(), theta);
        Link link = spec.link() == null ? family.canonicalLink() : Link.of(spec.link());
        if (!family.allowedLinks().contains(link)) {
            throw new ValidationError("The " + link.id() + " link is not available for the " + family.id()
                    + " family (allowed: " + family.allowedLinks().stream().map(Link::id).toList() + ")");
        }
        if (spec.response() == null || frame.column(spec.response()).isEmpty()) {
            throw new ValidationError("Response column '" + spec.response() + "' is not in the dataset");
        }
        if (spec.terms().isEmpty() && !spec.intercept()) {
            throw new ValidationError("The model has no terms and no intercept");
        }
        for (String role : new String[] {spec.offset(), spec.weights()}) {
            if (role != null && frame.column(role).isEmpty()) {
                throw new ValidationError("Column '" + role + "' (" + (role.equals(spec.offset()) ? "offset" : "weights")
                        + ") is not in the dataset");
            }
        }
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

        List<TermEncoder> encoders = Encoders.learn(spec, frame, targetData(spec, frame, link, y, prior));
        List<String> used = new ArrayList<>(Encoders.columns(encoders));
        used.addAll(roles);
        Encoders.checkMissing(frame, used.stream().distinct().toList());

        DesignMatrix x = Encoders.trainingDesign(encoders, spec.intercept(), frame);
        int p = x.columns();
        if (p > nOk) {
            throw new DesignMatrixError("The model has " + p + " coefficients but only " + nOk + " rows with positive weight");
        }

        LinearAlgebra backend = settings.resolve(n, x.denseColumns());
        settings = new FitSettings(backend, settings.monitor());
        List<SmoothIrls.Penalty> smooths = smoothPenalties(encoders, x);
        if (penalised && !smooths.isEmpty()) {
            throw new ValidationError("Regularization together with penalized smooths is not supported: give the splines df,"
                    + " or fit without regularization");
        }
        if (penalised) {
            return penalisedFit(spec, frame, family, link, encoders, x, y, prior, offset, nOk, settings, start);
        }
        int[] sign = monotoneSigns(spec, encoders, x);
        if (sign != null && (penalised || !smooths.isEmpty())) {
            throw new ValidationError("Monotonicity constraints together with " + (penalised ? "regularization" : "penalized smooths")
                    + " are not supported");
        }
        if (!smooths.isEmpty()) {
            return smoothFit(spec, family, link, encoders, x, y, prior, offset, nOk, settings, start, smooths);
        }
        if (sign != null) {
            return monotoneFit(spec, family, link, encoders, x, y, prior, offset, nOk, settings, start, sign);
        }
        IrlsResult result;
        List<IterationTrace> trace = new ArrayList<>();
        if (family instanceof NegativeBinomial nb && nb.thetaEstimated()) {
            ThetaEstimation estimation = ThetaEstimation.run(x, y, prior, offset, link, options, settings, nOk - p);
            result = estimation.result();
            family = nb.withTheta(estimation.theta());
            trace.addAll(estimation.trace());
        } else {
            result = new Irls(x, y, prior, offset, family, link, settings.backend())
                    .run(options.maxIter(), options.tol(), null, settings.monitor());
            trace.addAll(result.trace());
        }
        checkSeparation(family, spec.response(), y, prior, result.mu());
        if (!result.converged()) {
            IterationTrace last = trace.isEmpty() ? null : trace.getLast();
            throw new ConvergenceError("IRLS did not converge in " + options.maxIter() + " iterations"
                    + (last == null ? "" : String.format(" (last relative deviance change %.3g, tol %.3g)",
                    last.relativeChange(), options.tol())));
        }

        double nullDeviance = nullDeviance(spec.intercept(), y, prior, offset, family, link, result.mu(), options, settings);
        int dfResid = nOk - p;
        double dispersion = family.estimatesDispersion() ? pearsonDispersion(y, result, link, dfResid) : 1;
        Cholesky finalGram = Cholesky.factor(result.gram(), p);
        if (!finalGram.isFullRank()) {
            // The working weights at the optimum can zero out a column (e.g. a level whose fitted means vanish).
            throw new DesignMatrixError("Singular information matrix at the fitted values: aliased columns "
                    + String.join(", ", finalGram.aliased().stream().map(x.featureNames()::get).toList())
                    + "; remove or merge those levels");
        }
        double[] covariance = finalGram.inverse();
        for (int i = 0; i < covariance.length; i++) {
            covariance[i] *= dispersion;
        }
        double aic = Double.NaN;
        double bic = Double.NaN;
        boolean thetaEstimated = spec.theta() == null && family instanceof NegativeBinomial;
        if (family.hasLikelihood()) {
            aic = family.aicTerm(y, result.mu(), prior, result.deviance()) + 2 * p + (thetaEstimated ? 2 : 0);
            int parameters = p + family.extraParameters() + (thetaEstimated ? 1 : 0);
            bic = aic + (Math.log(nOk) - 2) * parameters;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        FitStatistics stats = new FitStatistics(true, trace.size(), result.deviance(), nullDeviance, aic, bic,
                p - (spec.intercept() ? 1 : 0), dfResid, n, dispersion,
                family instanceof NegativeBinomial nb ? nb.theta() : Double.NaN, family.estimatesDispersion(), millis,
                settings.backend().name());
        return new FittedModel(spec, family, link, encoders, x.featureNames(), x.factorNames(), result.beta(),
                covariance, stats, trace);
    }

    private static FittedModel penalisedFit(ModelSpec spec, Frame frame, Family family, Link link,
                                            List<TermEncoder> encoders, DesignMatrix x, double[] y, double[] prior,
                                            double[] offset, int nOk, FitSettings settings, long start) {
        if (family instanceof NegativeBinomial nb && nb.thetaEstimated()) {
            throw new ValidationError("A penalised negative binomial fit needs a fixed theta: set theta");
        }
        FitOptions options = spec.fitOptions();
        RegularizedFit.Folds folds = folds(spec, frame, link, encoders);
        RegularizedFit.Result result = RegularizedFit.run(new RegularizedFit.Problem(x, y, prior, offset),
                spec.intercept(), family, link, options, folds, settings, x.featureNames());
        if (!result.converged()) {
            throw new ConvergenceError("The penalised IRLS did not converge in " + RegularizedFit.MAX_ITERATIONS
                    + " iterations at some alpha");
        }
        checkSeparation(family, spec.response(), y, prior, result.mu());
        int p = x.columns();
        double nullDeviance = nullDeviance(spec.intercept(), y, prior, offset, family, link, result.mu(), options, settings);
        int nonZero = result.regularization().selectedFeatures().size();
        int dfResid = nOk - nonZero - (spec.intercept() ? 1 : 0);
        double dispersion = 1;
        if (family.estimatesDispersion()) {
            double pearson = 0;
            for (int i = 0; i < y.length; i++) {
                if (prior[i] > 0) {
                    double r = y[i] - result.mu()[i];
                    pearson += prior[i] * r * r / family.variance(result.mu()[i]);
                }
            }
            dispersion = dfResid > 0 ? pearson / dfResid : Double.NaN;
        }
        double[] covariance = new double[p * p];
        Arrays.fill(covariance, Double.NaN);
        long millis = (System.nanoTime() - start) / 1_000_000;
        // no AIC/BIC: the penalised fit has no agreed number of parameters
        FitStatistics stats = new FitStatistics(true, result.iterations(), result.deviance(), nullDeviance, Double.NaN,
                Double.NaN, nonZero, dfResid, y.length, dispersion,
                family instanceof NegativeBinomial nb ? nb.theta() : Double.NaN, family.estimatesDispersion(), millis,
                settings.backend().name());
        return new FittedModel(spec, family, link, encoders, x.featureNames(), x.factorNames(), result.beta(),
                covariance, stats, List.of(), result.regularization(), List.of());
    }

    /** Per design column: +1 / -1 where a monotone term constrains the coefficient's sign, 0 elsewhere; null if none. */
    private static int[] monotoneSigns(ModelSpec spec, List<TermEncoder> encoders, DesignMatrix x) {
        int[] sign = new int[x.columns()];
        boolean any = false;
        for (TermEncoder encoder : encoders) {
            List<String> features = new ArrayList<>();
            int direction = 0;
            if (encoder instanceof SplineEncoder spline && spline.direction() != 0) {
                direction = spline.direction();
                for (int j = 1; j <= spline.df(); j++) {
                    features.add(spline.kind() + "(" + spline.column() + ", " + j + "/" + spline.df() + ")");
                }
            } else if (encoder instanceof LinearEncoder || encoder instanceof ExpressionEncoder) {
                for (var term : spec.terms()) {
                    if (term.name().equals(encoder.name()) && term.monotonicity() != null) {
                        direction = term.monotonicity().equals("increasing") ? 1 : -1;
                        features.add(encoder.name());
                    }
                }
            }
            for (String feature : features) {
                sign[x.featureNames().indexOf(feature)] = direction;
                any = true;
            }
        }
        return any ? sign : null;
    }

    private static FittedModel monotoneFit(ModelSpec spec, Family family, Link link, List<TermEncoder> encoders,
                                           DesignMatrix x, double[] y, double[] prior, double[] offset, int nOk,
                                           FitSettings settings, long start, int[] sign) {
        if (family instanceof NegativeBinomial nb && nb.thetaEstimated()) {
            throw new ValidationError("Monotone effects with a negative binomial need a fixed theta: set theta");
        }
        FitOptions options = spec.fitOptions();
        int maxIter = Math.max(options.maxIter(), 50);
        MonotoneIrls.Result result = new MonotoneIrls(x, y, prior, offset, family, link, settings.backend(), sign)
                .run(maxIter, options.tol(), settings.monitor());
        if (!result.converged()) {
            throw new ConvergenceError("Sign-constrained IRLS did not converge in " + maxIter + " iterations");
        }
        checkSeparation(family, spec.response(), y, prior, result.mu());
        int p = x.columns();
        // coefficients held at their bound are not estimated: inference covers the free ones only
        List<Integer> free = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            if (sign[j] == 0 || result.beta()[j] != 0) free.add(j);
        }
        int m = free.size();
        double[] sub = new double[m * m];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                sub[a * m + b] = result.gram()[free.get(a) * p + free.get(b)];
            }
        }
        Cholesky chol = Cholesky.factor(sub, m);
        if (!chol.isFullRank()) {
            throw new DesignMatrixError("Singular information matrix at the constrained fit: aliased columns "
                    + chol.aliased().stream().map(i -> x.featureNames().get(free.get(i))).toList());
        }
        double[] inverse = chol.inverse();
        int dfResid = nOk - m;
        double dispersion = 1;
        if (family.estimatesDispersion()) {
            double pearson = 0;
            for (int i = 0; i < y.length; i++) {
                if (prior[i] > 0) {
                    double r = y[i] - result.mu()[i];
                    pearson += prior[i] * r * r / family.variance(result.mu()[i]);
                }
            }
            dispersion = dfResid > 0 ? pearson / dfResid : Double.NaN;
        }
        // a coefficient held at its bound gets zero variance (inference conditional on the active set), so curve
        // bands stay defined; its z statistic is then undefined (NaN)
        double[] covariance = new double[p * p];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                covariance[free.get(a) * p + free.get(b)] = inverse[a * m + b] * dispersion;
            }
        }
        double nullDeviance = nullDeviance(spec.intercept(), y, prior, offset, family, link, result.mu(), options, settings);
        double aic = Double.NaN;
        double bic = Double.NaN;
        if (family.hasLikelihood()) {
            aic = family.aicTerm(y, result.mu(), prior, result.deviance()) + 2 * m;
            bic = aic + (Math.log(nOk) - 2) * (m + family.extraParameters());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        FitStatistics stats = new FitStatistics(true, result.iterations(), result.deviance(), nullDeviance, aic, bic,
                m - (spec.intercept() ? 1 : 0), dfResid, y.length, dispersion,
                family instanceof NegativeBinomial nb ? nb.theta() : Double.NaN, family.estimatesDispersion(), millis,
                settings.backend().name());
        return new FittedModel(spec, family, link, encoders, x.featureNames(), x.factorNames(), result.beta(), covariance,
                stats, result.trace(), null, List.of());
    }

    /** The penalty of every penalized spline, placed at its columns in the design. */
    private static List<SmoothIrls.Penalty> smoothPenalties(List<TermEncoder> encoders, DesignMatrix x) {
        List<SmoothIrls.Penalty> out = new ArrayList<>();
        for (TermEncoder encoder : encoders) {
            if (encoder instanceof SplineEncoder spline && spline.penalized()) {
                String first = spline.encode(new Frame(List.of(new NumericColumn(spline.column(), new double[] {spline.basis().lower()}, false))))
                        .getFirst().features().getFirst();
                out.add(new SmoothIrls.Penalty(spline.column(), x.featureNames().indexOf(first), spline.df(), spline.penalty()));
            }
        }
        return out;
    }

    private static FittedModel smoothFit(ModelSpec spec, Family family, Link link, List<TermEncoder> encoders,
                                         DesignMatrix x, double[] y, double[] prior, double[] offset, int nOk,
                                         FitSettings settings, long start, List<SmoothIrls.Penalty> penalties) {
        if (family instanceof NegativeBinomial nb && nb.thetaEstimated()) {
            throw new ValidationError("Penalized smooths with a negative binomial need a fixed theta: set theta");
        }
        FitOptions options = spec.fitOptions();
        int maxIter = Math.max(options.maxIter(), 50);
        SmoothIrls.Result result = new SmoothIrls(x, y, prior, offset, family, link, settings.backend(), penalties)
                .run(maxIter, options.tol(), null, settings.monitor());
        if (!result.converged()) {
            throw new ConvergenceError("Penalized IRLS (smoothing parameters by GCV) did not converge in " + maxIter + " iterations");
        }
        checkSeparation(family, spec.response(), y, prior, result.mu());
        int p = x.columns();
        double edfTotal = 0;
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                edfTotal += result.penalizedInverse()[a * p + b] * result.gram()[b * p + a];
            }
        }
        double residualDf = nOk - edfTotal;
        double dispersion = 1;
        if (family.estimatesDispersion()) {
            double pearson = 0;
            for (int i = 0; i < y.length; i++) {
                if (prior[i] > 0) {
                    double r = y[i] - result.mu()[i];
                    pearson += prior[i] * r * r / family.variance(result.mu()[i]);
                }
            }
            dispersion = pearson / residualDf;
        }
        double[] covariance = result.penalizedInverse().clone();
        for (int i = 0; i < covariance.length; i++) {
            covariance[i] *= dispersion;
        }
        double nullDeviance = nullDeviance(spec.intercept(), y, prior, offset, family, link, result.mu(), options, settings);
        double aic = Double.NaN;
        double bic = Double.NaN;
        if (family.hasLikelihood()) {
            aic = family.aicTerm(y, result.mu(), prior, result.deviance()) + 2 * edfTotal;
            bic = aic + (Math.log(nOk) - 2) * (edfTotal + family.extraParameters());
        }
        List<Smooth> smooths = new ArrayList<>();
        for (int m = 0; m < penalties.size(); m++) {
            smooths.add(new Smooth(penalties.get(m).term(), penalties.get(m).k(), result.lambdas()[m], result.edf()[m]));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        FitStatistics stats = new FitStatistics(true, result.iterations(), result.deviance(), nullDeviance, aic, bic,
                (int) Math.round(edfTotal - (spec.intercept() ? 1 : 0)), (int) Math.round(residualDf), y.length, dispersion,
                family instanceof NegativeBinomial nb ? nb.theta() : Double.NaN, family.estimatesDispersion(), millis,
                settings.backend().name());
        return new FittedModel(spec, family, link, encoders, x.featureNames(), x.factorNames(), result.beta(), covariance,
                stats, result.trace(), null, smooths);
    }

    /**
     * A fold's training and validation problems. Levels and knots come from the full data (no response involved);
     * target statistics are re-learned on the training rows only, so a validation fold never sees its own responses.
     */
    static RegularizedFit.Folds folds(ModelSpec spec, Frame frame, Link link, List<TermEncoder> encoders) {
        return (trainRows, validationRows) -> {
            Frame train = frame.rows(trainRows);
            Frame validation = frame.rows(validationRows);
            double[] yTrain = Columns.numeric(train, spec.response());
            double[] priorTrain = priorWeights(train, spec.weights(), trainRows.length);
            LevelEncoder.Target target = hasTargetEncoding(spec) ? targetData(spec, train, link, yTrain, priorTrain) : null;
            List<TermEncoder> foldEncoders = encoders.stream()
                    .map(e -> e instanceof LevelEncoder l ? (TermEncoder) l.relearn(train, target) : e).toList();
            return new RegularizedFit.Problem[] {
                    new RegularizedFit.Problem(Encoders.trainingDesign(foldEncoders, spec.intercept(), train), yTrain,
                            priorTrain, spec.offset() == null ? null : offset(train, spec.offset(), link)),
                    new RegularizedFit.Problem(Encoders.design(foldEncoders, spec.intercept(), validation),
                            Columns.numeric(validation, spec.response()),
                            priorWeights(validation, spec.weights(), validationRows.length),
                            spec.offset() == null ? null : offset(validation, spec.offset(), link))};
        };
    }

    private static boolean hasTargetEncoding(ModelSpec spec) {
        return spec.terms().stream().anyMatch(t -> "target_encoding".equals(t.type()))
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

    /**
     * Pearson χ² / df_resid as summary.glm computes it: Σ W (y - μ)² / μ'(η)² with the last iteration's working
     * weights W = w μ'² / V (so, at convergence, Σ w (y - μ)² / V(μ)).
     */
    private static double pearsonDispersion(double[] y, IrlsResult result, Link link, int dfResid) {
        double pearson = 0;
        double[] w = result.workingWeights();
        for (int i = 0; i < y.length; i++) {
            if (w[i] > 0) {
                double r = (y[i] - result.mu()[i]) / link.muEta(result.eta()[i]);
                pearson += w[i] * r * r;
            }
        }
        return dfResid > 0 ? pearson / dfResid : Double.NaN;
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
            throw new ValidationError("Response '" + name + "' has " + bad + " invalid rows: " + why);
        }
        if (!varies) {
            throw new FittingError("Response column '" + name + "' has no variation (every value is " + Columns.label(first) + ")",
                    "Check the response column; a model cannot be fit to a constant.");
        }
    }

    private static void checkSeparation(Family family, String response, double[] y, double[] prior, double[] mu) {
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
    private static double nullDeviance(boolean intercept, double[] y, double[] prior, double[] offset, Family family,
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
        IrlsResult fit = new Irls(interceptOnly, y, prior, offset, family, link, settings.backend())
                .run(Math.max(options.maxIter(), 50), options.tol(), etaStart, FitMonitor.NONE);
        return fit.deviance();
    }
}
