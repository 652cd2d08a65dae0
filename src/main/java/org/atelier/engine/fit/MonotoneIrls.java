package org.atelier.engine.fit;

import java.util.ArrayList;
import java.util.List;
import org.atelier.engine.design.DesignMatrix;
import org.atelier.engine.family.Family;
import org.atelier.engine.family.Link;
import org.atelier.engine.linalg.LinearAlgebra;

/**
 * IRLS whose weighted least-squares step is sign-constrained ({@link SignConstrainedLeastSquares}): monotone
 * linear and expression terms constrain their coefficient's sign; a monotone bs is encoded in its cumulative
 * (I-spline-like) form, where non-negative increments make the curve monotone. The feasible set is convex, so
 * step-halving towards the previous iterate stays feasible.
 */
final class MonotoneIrls {
    private static final int MAX_HALVINGS = 30;

    record Result(double[] beta, double[] mu, double deviance, double[] gram, int iterations, boolean converged,
                  List<IterationTrace> trace) {
    }

    private final DesignMatrix x;
    private final double[] y;
    private final double[] prior;
    private final double[] offset;
    private final Family family;
    private final Link link;
    private final Deviance deviance;
    private final LinearAlgebra kernel;
    private final int[] sign;

    MonotoneIrls(DesignMatrix x, double[] y, double[] prior, double[] offset, Family family, Link link,
                 LinearAlgebra kernel, int[] sign) {
        this.x = x;
        this.y = y;
        this.prior = prior;
        this.offset = offset;
        this.family = family;
        this.link = link;
        this.deviance = new Deviance(x, y, prior, offset, family, link);
        this.kernel = kernel;
        this.sign = sign;
    }

    Result run(int maxIter, double tol, FitMonitor monitor) {
        monitor.onStage(FitMonitor.Stage.ITERATING, maxIter);
        int n = y.length;
        int p = x.columns();
        double[] eta = new double[n];
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            mu[i] = family.startMu(y[i], prior[i]);
            eta[i] = link.link(mu[i]);
        }
        double[] w = new double[n];
        double[] v = new double[n];
        double[] beta = null;
        double dev = Double.NaN;
        double[] gram = null;
        List<IterationTrace> trace = new ArrayList<>();
        boolean converged = false;
        int iter = 0;
        while (iter < maxIter) {
            monitor.stopIfCancelled("after " + iter + " iterations");
            iter++;
            weights(eta, mu, w, v);
            gram = x.gram(w, kernel);
            double[] candidate = SignConstrainedLeastSquares.solve(gram, x.transposeTimes(v, kernel), sign, p);
            double[] newEta = new double[n];
            double[] newMu = new double[n];
            double newDev = evaluate(candidate, newEta, newMu);
            int halvings = 0;
            while (beta != null && (Double.isNaN(newDev) || newDev > dev * (1 + 1e-12)) && halvings < MAX_HALVINGS) {
                for (int j = 0; j < p; j++) {
                    candidate[j] = (candidate[j] + beta[j]) / 2;
                }
                newDev = evaluate(candidate, newEta, newMu);
                halvings++;
            }
            double change = Double.isNaN(dev) ? Double.NaN : Math.abs(newDev - dev) / (Math.abs(newDev) + 0.1);
            beta = candidate;
            eta = newEta;
            mu = newMu;
            dev = newDev;
            IterationTrace step = new IterationTrace(iter, dev, halvings, change);
            trace.add(step);
            monitor.onIteration(step);
            if (change < tol) {
                converged = true;
                break;
            }
        }
        weights(eta, mu, w, v);
        gram = x.gram(w, kernel);
        return new Result(beta, mu, dev, gram, iter, converged, trace);
    }

    /** W and W·z with z = η - offset + (y - μ)/μ'. */
    private void weights(double[] eta, double[] mu, double[] w, double[] v) {
        for (int i = 0; i < y.length; i++) {
            if (prior[i] > 0) {
                double me = link.muEta(eta[i]);
                w[i] = prior[i] * me * me / family.variance(mu[i]);
                v[i] = w[i] * (eta[i] - (offset == null ? 0 : offset[i]) + (y[i] - mu[i]) / me);
            } else {
                w[i] = 0;
                v[i] = 0;
            }
        }
    }

    private double evaluate(double[] beta, double[] eta, double[] mu) {
        return deviance.at(beta, eta, mu);
    }
}
