package org.atelier.engine.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.engine.design.Block;
import org.atelier.engine.design.Columns;
import org.atelier.engine.design.DesignMatrix;
import org.atelier.engine.design.ExpressionEncoder;
import org.atelier.engine.design.LevelEncoder;
import org.atelier.engine.design.LinearEncoder;
import org.atelier.engine.design.SplineEncoder;
import org.atelier.engine.design.TermEncoder;
import org.atelier.engine.error.ConvergenceError;
import org.atelier.engine.error.DesignMatrixError;
import org.atelier.engine.family.Family;
import org.atelier.engine.family.Link;
import org.atelier.engine.family.NegativeBinomial;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.linalg.Cholesky;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.ModelSpec;

/**
 * The fits {@link GlmFitter} hands over once the design is built, when the estimates are not plain maximum
 * likelihood: penalized (ridge/lasso/elastic net, with their path and cross-validation), smoothed (penalized
 * splines with λ by GCV) or sign-constrained (monotone effects). Each returns a complete {@link FittedModel}.
 */
final class PenalizedFits {
    private PenalizedFits() {
    }

    static FittedModel regularized(ModelSpec spec, Frame frame, Family family, Link link,
                                            List<TermEncoder> encoders, DesignMatrix x, double[] y, double[] prior,
                                            double[] offset, int nOk, FitSettings settings, long start) {
        FitOptions options = spec.fitOptions();
        RegularizedFit.Folds folds = folds(spec, frame, link, encoders);
        RegularizedFit.Result result = RegularizedFit.run(new RegularizedFit.Problem(x, y, prior, offset),
                spec.intercept(), family, link, options, folds, settings, x.featureNames());
        if (!result.converged()) {
            throw new ConvergenceError("The penalized IRLS did not converge in " + RegularizedFit.MAX_ITERATIONS
                    + " iterations at some alpha");
        }
        GlmFitter.checkSeparation(family, spec.response(), y, prior, result.mu());
        int p = x.columns();
        double nullDeviance = result.nullDeviance(); // the λ = ∞ fit: intercept (and offset) only
        int nonZero = result.regularization().selectedFeatures().size();
        int dfResid = nOk - nonZero - (spec.intercept() ? 1 : 0);
        double dispersion = 1;
        if (family.estimatesDispersion()) {
            double pearson = pearsonChiSquare(y, prior, result.mu(), family);
            dispersion = dfResid > 0 ? pearson / dfResid : Double.NaN;
        }
        double[] covariance = new double[p * p];
        Arrays.fill(covariance, Double.NaN);
        long millis = (System.nanoTime() - start) / 1_000_000;
        // no AIC/BIC: the penalized fit has no agreed number of parameters
        FitStatistics stats = new FitStatistics(true, result.iterations(), result.deviance(), nullDeviance, Double.NaN,
                Double.NaN, nonZero, dfResid, y.length, dispersion,
                family instanceof NegativeBinomial nb ? nb.theta() : Double.NaN, family.estimatesDispersion(), millis,
                settings.backend().name());
        return new FittedModel(spec, family, link, encoders, x.featureNames(), x.factorNames(), result.beta(),
                covariance, stats, List.of(), result.regularization(), List.of());
    }

