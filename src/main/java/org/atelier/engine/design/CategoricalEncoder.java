package org.atelier.engine.design;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.atelier.engine.error.DesignMatrixError;
import org.atelier.engine.error.PredictionError;
import org.atelier.engine.frame.Column;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.frame.StringColumn;

/**
 * Treatment (dummy) coding of a factor: one indicator per level except the base level, which is absorbed by the
 * intercept. {@code fullCoding} keeps every level, for a factor that only appears inside an interaction with a
 * numeric variable (as R codes {@code x:f} without {@code f}). The levels learned in training are kept so that
 * prediction codes identically and rejects levels it has never seen.
 */
public record CategoricalEncoder(String column, List<String> levels, boolean fullCoding) implements TermEncoder {

    public CategoricalEncoder {
        levels = List.copyOf(levels);
    }

    /**
     * Learns the levels: an explicit list (its first entry is the base), else every level in sorted order,
     * numerically for a numeric column as R's {@code factor} does, by code point for text.
     */
    public static CategoricalEncoder learn(Frame frame, String column, List<String> explicitLevels, boolean fullCoding) {
        Column data = Columns.require(frame, column);
        List<String> seen = distinctLabels(data);
        if (explicitLevels != null && !explicitLevels.isEmpty()) {
            var allowed = new LinkedHashSet<>(explicitLevels);
            for (String level : seen) {
                if (!allowed.contains(level)) {
                    throw new DesignMatrixError("Column '" + column + "' has level '" + level
                            + "' that is not in its levels list " + explicitLevels);
                }
            }
            return new CategoricalEncoder(column, List.copyOf(allowed), fullCoding);
        }
        if (seen.size() < 2 && !fullCoding) {
            throw new DesignMatrixError("Column '" + column + "' has no variation (a single level"
                    + (seen.isEmpty() ? "" : " '" + seen.getFirst() + "'") + "): remove it");
        }
        return new CategoricalEncoder(column, seen, fullCoding);
    }

    private static List<String> distinctLabels(Column data) {
        return switch (data) {
            case StringColumn text -> {
                boolean[] used = new boolean[text.dictionary().length];
                for (int code : text.codes()) {
                    if (code >= 0) {
                        used[code] = true;
                    }
                }
                TreeSet<String> sorted = new TreeSet<>();
                for (int i = 0; i < used.length; i++) {
                    if (used[i]) {
                        sorted.add(text.dictionary()[i]);
                    }
                }
                yield new ArrayList<>(sorted);
            }
            case NumericColumn numeric -> {
                TreeSet<Double> sorted = new TreeSet<>();
                for (double v : numeric.values()) {
                    if (!Double.isNaN(v)) {
                        sorted.add(v);
                    }
                }
                List<String> labels = new ArrayList<>(sorted.size());
                for (double v : sorted) {
                    labels.add(Columns.label(v));
                }
                yield labels;
            }
        };
    }

    public String name() {
        return column;
    }

    public List<String> columns() {
        return List.of(column);
    }

    public String baseLevel() {
        return levels.getFirst();
    }

    /** Feature names: {@code Region[T.R24]} for treatment coding, {@code Region[R24]} for full coding. */
    public List<String> featureNames() {
        List<String> names = new ArrayList<>();
        for (int i = fullCoding ? 0 : 1; i < levels.size(); i++) {
            names.add(column + (fullCoding ? "[" : "[T.") + levels.get(i) + "]");
        }
        return names;
    }

    public List<Block> encode(Frame frame) {
        Column data = Columns.require(frame, column);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < levels.size(); i++) {
            index.put(levels.get(i), i);
        }
        int shift = fullCoding ? 0 : 1;
        int n = data.size();
        int[] codes = new int[n];
        switch (data) {
            case StringColumn text -> {
                String[] dictionary = text.dictionary();
                int[] byDictionary = new int[dictionary.length];
                for (int d = 0; d < dictionary.length; d++) {
                    Integer level = index.get(dictionary[d]);
                    byDictionary[d] = level == null ? Integer.MIN_VALUE : level - shift;
                }
                int[] source = text.codes();
                for (int i = 0; i < n; i++) {
                    int c = source[i];
                    if (c < 0) {
                        throw missing(i);
                    }
                    int code = byDictionary[c];
                    if (code == Integer.MIN_VALUE) {
                        throw unseen(data);
                    }
                    codes[i] = code;
                }
            }
            case NumericColumn numeric -> {
                Map<Double, Integer> byValue = new HashMap<>();
                double[] values = numeric.values();
                for (int i = 0; i < n; i++) {
                    double v = values[i];
                    if (Double.isNaN(v)) {
                        throw missing(i);
                    }
                    Integer code = byValue.get(v);
                    if (code == null) {
                        Integer level = index.get(Columns.label(v));
                        if (level == null) {
                            throw unseen(data);
                        }
                        code = level - shift;
                        byValue.put(v, code);
                    }
                    codes[i] = code;
                }
            }
        }
        return List.of(new Block.Categorical(featureNames(), column, codes, null));
    }

    private DesignMatrixError missing(int row) {
        return new DesignMatrixError("Column '" + column + "' has missing values (first at row " + (row + 1) + ")");
    }

    /** The error naming every level of {@code data} that training never saw (ten at most, then how many more). */
    private PredictionError unseen(Column data) {
        List<String> unseen = unseenLevels(data);
        String shown = String.join(", ", unseen.subList(0, Math.min(10, unseen.size())).stream()
                .map(l -> "'" + l + "'").toList()) + (unseen.size() > 10 ? " and " + (unseen.size() - 10) + " more" : "");
        return new PredictionError("Column '" + column + "' has " + (unseen.size() == 1 ? "level " + shown + " that was"
                : "levels " + shown + " that were") + " not in the training data"
                + " (levels: " + String.join(", ", levels.subList(0, Math.min(10, levels.size())))
                + (levels.size() > 10 ? ", ..." : "") + ")");
    }

    /** The levels present in {@code data} (missing values aside) that are not the model's, in first-seen order. */
    private List<String> unseenLevels(Column data) {
        java.util.Set<String> known = new java.util.HashSet<>(levels);
        java.util.LinkedHashSet<String> unseen = new java.util.LinkedHashSet<>();
        switch (data) {
            case StringColumn text -> {
                boolean[] used = new boolean[text.dictionary().length];
                for (int c : text.codes()) {
                    if (c >= 0) {
                        used[c] = true;
                    }
                }
                for (int d = 0; d < used.length; d++) {
                    if (used[d] && !known.contains(text.dictionary()[d])) {
                        unseen.add(text.dictionary()[d]);
                    }
                }
            }
            case NumericColumn numeric -> {
                java.util.Set<Double> seen = new java.util.HashSet<>();
                for (double v : numeric.values()) {
                    if (!Double.isNaN(v) && seen.add(v) && !known.contains(Columns.label(v))) {
                        unseen.add(Columns.label(v));
                    }
                }
            }
        }
        return List.copyOf(unseen);
    }
}
