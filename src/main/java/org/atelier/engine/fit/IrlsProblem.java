package org.atelier.engine.fit;

import org.atelier.engine.design.DesignMatrix;
import org.atelier.engine.family.Family;
import org.atelier.engine.family.Link;
import org.atelier.engine.linalg.LinearAlgebra;

/**
 * What one IRLS run fits, never changed by the run (the inputs half of glum's IRLSData/IRLSState split): the design,
 * the response, the prior weights, the offset on the η scale (null: none), the family, the link and the kernel the
 * sums run on. The per-row rules every kind of step shares (starting values, working weights, the deviance at β)
 * live here, once. Row sums go in fixed chunks in chunk order, so results have the same bits on any number of cores.
 */
record IrlsProblem(DesignMatrix x, double[] y, double[] prior, double[] offset, Family family, Link link,
                   LinearAlgebra kernel) {

    /** The same data under another family (the negative binomial's θ steps). */
    IrlsProblem withFamily(Family other) {
        return new IrlsProblem(x, y, prior, offset, other, link, kernel);
    }

    int rows() {
        return y.length;
    }

    /** Rows with positive prior weight: the observations a fit's degrees of freedom count. */
    int observations() {
        int count = 0;
        for (double w : prior) {
            if (w > 0) count++;
        }
        return count;
    }

    /** Fills η and μ with R's starting values (μ from the family's mustart), or from {@code etaStart} when given. */
    void start(double[] etaStart, double[] eta, double[] mu) {
        if (etaStart == null) {
            DesignMatrix.forChunks(y.length, (c, from, to) -> {
                for (int i = from; i < to; i++) {
                    mu[i] = family.startMu(y[i], prior[i]);
                    eta[i] = link.link(mu[i]);
                }
            });
        } else {
            System.arraycopy(etaStart, 0, eta, 0, y.length);
            DesignMatrix.forChunks(y.length, (c, from, to) -> {
                for (int i = from; i < to; i++) {
                    mu[i] = link.inverse(eta[i]);
                }
            });
        }
    }

    /** W = w μ'(η)² / V(μ) and u = w μ'(η) (y - μ) / V(μ); rows with zero prior weight drop out. */
    void workingWeights(double[] eta, double[] mu, double[] w, double[] u) {
        DesignMatrix.forChunks(y.length, (c, from, to) -> {
            for (int i = from; i < to; i++) {
                double pw = prior[i];
                if (pw > 0) {
                    double me = link.muEta(eta[i]);
                    double v = family.variance(mu[i]);
                    w[i] = pw * me * me / v;
                    u[i] = pw * me * (y[i] - mu[i]) / v;
                } else {
                    w[i] = 0;
                    u[i] = 0;
                }
            }
        });
    }

    /** W·z with the working response z = η - offset + (y - μ)/μ'(η), as W(η - offset) + u. */
    void weightedWorkingResponse(double[] eta, double[] w, double[] u, double[] into) {
        DesignMatrix.forChunks(y.length, (c, from, to) -> {
            for (int i = from; i < to; i++) {
                into[i] = w[i] * (eta[i] - (offset == null ? 0 : offset[i])) + u[i];
            }
        });
    }

    /**
     * η, μ and the deviance at β; NaN when β is not finite, η or μ leaves the domain, or the deviance overflows.
     * One pass: each chunk of rows gets its η, μ and deviance while it is in cache.
     */
    double evaluate(double[] beta, double[] eta, double[] mu) {
        for (double b : beta) {
            if (!Double.isFinite(b)) {
                return Double.NaN;
            }
        }
        DesignMatrix.Prepared prepared = x.prepare(beta);
        double dev = DesignMatrix.sumChunks(y.length, (from, to) -> {
            x.times(prepared, offset, eta, from, to);
            return deviance(eta, mu, true, from, to);
        });
        return Double.isFinite(dev) ? dev : Double.NaN;
    }

    /** The deviance at η and μ as given; NaN outside the domain. */
    double deviance(double[] eta, double[] mu) {
        double dev = DesignMatrix.sumChunks(y.length, (from, to) -> deviance(eta, mu, false, from, to));
        return Double.isFinite(dev) ? dev : Double.NaN;
    }

    /** Rows [from, to)'s deviance, μ first computed from η when {@code computeMu}; NaN outside the domain. */
    private double deviance(double[] eta, double[] mu, boolean computeMu, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            if (computeMu) {
                mu[i] = link.inverse(eta[i]);
            }
            if (!link.validEta(eta[i]) || !family.validMu(mu[i])) {
                return Double.NaN;
            }
            double pw = prior[i];
            if (pw > 0) {
                s += pw * family.unitDeviance(y[i], mu[i]);
            }
        }
        return s;
    }

    /**
     * β = (g(weighted mean of y) - weighted mean of the offset, 0, ..., 0) when column 0 is the intercept: a valid
     * point for any family and link that can reach the mean; null without an intercept or when g is not finite there.
     */
    double[] interceptOnly() {
        if (x.columns() == 0 || !x.featureNames().getFirst().equals("Intercept")) {
            return null;
        }
        double sw = 0, swy = 0, swo = 0;
        for (int i = 0; i < y.length; i++) {
            sw += prior[i];
            swy += prior[i] * y[i];
            swo += offset == null ? 0 : prior[i] * offset[i];
        }
        double[] start = new double[x.columns()];
        start[0] = link.link(swy / sw) - swo / sw;
        return Double.isFinite(start[0]) ? start : null;
    }
}
