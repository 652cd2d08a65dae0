package org.atelier.engine.diagnostics;

import java.util.ArrayList;
import java.util.List;
import org.atelier.engine.design.Columns;
import org.atelier.engine.design.DesignMatrix;
import org.atelier.engine.design.Encoders;
import org.atelier.engine.error.FittingError;
import org.atelier.engine.error.PredictionError;
import org.atelier.engine.error.ValidationError;
import org.atelier.engine.family.Family;
import org.atelier.engine.family.Link;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.spec.ModelSpec;

/**
 * The per-row quantities every diagnostic sums: w the prior weight, t the exposure (the offset column of a log-link
 * model, else 1), e = w·t, A = w·y, E = w·μ, and r the predicted rate with the exposure set to 1. r comes from x'β
 * itself (not μ/t), so rows with the same factors tie exactly.
 */
final class RowMeasures {
    final int n;
    final double[] y;
    final double[] w;
    final double[] e;
    final double[] actual;
    final double[] expected;
    final double[] mu;
    final double[] rate;

    private RowMeasures(double[] y, double[] w, double[] t, double[] mu, double[] rate) {
        this.n = y.length;
        this.y = y;
        this.w = w;
        this.mu = mu;
        this.rate = rate;
        this.e = new double[n];
        this.actual = new double[n];
        this.expected = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = w[i] * t[i];
            actual[i] = w[i] * y[i];
            expected[i] = w[i] * mu[i];
        }
    }

    /**
     * The model's rows on {@code frame}. {@code trainingRows}: the frame is the one the model was fitted on, so
     * target encodings use their ordered statistics and μ is the fit's own.
     */
    static RowMeasures of(FittedModel model, Frame frame, boolean trainingRows) {
        ModelSpec spec = model.spec();
        List<String> needed = new ArrayList<>(Encoders.columns(model.encoders()));
        needed.add(spec.response());
        if (spec.offset() != null) needed.add(spec.offset());
        if (spec.weights() != null) needed.add(spec.weights());
        for (String column : needed) {
            if (frame.column(column).isEmpty()) {
                throw new ValidationError("Column '" + column + "' is missing from the data to judge the model on");
            }
        }
        Encoders.checkMissing(frame, needed.stream().distinct().toList());
        int n = frame.rowCount();
        double[] y = Columns.numeric(frame, spec.response());
        double[] w = spec.weights() == null ? ones(n) : Columns.numeric(frame, spec.weights());
        Link link = model.link();
        double[] offsetColumn = spec.offset() == null ? null : Columns.numeric(frame, spec.offset());
        boolean exposure = offsetColumn != null && link == Link.LOG;
        double[] xb = new double[n];
        try {
            DesignMatrix x = trainingRows ? Encoders.trainingDesign(model.encoders(), spec.intercept(), frame)
                    : Encoders.design(model.encoders(), spec.intercept(), frame);
            x.times(model.coefficients(), null, xb);
        } catch (PredictionError | ValidationError e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PredictionError(e.getMessage());
        }
        double[] mu = new double[n];
        double[] rate = new double[n];
        int badExposure = 0;
        for (int i = 0; i < n; i++) {
            double offset = 0;
            if (exposure) {
                if (!(offsetColumn[i] > 0)) badExposure++;
                offset = Math.log(offsetColumn[i]);
            } else if (offsetColumn != null) {
                offset = offsetColumn[i];
            }
            mu[i] = link.inverse(xb[i] + offset);
            rate[i] = exposure ? link.inverse(xb[i]) : mu[i];
        }
        if (badExposure > 0) {
            throw new FittingError("Offset column '" + spec.offset() + "' has " + badExposure + " rows <= 0: a log-link"
                    + " offset is an exposure and its log is undefined there", "Remove or fix the rows with zero or"
                    + " negative exposure.");
        }
        return new RowMeasures(y, w, exposure ? offsetColumn : ones(n), mu, rate);
    }

    /** Hand-made rows, for tests and for the double lift's ordering. */
    static RowMeasures of(double[] y, double[] w, double[] t, double[] mu, double[] rate) {
        return new RowMeasures(y, w, t, mu, rate);
    }

    /** Deviance residuals sign(y − μ)·√(w·d(y, μ)). */
    double[] devianceResiduals(Family family) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double d = w[i] > 0 ? Math.max(0, w[i] * family.unitDeviance(y[i], mu[i])) : 0;
            out[i] = Math.copySign(Math.sqrt(d), y[i] - mu[i]);
        }
        return out;
    }

    /** Pearson residuals (y − μ)·√w/√V(μ). */
    double[] pearsonResiduals(Family family) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = w[i] > 0 ? (y[i] - mu[i]) * Math.sqrt(w[i] / family.variance(mu[i])) : 0;
        }
        return out;
    }

    /** Σ w·unit deviance over the rows with positive weight. */
    double deviance(Family family) {
        return family.deviance(y, mu, w);
    }

    private static double[] ones(int n) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, 1.0);
        return out;
    }
}
