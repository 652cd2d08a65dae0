package org.atelier.engine.design;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.atelier.engine.error.ValidationError;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.spec.TermType;

/**
 * A factor (or a pair of factors, over their combined levels) entering as one numeric feature learned from the
 * data: {@code TE(x)}, the target statistic, or {@code FE(x)}, the level's relative frequency (share of rows).
 * {@code values} holds each level's value for new data (the full-data statistic); a level unseen in training gets
 * {@code unseen} (the prior for TE, 0 for FE).
 *
 * <p>The model is trained on {@code training} instead: CatBoost's ordered target statistic, where each row is
 * encoded only from the rows before it in a seeded random order (averaged over several orders), so a row's own
 * response never leaks into its feature. It is kept out of serialization: a reloaded model only predicts.
 */
public record LevelEncoder(String kind, List<String> columns, List<String> levels, double[] values, double unseen,
                           double priorWeight, int permutations, double[] training) implements TermEncoder {

    public static final double DEFAULT_PRIOR_WEIGHT = 1;
    public static final int DEFAULT_PERMUTATIONS = 4;

    public LevelEncoder {
        columns = List.copyOf(columns);
        levels = List.copyOf(levels);
    }

    /**
     * What the target statistic is computed from, row by row: {@code target} (w·y) over {@code exposure}
     * (w·exposure for a log-link model with an exposure offset, else w), so for a frequency model it is claims per
     * unit of exposure. {@code seed} drives the orders.
     */
    public record Target(double[] target, double[] exposure, long seed) {
    }

    /** The share of training rows at each level. */
    public static LevelEncoder frequency(Frame frame, List<String> columns) {
        LevelKeys keys = LevelKeys.of(frame, columns);
        List<String> levels = sorted(keys.labels());
        int[] level = keys.indexIn(levels);
        double[] counts = new double[levels.size()];
        for (int l : level) {
            counts[l]++;
        }
        for (int l = 0; l < counts.length; l++) {
            counts[l] /= level.length;
        }
        return new LevelEncoder("FE", columns, levels, counts, 0, 0, 0, null);
    }

    /** Ordered target statistics shrunk towards the overall rate P: (Σ target + a·P) / (Σ exposure + a). */
    public static LevelEncoder target(Frame frame, List<String> columns, Target data, Double priorWeight,
                                      Integer permutations) {
        double a = priorWeight == null ? DEFAULT_PRIOR_WEIGHT : priorWeight;
        int orders = permutations == null ? DEFAULT_PERMUTATIONS : permutations;
        String name = String.join(":", columns);
        if (!(a > 0) || !Double.isFinite(a)) {
            throw new ValidationError("Term '" + name + "': prior_weight must be positive, got " + priorWeight);
        }
        if (orders < 1 || orders > 1000) {
            throw new ValidationError("Term '" + name + "': n_permutations must be between 1 and 1000, got " + permutations);
        }
        LevelKeys keys = LevelKeys.of(frame, columns);
        List<String> levels = sorted(keys.labels());
        int[] level = keys.indexIn(levels);
        int n = level.length;
        double[] t = data.target();
        double[] e = data.exposure();
        double totalT = 0;
        double totalE = 0;
        double[] sumT = new double[levels.size()];
        double[] sumE = new double[levels.size()];
        for (int i = 0; i < n; i++) {
            totalT += t[i];
            totalE += e[i];
            sumT[level[i]] += t[i];
            sumE[level[i]] += e[i];
        }
        if (!(totalE > 0)) {
            throw new ValidationError("Term '" + name + "': target encoding needs positive total exposure or weight");
        }
        double prior = totalT / totalE;
        double[] values = new double[levels.size()];
        for (int l = 0; l < values.length; l++) {
            values[l] = (sumT[l] + a * prior) / (sumE[l] + a);
        }
        double[] training = new double[n];
        int[] order = new int[n];
        SplittableRandom random = new SplittableRandom(data.seed());
        double[] runT = new double[levels.size()];
        double[] runE = new double[levels.size()];
        for (int k = 0; k < orders; k++) {
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            java.util.Arrays.fill(runT, 0);
            java.util.Arrays.fill(runE, 0);
            for (int r : order) {
                int l = level[r];
                training[r] += (runT[l] + a * prior) / (runE[l] + a) / orders;
                runT[l] += t[r];
                runE[l] += e[r];
            }
        }
        return new LevelEncoder("TE", columns, levels, values, prior, a, orders, training);
    }

    /**
     * The same encoding learned again on other rows (a cross-validation training fold), so that a validation fold
     * is encoded from its training folds only. FE uses no response and is kept as it is.
     */
    public LevelEncoder relearn(Frame rows, Target data) {
        return learnsFromResponse() ? target(rows, columns, data, priorWeight, permutations) : this;
    }

    /** Whether the encoding learns from the response (TE), and so must be re-learned on a fold's training rows. */
    public boolean learnsFromResponse() {
        return kind.equals("TE");
    }

    private static List<String> sorted(List<String> labels) {
        return new ArrayList<>(new TreeSet<>(labels));
    }

    public String name() {
        return String.join(":", columns);
    }

    public String feature() {
        return kind + "(" + name() + ")";
    }

    public TermType type() {
        return kind.equals("TE") ? TermType.TARGET_ENCODING : TermType.FREQUENCY_ENCODING;
    }

    /** Each row's level index in {@link #levels}, -1 for a level unseen in training. */
    public int[] levelOf(Frame frame) {
        return LevelKeys.of(frame, columns).indexIn(levels);
    }

    /** New data: every row gets its level's full-data value. */
    public List<Block> encode(Frame frame) {
        int[] level = levelOf(frame);
        double[] out = new double[level.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = level[i] < 0 ? unseen : values[level[i]];
        }
        return List.of(new Block.Dense(feature(), name(), out));
    }

    /** The training rows' values: the ordered statistic for TE; FE has no leakage and encodes as new data. */
    public List<Block> encodeTraining(Frame frame) {
        if (training == null || training.length != frame.rowCount()) {
            return encode(frame);
        }
        return List.of(new Block.Dense(feature(), name(), training.clone()));
    }
}
