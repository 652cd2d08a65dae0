package org.atelier.engine.design;

import java.util.ArrayList;
import java.util.List;
import org.atelier.engine.frame.Frame;

/**
 * The product of two terms' columns: every column of the first times every column of the second. Products with a
 * categorical side stay categorical blocks (codes combined, numeric side as the scale), so cat×cat and cat×numeric
 * interactions are never expanded either. Names are written as {@code VehAge:Region[T.R24]}.
 */
public record InteractionEncoder(TermEncoder first, TermEncoder second) implements TermEncoder {

    public String name() {
        return first.name() + ":" + second.name();
    }

    public List<String> columns() {
        List<String> columns = new ArrayList<>(first.columns());
        for (String c : second.columns()) {
            if (!columns.contains(c)) {
                columns.add(c);
            }
        }
        return columns;
    }

    @Override
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>(first.warnings());
        warnings.addAll(second.warnings());
        return warnings;
    }

    public List<Block> encode(Frame frame) {
        List<Block> result = new ArrayList<>();
        String factor = name();
        for (Block a : first.encode(frame)) {
            for (Block b : second.encode(frame)) {
                result.add(product(a, b, factor));
            }
        }
        return result;
    }

    static Block product(Block a, Block b, String factor) {
        return switch (a) {
            case Block.Dense da -> switch (b) {
                case Block.Dense db -> new Block.Dense(da.feature() + ":" + db.feature(), factor, times(da.values(), db.values()));
                case Block.Categorical cb -> new Block.Categorical(prefix(da.feature(), cb.features()), factor, cb.codes(),
                        cb.scale() == null ? da.values() : times(da.values(), cb.scale()));
            };
            case Block.Categorical ca -> switch (b) {
                case Block.Dense db -> new Block.Categorical(suffix(ca.features(), db.feature()), factor, ca.codes(),
                        ca.scale() == null ? db.values() : times(ca.scale(), db.values()));
                case Block.Categorical cb -> crossed(ca, cb, factor);
            };
        };
    }

    /** cat×cat: as R's model.matrix, the first factor varies fastest within the block. */
    private static Block crossed(Block.Categorical a, Block.Categorical b, String factor) {
        int widthA = a.width();
        int n = a.codes().length;
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            int ca = a.codes()[i];
            int cb = b.codes()[i];
            codes[i] = ca < 0 || cb < 0 ? -1 : cb * widthA + ca;
        }
        List<String> names = new ArrayList<>(widthA * b.width());
        for (String fb : b.features()) {
            for (String fa : a.features()) {
                names.add(fa + ":" + fb);
            }
        }
        double[] scale = a.scale() == null ? b.scale() : (b.scale() == null ? a.scale() : times(a.scale(), b.scale()));
        return new Block.Categorical(names, factor, codes, scale);
    }

    private static double[] times(double[] x, double[] y) {
        double[] out = new double[x.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = x[i] * y[i];
        }
        return out;
    }

    private static List<String> prefix(String left, List<String> features) {
        return features.stream().map(f -> left + ":" + f).toList();
    }

    private static List<String> suffix(List<String> features, String right) {
        return features.stream().map(f -> f + ":" + right).toList();
    }
}
