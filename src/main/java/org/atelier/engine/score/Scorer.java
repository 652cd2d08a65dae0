package org.atelier.engine.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.atelier.engine.design.Block;
import org.atelier.engine.design.Encoders;
import org.atelier.engine.design.TermEncoder;
import org.atelier.engine.error.CancelledError;
import org.atelier.engine.error.GlmException;
import org.atelier.engine.error.PredictionError;
import org.atelier.engine.family.Link;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.NumericColumn;

/**
 * Scores new data with a fitted model, never refitting: the rows are encoded with the model's own encoders
 * (its levels, knots and encodings), so a level the model never saw fails with the encoder's error naming the
 * levels, then predicted chunk by chunk so a caller sees progress and can cancel. The rate is the diagnostics'
 * predicted rate: computed from x'β with the exposure left out (not divided back out of μ), so rows with the
 * same factors get exactly the same rate.
 */
public final class Scorer {
    static final int CHUNK = 65_536;

    private Scorer() {
    }

    public static Scores score(FittedModel model, Frame frame) {
        return score(model, frame, ScoreMonitor.NONE);
    }

    public static Scores score(FittedModel model, Frame frame, ScoreMonitor monitor) {
        String offsetName = model.spec().offset();
        List<String> needed = new ArrayList<>(Encoders.columns(model.encoders()));
        if (offsetName != null && !needed.contains(offsetName)) {
            needed.add(offsetName);
        }
        List<String> absent = needed.stream().filter(c -> frame.column(c).isEmpty()).toList();
        if (!absent.isEmpty()) {
            throw new PredictionError("The data to score has no column" + (absent.size() > 1 ? "s " : " ")
                    + String.join(", ", absent.stream().map(c -> "'" + c + "'").toList()) + " (the model reads "
                    + String.join(", ", needed) + ")");
        }
        int n = frame.rowCount();
        Encoders.checkMissing(frame, needed);
        checkCancelled(monitor);
        List<Block> blocks = blocks(model, frame);
        double[] offset = offsetName == null ? null : offsetColumn(frame, offsetName);
        boolean exposure = offset != null && model.link() == Link.LOG;
        if (exposure) {
            checkExposure(offsetName, offset);
        }
        double[] mu = new double[n];
        double[] rate = new double[n];
        Link link = model.link();
        double[] beta = model.coefficients();
        monitor.onRows(0, n);
        AtomicInteger done = new AtomicInteger();
        // chunks are independent: each row's η is its own sum over the blocks, in the same order whatever the cores
        IntStream.range(0, (n + CHUNK - 1) / CHUNK).parallel().forEach(c -> {
            checkCancelled(monitor);
            int from = c * CHUNK;
            int to = Math.min(n, from + CHUNK);
            double[] xb = linearPredictor(blocks, beta, from, to);
            for (int i = from; i < to; i++) {
                double eta = xb[i - from];
                if (exposure) {
                    rate[i] = link.inverse(eta);
                    mu[i] = rate[i] * offset[i]; // the mean is the rate times the exposure (0 for none)
                } else {
                    mu[i] = link.inverse(offset == null ? eta : eta + offset[i]);
                    rate[i] = mu[i];
                }
            }
            monitor.onRows(done.addAndGet(to - from), n);
        });
        checkCancelled(monitor);
        return new Scores(mu, rate);
    }

    /** The model's design blocks on the data, as for any new data (target encodings use their full-data values). */
    private static List<Block> blocks(FittedModel model, Frame frame) {
        try {
            List<Block> blocks = new ArrayList<>();
            if (model.spec().intercept()) {
                double[] ones = new double[frame.rowCount()];
                Arrays.fill(ones, 1.0);
                blocks.add(new Block.Dense("Intercept", "Intercept", ones));
            }
            for (TermEncoder encoder : model.encoders()) {
                blocks.addAll(encoder.encode(frame));
            }
            int width = blocks.stream().mapToInt(Block::width).sum();
            if (width != model.coefficients().length) {
                throw new PredictionError("The data's design has " + width + " columns where the model has "
                        + model.coefficients().length + " coefficients");
            }
            return blocks;
        } catch (GlmException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PredictionError(e.getMessage());
        }
    }

    /** x'β for rows [from, to): the blocks in design order, a categorical block adding its level's coefficient. */
    private static double[] linearPredictor(List<Block> blocks, double[] beta, int from, int to) {
        double[] xb = new double[to - from];
        int column = 0;
        for (Block block : blocks) {
            switch (block) {
                case Block.Dense d -> {
                    double b = beta[column];
                    double[] v = d.values();
                    if (b != 0) {
                        for (int i = from; i < to; i++) {
                            xb[i - from] += b * v[i];
                        }
                    }
                }
                case Block.Categorical c -> {
                    int[] codes = c.codes();
                    double[] scale = c.scale();
                    for (int i = from; i < to; i++) {
                        int code = codes[i];
                        if (code >= 0) {
                            xb[i - from] += scale == null ? beta[column + code] : beta[column + code] * scale[i];
                        }
                    }
                }
            }
            column += block.width();
        }
        return xb;
    }

    /** The offset as written (an exposure for a log link, which must then be positive). */
    private static double[] offsetColumn(Frame frame, String name) {
        if (!(frame.column(name).orElseThrow() instanceof NumericColumn numeric)) {
            throw new PredictionError("Offset column '" + name + "' is not numeric");
        }
        return numeric.values();
    }

    /** A zero exposure predicts 0 (its rate stays defined); a negative one has no meaning. */
    private static void checkExposure(String name, double[] exposure) {
        int negative = 0;
        int first = -1;
        for (int i = 0; i < exposure.length; i++) {
            if (exposure[i] < 0) {
                negative++;
                first = first < 0 ? i : first;
            }
        }
        if (negative > 0) {
            throw new PredictionError("Exposure column '" + name + "' has " + negative + " negative value"
                    + (negative > 1 ? "s" : "") + " (first at row " + (first + 1) + "): an exposure is at least 0");
        }
    }

    private static void checkCancelled(ScoreMonitor monitor) {
        if (monitor.isCancelled() || Thread.currentThread().isInterrupted()) {
            throw new CancelledError("Scoring cancelled");
        }
    }
}
