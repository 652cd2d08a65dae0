package org.atelier.engine.fit;

import org.atelier.engine.design.DesignMatrix;
import org.atelier.engine.family.Family;
import org.atelier.engine.family.Link;

/**
 * η, μ and the deviance of a model at given coefficients, shared by the penalized, smooth and monotone IRLS
 * loops. Summed in fixed chunks in chunk order, so the result has the same bits whatever the number of cores.
 */
record Deviance(DesignMatrix x, double[] y, double[] prior, double[] offset, Family family, Link link) {

    /** Fills η and μ at β and returns the deviance; NaN when η or μ leaves the family's domain. */
    double at(double[] beta, double[] eta, double[] mu) {
        x.times(beta, offset, eta);
        double dev = DesignMatrix.sumChunks(y.length, (from, to) -> {
            double s = 0;
            for (int i = from; i < to; i++) {
                mu[i] = link.inverse(eta[i]);
                if (!link.validEta(eta[i]) || !family.validMu(mu[i])) {
                    return Double.NaN;
                }
                if (prior[i] > 0) {
                    s += prior[i] * family.unitDeviance(y[i], mu[i]);
                }
            }
            return s;
        });
        return Double.isFinite(dev) ? dev : Double.NaN;
    }
}