    /** Per design column: +1 / -1 where a monotone term constrains the coefficient's sign, 0 elsewhere; null if none. */
    static int[] monotoneSigns(ModelSpec spec, List<TermEncoder> encoders, DesignMatrix x) {
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
                        direction = term.monotonicity().direction();
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

    static FittedModel monotone(ModelSpec spec, Family family, Link link, List<TermEncoder> encoders,
                                           DesignMatrix x, double[] y, double[] prior, double[] offset, int nOk,
                                           FitSettings settings, long start, int[] sign) {
        FitOptions options = spec.fitOptions();
        int maxIter = Math.max(options.maxIter(), 50);
        MonotoneIrls.Result result = new MonotoneIrls(x, y, prior, offset, family, link, settings.backend(), sign)
                .run(maxIter, options.tol(), settings.monitor());
        if (!result.converged()) {
            throw new ConvergenceError("Sign-constrained IRLS did not converge in " + maxIter + " iterations");
        }
        GlmFitter.checkSeparation(family, spec.response(), y, prior, result.mu());
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
            double pearson = pearsonChiSquare(y, prior, result.mu(), family);
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
        double nullDeviance = GlmFitter.nullDeviance(spec.intercept(), y, prior, offset, family, link, result.mu(), options, settings);
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
    static List<SmoothIrls.Penalty> smoothPenalties(List<TermEncoder> encoders, DesignMatrix x) {
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

    static FittedModel smooth(ModelSpec spec, Family family, Link link, List<TermEncoder> encoders,
                                         DesignMatrix x, double[] y, double[] prior, double[] offset, int nOk,
                                         FitSettings settings, long start, List<SmoothIrls.Penalty> penalties) {
        FitOptions options = spec.fitOptions();
        int maxIter = Math.max(options.maxIter(), 50);
        SmoothIrls.Result result = new SmoothIrls(x, y, prior, offset, family, link, settings.backend(), penalties)
                .run(maxIter, options.tol(), null, settings.monitor());
        if (!result.converged()) {
            throw new ConvergenceError("Penalized IRLS (smoothing parameters by GCV) did not converge in " + maxIter + " iterations");
        }
        GlmFitter.checkSeparation(family, spec.response(), y, prior, result.mu());
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
            double pearson = pearsonChiSquare(y, prior, result.mu(), family);
            dispersion = pearson / residualDf;
        }
        double[] covariance = result.penalizedInverse().clone();
        for (int i = 0; i < covariance.length; i++) {
            covariance[i] *= dispersion;
        }
        double nullDeviance = GlmFitter.nullDeviance(spec.intercept(), y, prior, offset, family, link, result.mu(), options, settings);
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
     * What a fold re-learns: levels and knots come from the full data (no response involved), and so do frequency
     * encodings; target statistics are re-learned on the training rows only, so a validation fold never sees its own
     * responses. Only those columns differ from the full design, so only they are encoded again, from the encoded
     * columns' values and the full data's target rows picked at the fold's rows.
     */
    static RegularizedFit.Folds folds(ModelSpec spec, Frame frame, Link link, List<TermEncoder> encoders) {
        List<LevelEncoder> relearned = encoders.stream()
                .filter(e -> e instanceof LevelEncoder l && l.learnsFromResponse()).map(e -> (LevelEncoder) e).toList();
        if (relearned.isEmpty()) {
            return RegularizedFit.ROWS;
        }
        double[] y = Columns.numeric(frame, spec.response());
        LevelEncoder.Target target = GlmFitter.targetData(spec, frame, link, y,
                GlmFitter.priorWeights(frame, spec.weights(), frame.rowCount()));
        return (trainRows, validationRows) -> {
            LevelEncoder.Target trainTarget = new LevelEncoder.Target(DesignMatrix.pick(target.target(), trainRows),
                    DesignMatrix.pick(target.exposure(), trainRows), target.seed());
            Map<String, double[]> out = new LinkedHashMap<>();
            for (LevelEncoder encoder : relearned) {
                Frame columns = new Frame(encoder.columns().stream().map(c -> Columns.require(frame, c)).toList());
                Frame train = columns.rows(trainRows);
                Frame validation = columns.rows(validationRows);
                LevelEncoder fold = encoder.relearn(train, trainTarget);
                double[] values = new double[frame.rowCount()];
                scatter(dense(fold.encodeTraining(train)), trainRows, values);
                scatter(dense(fold.encode(validation)), validationRows, values);
                out.put(encoder.feature(), values);
            }
            return out;
        };
    }

    private static double[] dense(List<Block> blocks) {
        return ((Block.Dense) blocks.getFirst()).values();
    }

    private static void scatter(double[] values, int[] rows, double[] into) {
        for (int i = 0; i < rows.length; i++) {
            into[rows[i]] = values[i];
        }
    }

    /**
     * Pearson's χ² at the fitted means, Σ w (y - μ)² / V(μ). A penalized or constrained fit has no summary.glm
     * working weights to reuse, so the dispersion is taken from the prior weights and the variance function.
     */
    private static double pearsonChiSquare(double[] y, double[] prior, double[] mu, Family family) {
        double pearson = 0;
        for (int i = 0; i < y.length; i++) {
            if (prior[i] > 0) {
                double r = y[i] - mu[i];
                pearson += prior[i] * r * r / family.variance(mu[i]);
            }
        }
        return pearson;
    }
}
