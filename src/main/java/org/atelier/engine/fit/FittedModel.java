package org.atelier.engine.fit;

import java.util.ArrayList;
import java.util.List;
import org.atelier.engine.design.DesignMatrix;
import org.atelier.engine.design.Encoders;
import org.atelier.engine.design.TermEncoder;
import org.atelier.engine.error.PredictionError;
import org.atelier.engine.family.Family;
import org.atelier.engine.family.Link;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.inference.Distributions;
import org.atelier.engine.linalg.Covariance;
import org.atelier.engine.spec.ModelSpec;

/**
 * A fitted GLM: everything needed to report it and to predict with it (the learned levels and knots live in the
 * encoders). {@code covariance} is the covariance of the estimates, dispersion included, in {@link Covariance}'s
 * stored form (the p×p row-major matrix, or its block form for a design with a wide categorical); for a
 * penalized fit ({@code regularization} non-null) it is NaN: penalized estimates are biased and their Wald
 * standard errors would mislead, so none are reported. With penalized smooths it is the Bayesian covariance
 * (X'WX + S_λ)⁻¹·φ (mgcv's Vp), and {@code smooths} holds each smooth's λ and effective degrees of freedom.
 * Serialise with {@link ModelSerializer}.
 */
public record FittedModel(ModelSpec spec, Family family, Link link, List<TermEncoder> encoders, List<String> features,
                          List<String> factorNames, double[] coefficients, double[] covariance, FitStatistics statistics,
                          List<IterationTrace> trace, Regularization regularization, List<Smooth> smooths) {

    /** An unpenalized fit. */
    public FittedModel(ModelSpec spec, Family family, Link link, List<TermEncoder> encoders, List<String> features,
                       List<String> factorNames, double[] coefficients, double[] covariance, FitStatistics statistics,
                       List<IterationTrace> trace) {
        this(spec, family, link, encoders, features, factorNames, coefficients, covariance, statistics, trace, null, List.of());
    }

    public FittedModel {
        encoders = List.copyOf(encoders);
        features = List.copyOf(features);
        factorNames = List.copyOf(factorNames);
        trace = List.copyOf(trace);
        smooths = smooths == null ? List.of() : List.copyOf(smooths);
    }

    /** The covariance of the estimates, read from its stored form. */
    public Covariance covarianceMatrix() {
        return Covariance.of(covariance, coefficients.length);
    }

    public boolean intercept() {
        return spec.intercept();
    }

    /**
     * What the user should know about this fit although it succeeded, one line each naming the term (e.g. a spline
     * fitted with fewer df than asked because its quantile knots coincided). Learned with the encoders, so a
     * serialised model keeps them.
     */
    public List<String> warnings() {
        return encoders.stream().flatMap(e -> e.warnings().stream()).distinct().toList();
    }

    /** The coefficient table, one row per feature in design order. */
    public List<Coefficient> coefficientTable() {
        return Inference.table(features, factorNames, coefficients, covarianceMatrix(), statistics.tStatistics(), statistics.dfResid());
    }

    /** exp(β) with intervals; only meaningful (and only allowed) for log-link models. */
    public List<Relativity> relativities() {
        if (link != Link.LOG) {
            throw new PredictionError("Relativities need a log link; this model uses the " + link.id() + " link");
        }
        List<Relativity> out = new ArrayList<>();
        for (Coefficient c : coefficientTable()) {
            out.add(new Relativity(c.feature(), c.factorName(), Math.exp(c.estimate()), Math.exp(c.ciLower()),
                    Math.exp(c.ciUpper())));
        }
        return out;
    }

    /** Predicted means on new data; the offset column (exposure for a log link) is read from the frame when the spec names one. */
    public double[] predict(Frame frame) {
        double[] eta = predictLink(frame);
        double[] mu = new double[eta.length];
        for (int i = 0; i < eta.length; i++) {
            mu[i] = link.inverse(eta[i]);
        }
        return mu;
    }

    /** The linear predictor η = Xβ + offset on new data. */
    public double[] predictLink(Frame frame) {
        try {
            List<String> columns = new ArrayList<>(Encoders.columns(encoders));
            if (spec.offset() != null) {
                columns.add(spec.offset());
            }
            for (String column : columns) {
                if (frame.column(column).isEmpty()) {
                    throw new PredictionError("Column '" + column + "' is missing from the new data");
                }
            }
            Encoders.checkMissing(frame, columns);
            DesignMatrix x = Encoders.design(encoders, spec.intercept(), frame);
            double[] offset = spec.offset() == null ? null : GlmFitter.offset(frame, spec.offset(), link);
            double[] eta = new double[frame.rowCount()];
            x.times(coefficients, offset, eta);
            return eta;
        } catch (PredictionError e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PredictionError(e.getMessage());
        }
    }


    /** Convenience for the UI: the confidence multiplier used in every interval. */
    public static double waldMultiplier() {
        return Distributions.Z_975;
    }

}
