package org.atelier.engine.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.engine.design.Block;
import org.atelier.engine.design.ColumnRange;
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
import org.atelier.engine.linalg.Cholesky;
import org.atelier.engine.spec.ModelSpec;

/**
 * The fits {@link GlmFitter} hands over once the design is built, when the estimates are not plain maximum
 * likelihood: penalized (ridge/lasso/elastic net, with their path and cross-validation), smoothed (penalized
 * splines with λ by GCV) or sign-constrained (monotone effects). Each returns a complete {@link FittedModel}.
 */
final class PenalizedFits {
    private PenalizedFits() {
    }

    static FittedModel regularized(FitFinish.Data data, Frame frame, Family family) {
        ModelSpec spec = data.spec();
        DesignMatrix x = data.x();
        RegularizedFit.Folds folds = folds(spec, frame, data.link(), data.encoders());
        RegularizedFit.Result result = RegularizedFit.run(new RegularizedFit.Problem(x, data.y(), data.prior(), data.offset()),
                spec.intercept(), family, data.link(), spec.fitOptions(), folds, data.settings(), x.featureNames());
        if (!result.converged()) {
            throw new ConvergenceError("The penalized IRLS did not converge in " + spec.fitOptions().maxIter()
                    + " iterations at some alpha");
        }
        GlmFitter.checkSeparation(family, spec.response(), data.y(), data.prior(), result.mu());
        int p = x.columns();
        // the non-zero coefficients are the model's; no AIC/BIC: the penalized fit has no agreed number of parameters
        int parameters = result.regularization().selectedFeatures().size() + (spec.intercept() ? 1 : 0);
        return FitFinish.finish(data, new FitFinish.Estimates(family, result.beta(), result.mu(), result.deviance(),
                result.iterations(), result.trace(), parameters, false, false,
                () -> FitFinish.pearson(data.y(), data.prior(), result.mu(), family), dispersion -> {
                    double[] covariance = new double[p * p];
                    Arrays.fill(covariance, Double.NaN);
                    return covariance;
                }, result.nullDeviance(), result.regularization(), List.of()));
    }

    /** Per design column: +1 / -1 where a monotone term constrains the coefficient's sign, 0 elsewhere; null if none. */
    static int[] monotoneSigns(ModelSpec spec, List<TermEncoder> encoders, DesignMatrix x) {
        int[] sign = new int[x.columns()];
        boolean any = false;
        for (TermEncoder encoder : encoders) {
            int direction = 0;
            if (encoder instanceof SplineEncoder spline) {
                direction = spline.direction();
            } else if (encoder instanceof LinearEncoder || encoder instanceof ExpressionEncoder) {
                for (var term : spec.terms()) {
                    if (term.name().equals(encoder.name()) && term.monotonicity() != null) {
                        direction = term.monotonicity().direction();
                    }
                }
            }
            if (direction != 0) {
                ColumnRange columns = x.columnsOf(encoder);
                Arrays.fill(sign, columns.from(), columns.to(), direction);
                any = true;
            }
        }
        return any ? sign : null;
    }

    static FittedModel monotone(FitFinish.Data data, Family family, int[] sign) {
        ModelSpec spec = data.spec();
        DesignMatrix x = data.x();
        int maxIter = Math.max(spec.fitOptions().maxIter(), 50);
        IrlsProblem problem = data.problem(family);
        IrlsResult result = Irls.run(problem, new SignConstrainedStep(sign), maxIter, spec.fitOptions().tol(), null,
                data.settings().monitor());
        if (!result.converged()) {
            throw new ConvergenceError("Sign-constrained IRLS did not converge in " + maxIter + " iterations");
        }
        GlmFitter.checkSeparation(family, spec.response(), data.y(), data.prior(), result.mu());
        double[] gram = finalGram(problem, result);
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
                sub[a * m + b] = gram[free.get(a) * p + free.get(b)];
            }
        }
        Cholesky chol = Cholesky.factor(sub, m);
        if (!chol.isFullRank()) {
            throw new DesignMatrixError("Singular information matrix at the constrained fit: aliased columns "
                    + chol.aliased().stream().map(i -> x.featureNames().get(free.get(i))).toList());
        }
        double[] inverse = chol.inverse();
        // a coefficient held at its bound gets zero variance (inference conditional on the active set), so curve
        // bands stay defined; its z statistic is then undefined (NaN)
        return FitFinish.finish(data, new FitFinish.Estimates(family, result.beta(), result.mu(), result.deviance(),
                result.iterations(), result.trace(), m, false, true,
                () -> FitFinish.pearson(data.y(), data.prior(), result.mu(), family), dispersion -> {
                    double[] covariance = new double[p * p];
                    for (int a = 0; a < m; a++) {
                        for (int b = 0; b < m; b++) {
                            covariance[free.get(a) * p + free.get(b)] = inverse[a * m + b] * dispersion;
                        }
                    }
                    return covariance;
                }, Double.NaN, null, List.of()));
    }

    /** The penalty of every penalized spline, placed at its columns in the design. */
    static List<SmoothingPenalty> smoothPenalties(List<TermEncoder> encoders, DesignMatrix x) {
        List<SmoothingPenalty> out = new ArrayList<>();
        for (TermEncoder encoder : encoders) {
            if (encoder instanceof SplineEncoder spline && spline.penalized()) {
                out.add(new SmoothingPenalty(spline.column(), x.columnsOf(spline), spline.penalty()));
            }
        }
        return out;
    }

    static FittedModel smooth(FitFinish.Data data, Family family, List<SmoothingPenalty> penalties) {
        ModelSpec spec = data.spec();
        int maxIter = Math.max(spec.fitOptions().maxIter(), 50);
        IrlsProblem problem = data.problem(family);
        SmoothingStep step = new SmoothingStep(problem, penalties);
        IrlsResult result = Irls.run(problem, step, maxIter, spec.fitOptions().tol(), null, data.settings().monitor());
        if (!result.converged()) {
            throw new ConvergenceError("Penalized IRLS (smoothing parameters by GCV) did not converge in " + maxIter + " iterations");
        }
        GlmFitter.checkSeparation(family, spec.response(), data.y(), data.prior(), result.mu());
        SmoothingStep.Influence influence = step.influence(problem, result);
        int p = data.x().columns();
        double edfTotal = 0;
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                edfTotal += influence.penalizedInverse()[a * p + b] * influence.gram()[b * p + a];
            }
        }
        List<Smooth> smooths = new ArrayList<>();
        for (int m = 0; m < penalties.size(); m++) {
            smooths.add(new Smooth(penalties.get(m).term(), penalties.get(m).k(), influence.lambdas()[m], influence.edf()[m]));
        }
        return FitFinish.finish(data, new FitFinish.Estimates(family, result.beta(), result.mu(), result.deviance(),
                result.iterations(), result.trace(), edfTotal, false, true,
                () -> FitFinish.pearson(data.y(), data.prior(), result.mu(), family), dispersion -> {
                    double[] covariance = influence.penalizedInverse().clone();
                    for (int i = 0; i < covariance.length; i++) {
                        covariance[i] *= dispersion;
                    }
                    return covariance;
                }, Double.NaN, null, smooths));
    }

    /** X'WX at the working weights of {@code fit}'s final η and μ (a constrained fit's information). */
    private static double[] finalGram(IrlsProblem problem, IrlsResult fit) {
        double[] w = new double[problem.rows()];
        problem.workingWeights(fit.eta(), fit.mu(), w, new double[w.length]);
        return problem.x().gram(w, problem.kernel());
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
}
