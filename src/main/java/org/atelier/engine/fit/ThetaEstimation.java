package org.atelier.engine.fit;

import java.util.ArrayList;
import java.util.List;
import org.atelier.engine.design.NormalEquations;
import org.atelier.engine.error.FittingError;
import org.atelier.engine.family.Link;
import org.atelier.engine.family.NegativeBinomial;
import org.atelier.engine.family.Poisson;
import org.atelier.engine.inference.SpecialFunctions;
import org.atelier.engine.spec.FitOptions;

/**
 * MASS's {@code glm.nb}: start from a Poisson fit, then alternate the maximum-likelihood θ for the current means
 * ({@code theta.ml}, Newton on the score) with an IRLS fit at that θ, until the log-likelihood and θ settle.
 */
record ThetaEstimation(IrlsResult result, NormalEquations information, double theta, List<IterationTrace> trace) {

    /** {@code problem}'s family is replaced: Poisson first, then the negative binomial at each θ. */
    static ThetaEstimation run(IrlsProblem problem, FitOptions options, FitSettings settings, int dfResid) {
        double[] y = problem.y();
        double[] prior = problem.prior();
        Link link = problem.link();
        List<IterationTrace> trace = new ArrayList<>();
        WeightedLeastSquares step = new WeightedLeastSquares();
        IrlsResult fit = Irls.run(problem.withFamily(new Poisson()), step, options.maxIter(), options.tol(), null,
                settings.monitor());
        trace.addAll(fit.trace());
        double sumW = 0;
        for (double w : prior) sumW += w;
        double[] mu = fit.mu();
        double th = thetaMl(y, mu, sumW, prior, options.maxIter());
        double d1 = Math.sqrt(2.0 * Math.max(1, dfResid));
        double d2 = 1;
        double del = 1;
        double lm = NegativeBinomial.logLikelihood(y, mu, prior, th);
        double lm0 = lm + 2 * d1;
        int iter = 0;
        boolean converged = fit.converged();
        while (++iter <= options.maxIter() && (Math.abs(lm0 - lm) / d1 + Math.abs(del) / d2) > options.tol()) {
            double[] eta = new double[y.length];
            for (int i = 0; i < eta.length; i++) {
                eta[i] = link.link(mu[i]);
            }
            step = new WeightedLeastSquares();
            fit = Irls.run(problem.withFamily(new NegativeBinomial(th)), step, options.maxIter(), options.tol(), eta,
                    settings.monitor());
            trace.addAll(fit.trace());
            double t0 = th;
            th = thetaMl(y, mu, sumW, prior, options.maxIter()); // MASS updates θ from the previous means
            mu = fit.mu();
            del = t0 - th;
            lm0 = lm;
            lm = NegativeBinomial.logLikelihood(y, mu, prior, th);
        }
        converged = fit.converged() && iter <= options.maxIter();
        IrlsResult last = fit;
        IrlsResult reported = new IrlsResult(last.beta(), last.eta(), last.mu(), last.deviance(), last.iterations(),
                converged, last.trace(), last.workingWeights());
        return new ThetaEstimation(reported, step.information(), th, trace);
    }

    /** MASS's {@code theta.ml}: Newton–Raphson on the score of θ, started at the moment estimate. */
    static double thetaMl(double[] y, double[] mu, double n, double[] w, int limit) {
        double denom = 0;
        for (int i = 0; i < y.length; i++) {
            double r = y[i] / mu[i] - 1;
            denom += w[i] * r * r;
        }
        double t0 = n / denom;
        double eps = Math.pow(Math.ulp(1.0), 0.25);
        double del = 1;
        int it = 0;
        while (++it < limit && Math.abs(del) > eps) {
            t0 = Math.abs(t0);
            double score = 0;
            double info = 0;
            for (int i = 0; i < y.length; i++) {
                if (w[i] == 0) continue;
                double th = t0;
                double yi = y[i];
                double m = mu[i];
                score += w[i] * (SpecialFunctions.digamma(th + yi) - SpecialFunctions.digamma(th) + Math.log(th) + 1
                        - Math.log(th + m) - (yi + th) / (m + th));
                info += w[i] * (-SpecialFunctions.trigamma(th + yi) + SpecialFunctions.trigamma(th) - 1 / th
                        + 2 / (m + th) - (yi + th) / ((m + th) * (m + th)));
            }
            del = score / info;
            t0 += del;
        }
        if (!(t0 > 0) || !Double.isFinite(t0)) {
            throw new FittingError("Negative binomial theta estimate is not positive (" + t0 + "): the data show no "
                    + "overdispersion; fit a Poisson model instead", "Use the poisson family, or fix theta.");
        }
        return t0;
    }
}
