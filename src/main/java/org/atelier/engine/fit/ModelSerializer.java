package org.atelier.engine.fit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.atelier.engine.design.CategoricalEncoder;
import org.atelier.engine.design.ExpressionEncoder;
import org.atelier.engine.design.InteractionEncoder;
import org.atelier.engine.design.LevelEncoder;
import org.atelier.engine.design.LinearEncoder;
import org.atelier.engine.design.SplineEncoder;
import org.atelier.engine.design.TermEncoder;
import org.atelier.engine.error.SerializationError;
import org.atelier.engine.family.Family;
import org.atelier.engine.family.Link;
import org.atelier.engine.family.NegativeBinomial;
import org.atelier.engine.family.Tweedie;
import org.atelier.engine.spec.FitOptions;
import org.atelier.engine.spec.InteractionSpec;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.Monotonicity;
import org.atelier.engine.spec.PenaltyKind;
import org.atelier.engine.spec.Selection;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.TermType;
import org.atelier.engine.spec.Validation;
import org.atelier.engine.spline.SplineBasis;

/**
 * A fitted model to bytes and back, exactly: doubles are written as their IEEE bits, so a model read back predicts
 * and reports bit-for-bit what the original did. A plain tagged binary format (no Java serialization: reading a
 * model can never instantiate arbitrary classes).
 */
public final class ModelSerializer {
    private static final int MAGIC = 0x41474C4D; // "AGLM"
    private static final int VERSION = 3; // 2: encodings, TE options on interactions, regularization, smooths; 3: validation

    private ModelSerializer() {
    }

    public static byte[] write(FittedModel model) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            writeSpec(out, model.spec());
            out.writeUTF(model.family().id());
            out.writeDouble(model.family() instanceof Tweedie t ? t.power() : Double.NaN);
            out.writeDouble(model.family() instanceof NegativeBinomial nb ? nb.theta() : Double.NaN);
            out.writeUTF(model.link().id());
            out.writeInt(model.encoders().size());
            for (TermEncoder encoder : model.encoders()) {
                writeEncoder(out, encoder);
            }
            writeStrings(out, model.features());
            writeStrings(out, model.factorNames());
            writeDoubles(out, model.coefficients());
            writeDoubles(out, model.covariance());
            FitStatistics s = model.statistics();
            out.writeBoolean(s.converged());
            out.writeInt(s.iterations());
            for (double v : new double[] {s.deviance(), s.nullDeviance(), s.aic(), s.bic()}) {
                out.writeDouble(v);
            }
            out.writeInt(s.dfModel());
            out.writeInt(s.dfResid());
            out.writeInt(s.nObs());
            out.writeDouble(s.dispersion());
            out.writeDouble(s.theta());
            out.writeBoolean(s.tStatistics());
            out.writeLong(s.fitDurationMs());
            out.writeUTF(s.backend());
            out.writeInt(model.trace().size());
            for (IterationTrace t : model.trace()) {
                out.writeInt(t.iteration());
                out.writeDouble(t.deviance());
                out.writeInt(t.stepHalvings());
                out.writeDouble(t.relativeChange());
            }
            writeRegularization(out, model.regularization());
            out.writeInt(model.smooths().size());
            for (Smooth smooth : model.smooths()) {
                out.writeUTF(smooth.term());
                out.writeInt(smooth.k());
                out.writeDouble(smooth.lambda());
                out.writeDouble(smooth.edf());
            }
            writePathCoefficients(out, model.regularization());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationError("Could not serialize the model: " + e.getMessage(), e);
        }
    }

    public static FittedModel read(byte[] data) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
            int version = version(in);
            ModelSpec spec = readSpec(in, version);
            String familyId = in.readUTF();
            double power = in.readDouble();
            double theta = in.readDouble();
            Family family = Family.of(familyId, Double.isNaN(power) ? 1.5 : power, theta);
            Link link = Link.of(in.readUTF());
            int encoderCount = in.readInt();
            List<TermEncoder> encoders = new ArrayList<>();
            for (int i = 0; i < encoderCount; i++) {
                encoders.add(readEncoder(in, 0, version));
            }
            List<String> features = readStrings(in);
            List<String> factors = readStrings(in);
            double[] coefficients = readDoubles(in);
            double[] covariance = readDoubles(in);
            FitStatistics stats = new FitStatistics(in.readBoolean(), in.readInt(), in.readDouble(), in.readDouble(),
                    in.readDouble(), in.readDouble(), in.readInt(), in.readInt(), in.readInt(), in.readDouble(),
                    in.readDouble(), in.readBoolean(), in.readLong(), in.readUTF());
            int traceSize = in.readInt();
            List<IterationTrace> trace = new ArrayList<>();
            for (int i = 0; i < traceSize; i++) {
                trace.add(new IterationTrace(in.readInt(), in.readDouble(), in.readInt(), in.readDouble()));
            }
            Regularization regularization = version >= 2 ? readRegularization(in) : null;
            List<Smooth> smooths = new ArrayList<>();
            int smoothCount = version >= 2 ? in.readInt() : 0;
            for (int i = 0; i < smoothCount; i++) {
                smooths.add(new Smooth(in.readUTF(), in.readInt(), in.readDouble(), in.readDouble()));
            }
            regularization = readPathCoefficients(in, regularization);
            return new FittedModel(spec, family, link, encoders, features, factors, coefficients, covariance, stats, trace,
                    regularization, smooths);
        } catch (SerializationError e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new SerializationError("Could not read the serialized model: " + e.getMessage(), e);
        }
    }

    /**
     * Checks that {@code data} starts as a serialized model of a format this engine reads (without reading the
     * rest): a model from a newer Atelier is refused here with a message saying so.
     */
    public static void check(byte[] data) {
        try {
            version(new DataInputStream(new ByteArrayInputStream(data)));
        } catch (IOException e) {
            throw new SerializationError("Not a serialized Atelier model (too short)", e);
        }
    }

    private static int version(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new SerializationError("Not a serialized Atelier model (bad header)");
        }
        int version = in.readInt();
        if (version > VERSION) {
            throw new SerializationError("Model format version " + version + " is newer than this Atelier reads (up to "
                    + VERSION + "): update Atelier to use it");
        }
        if (version < 1) {
            throw new SerializationError("Unsupported model format version " + version);
        }
        return version;
    }

    private static void writeSpec(DataOutputStream out, ModelSpec spec) throws IOException {
        writeNullable(out, spec.response());
        out.writeInt(spec.terms().size());
        for (TermSpec t : spec.terms()) {
            writeTerm(out, t);
        }
        out.writeInt(spec.interactions().size());
        for (InteractionSpec i : spec.interactions()) {
            writeTerm(out, i.first());
            writeTerm(out, i.second());
            out.writeBoolean(i.includeMain());
            out.writeBoolean(i.targetEncoding());
            out.writeBoolean(i.frequencyEncoding());
            writeNullableDouble(out, i.priorWeight());
            writeNullableDouble(out, i.nPermutations() == null ? null : i.nPermutations().doubleValue());
        }
        writeNullable(out, spec.family());
        writeNullable(out, spec.link());
        out.writeDouble(spec.varPower());
        writeNullableDouble(out, spec.theta());
        writeNullable(out, spec.offset());
        writeNullable(out, spec.weights());
        out.writeBoolean(spec.intercept());
        FitOptions o = spec.fitOptions();
        out.writeDouble(o.alpha());
        out.writeDouble(o.l1Ratio());
        out.writeInt(o.maxIter());
        out.writeDouble(o.tol());
        writeNullable(out, o.regularization() == null ? null : o.regularization().id());
        writeNullableDouble(out, o.cv() == null ? null : o.cv().doubleValue());
        writeNullable(out, o.selection().id());
        out.writeInt(o.nAlphas());
        out.writeBoolean(o.seed() != null);
        out.writeLong(o.seed() == null ? 0 : o.seed());
        writeValidation(out, spec.validation());
    }

    /** The hold-out, so a stored model still knows which rows it was fitted on. */
    private static void writeValidation(DataOutputStream out, Validation v) throws IOException {
        writeNullable(out, v == null || v.method() == null ? null : v.method().id());
        if (v != null && v.method() != null) {
            writeNullableDouble(out, v.fraction());
            out.writeBoolean(v.seed() != null);
            out.writeLong(v.seed() == null ? 0 : v.seed());
            writeNullable(out, v.column());
            out.writeInt(v.testValues() == null ? -1 : v.testValues().size());
            for (String value : v.testValues() == null ? List.<String>of() : v.testValues()) {
                writeNullable(out, value);
            }
        }
    }

    private static Validation readValidation(DataInputStream in) throws IOException {
        String method = readNullable(in);
        if (method == null) {
            return null;
        }
        Double fraction = readNullableDouble(in);
        boolean hasSeed = in.readBoolean();
        long seed = in.readLong();
        String column = readNullable(in);
        int count = in.readInt();
        List<String> values = count < 0 ? null : new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(readNullable(in));
        }
        return new Validation(Validation.Method.of(method), fraction, hasSeed ? seed : null, column, values);
    }

    private static ModelSpec readSpec(DataInputStream in, int version) throws IOException {
        String response = readNullable(in);
        int termCount = in.readInt();
        List<TermSpec> terms = new ArrayList<>();
        for (int i = 0; i < termCount; i++) {
            terms.add(readTerm(in));
        }
        int interactionCount = in.readInt();
        List<InteractionSpec> interactions = new ArrayList<>();
        for (int i = 0; i < interactionCount; i++) {
            InteractionSpec read = new InteractionSpec(readTerm(in), readTerm(in), in.readBoolean(), in.readBoolean(), in.readBoolean());
            if (version >= 2) {
                Double priorWeight = readNullableDouble(in);
                Integer permutations = integer(readNullableDouble(in));
                read = new InteractionSpec(read.first(), read.second(), read.includeMain(), read.targetEncoding(),
                        read.frequencyEncoding(), priorWeight, permutations);
            }
            interactions.add(read);
        }
        String family = readNullable(in);
        String link = readNullable(in);
        double varPower = in.readDouble();
        Double theta = readNullableDouble(in);
        String offset = readNullable(in);
        String weights = readNullable(in);
        boolean intercept = in.readBoolean();
        double alpha = in.readDouble();
        double l1 = in.readDouble();
        int maxIter = in.readInt();
        double tol = in.readDouble();
        PenaltyKind regularization = word(readNullable(in), PenaltyKind::of, "regularization");
        Double cv = readNullableDouble(in);
        Selection selection = word(readNullable(in), Selection::of, "selection");
        int nAlphas = in.readInt();
        boolean hasSeed = in.readBoolean();
        long seed = in.readLong();
        FitOptions options = new FitOptions(alpha, l1, maxIter, tol, regularization, cv == null ? null : cv.intValue(),
                selection, nAlphas, hasSeed ? seed : null);
        return new ModelSpec(response, terms, interactions, family, link, varPower, theta, offset, weights, intercept, options,
                version >= 3 ? readValidation(in) : null);
    }

    private static void writeTerm(DataOutputStream out, TermSpec t) throws IOException {
        writeNullable(out, t.name());
        writeNullable(out, t.type().id());
        for (Integer v : new Integer[] {t.df(), t.k(), t.degree(), t.nPermutations()}) {
            writeNullableDouble(out, v == null ? null : v.doubleValue());
        }
        writeNullable(out, t.monotonicity() == null ? null : t.monotonicity().id());
        out.writeBoolean(t.levels() != null);
        if (t.levels() != null) {
            writeStrings(out, t.levels());
        }
        writeNullable(out, t.expr());
        writeNullableDouble(out, t.priorWeight());
    }

    private static TermSpec readTerm(DataInputStream in) throws IOException {
        String name = readNullable(in);
        TermType type = word(readNullable(in), TermType::of, "term type");
        Integer df = integer(readNullableDouble(in));
        Integer k = integer(readNullableDouble(in));
        Integer degree = integer(readNullableDouble(in));
        Integer nPermutations = integer(readNullableDouble(in));
        Monotonicity monotonicity = word(readNullable(in), Monotonicity::of, "monotonicity");
        List<String> levels = in.readBoolean() ? readStrings(in) : null;
        String expr = readNullable(in);
        Double priorWeight = readNullableDouble(in);
        return new TermSpec(name, type, df, k, degree, monotonicity, levels, expr, priorWeight, nPermutations);
    }

    /** A spec word as the file stores it (the JSON word), null staying null. */
    private static <E> E word(String word, java.util.function.Function<String, E> parse, String what) throws IOException {
        if (word == null) {
            return null;
        }
        E value = parse.apply(word);
        if (value == null) {
            throw new IOException("Model file has an unknown " + what + " '" + word + "'");
        }
        return value;
    }

    private static Integer integer(Double d) {
        return d == null ? null : d.intValue();
    }

    private static void writeEncoder(DataOutputStream out, TermEncoder encoder) throws IOException {
        switch (encoder) {
            case CategoricalEncoder c -> {
                out.writeByte(1);
                out.writeUTF(c.column());
                writeStrings(out, c.levels());
                out.writeBoolean(c.fullCoding());
            }
            case LinearEncoder l -> {
                out.writeByte(2);
                out.writeUTF(l.column());
            }
            case ExpressionEncoder e -> {
                out.writeByte(3);
                out.writeUTF(e.name());
                out.writeUTF(e.expression());
            }
            case SplineEncoder s -> {
                // tag 7 = tag 4 plus the warning, so models without one keep the format older versions read
                out.writeByte(s.warning() == null ? 4 : 7);
                out.writeUTF(s.column());
                out.writeInt(s.df());
                SplineBasis b = s.basis();
                out.writeBoolean(b.natural());
                out.writeInt(b.degree());
                writeDoubles(out, b.interiorKnots());
                out.writeDouble(b.lower());
                out.writeDouble(b.upper());
                out.writeBoolean(s.penalized());
                out.writeInt(s.direction());
                if (s.warning() != null) {
                    writeLongString(out, s.warning());
                }
            }
            case LevelEncoder l -> {
                // the ordered training statistics are not kept: a reloaded model only predicts
                out.writeByte(6);
                out.writeUTF(l.kind());
                writeStrings(out, l.columns());
                writeStrings(out, l.levels());
                writeDoubles(out, l.values());
                out.writeDouble(l.unseen());
                out.writeDouble(l.priorWeight());
                out.writeInt(l.permutations());
            }
            case InteractionEncoder i -> {
                out.writeByte(5);
                writeEncoder(out, i.first());
                writeEncoder(out, i.second());
            }
        }
    }

    private static TermEncoder readEncoder(DataInputStream in, int depth, int version) throws IOException {
        if (depth > 8) {
            throw new SerializationError("Serialized model nests interactions too deeply");
        }
        int tag = in.readByte();
        return switch (tag) {
            case 1 -> new CategoricalEncoder(in.readUTF(), readStrings(in), in.readBoolean());
            case 2 -> new LinearEncoder(in.readUTF());
            case 3 -> new ExpressionEncoder(in.readUTF(), in.readUTF());
            case 4, 7 -> {
                String column = in.readUTF();
                int df = in.readInt();
                boolean natural = in.readBoolean();
                int degree = in.readInt();
                double[] knots = readDoubles(in);
                SplineBasis basis = new SplineBasis(natural, degree, knots, in.readDouble(), in.readDouble());
                if (version < 2) {
                    yield new SplineEncoder(column, df, basis);
                }
                boolean penalized = in.readBoolean();
                int direction = in.readInt();
                yield new SplineEncoder(column, df, basis, penalized, direction, tag == 7 ? readLongString(in) : null);
            }
            case 5 -> new InteractionEncoder(readEncoder(in, depth + 1, version), readEncoder(in, depth + 1, version));
            case 6 -> new LevelEncoder(in.readUTF(), readStrings(in), readStrings(in), readDoubles(in), in.readDouble(),
                    in.readDouble(), in.readInt(), null);
            default -> throw new SerializationError("Unknown term tag " + tag + " in serialized model");
        };
    }

    private static void writeRegularization(DataOutputStream out, Regularization r) throws IOException {
        out.writeBoolean(r != null);
        if (r == null) {
            return;
        }
        out.writeUTF(r.penalty().id());
        out.writeDouble(r.l1Ratio());
        out.writeDouble(r.alpha());
        out.writeDouble(r.alphaMax());
        out.writeInt(r.path().size());
        for (Regularization.PathPoint p : r.path()) {
            out.writeDouble(p.alpha());
            out.writeDouble(p.deviance());
            out.writeInt(p.nonZero());
        }
        out.writeInt(r.folds() == null ? 0 : r.folds());
        writeNullable(out, r.selection() == null ? null : r.selection().id());
        out.writeInt(r.cv().size());
        for (Regularization.CvPoint p : r.cv()) {
            out.writeDouble(p.alpha());
            out.writeDouble(p.meanDeviance());
            out.writeDouble(p.standardError());
        }
        writeStrings(out, r.selectedFeatures());
    }

    /**
     * The coefficients along a penalized path, after everything else: a trailing section, so models stored before it
     * existed read as before (with an empty coefficient path).
     */
    private static void writePathCoefficients(DataOutputStream out, Regularization r) throws IOException {
        if (r == null || r.path().isEmpty() || r.path().getFirst().coefficients().isEmpty()) {
            return;
        }
        out.writeInt(r.path().size());
        for (Regularization.PathPoint p : r.path()) {
            writeDoubles(out, p.coefficients().stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    private static Regularization readPathCoefficients(DataInputStream in, Regularization r) throws IOException {
        if (r == null || in.available() == 0) {
            return r;
        }
        int size = in.readInt();
        if (size != r.path().size()) {
            throw new SerializationError("Coefficient path of " + size + " points for a path of " + r.path().size());
        }
        List<Regularization.PathPoint> path = new ArrayList<>();
        for (Regularization.PathPoint p : r.path()) {
            path.add(new Regularization.PathPoint(p.alpha(), p.deviance(), p.nonZero(),
                    Arrays.stream(readDoubles(in)).boxed().toList()));
        }
        return r.withPath(path);
    }

    private static Regularization readRegularization(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        PenaltyKind penalty = word(in.readUTF(), PenaltyKind::of, "penalty");
        double l1 = in.readDouble();
        double alpha = in.readDouble();
        double alphaMax = in.readDouble();
        int pathSize = in.readInt();
        List<Regularization.PathPoint> path = new ArrayList<>();
        for (int i = 0; i < pathSize; i++) {
            path.add(new Regularization.PathPoint(in.readDouble(), in.readDouble(), in.readInt()));
        }
        int folds = in.readInt();
        Selection selection = word(readNullable(in), Selection::of, "selection");
        int cvSize = in.readInt();
        List<Regularization.CvPoint> cv = new ArrayList<>();
        for (int i = 0; i < cvSize; i++) {
            cv.add(new Regularization.CvPoint(in.readDouble(), in.readDouble(), in.readDouble()));
        }
        return new Regularization(penalty, l1, alpha, alphaMax, path, folds == 0 ? null : folds, selection, cv,
                readStrings(in));
    }

    private static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            writeLongString(out, s);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? readLongString(in) : null;
    }

    /** Strings by UTF-8 length prefix: writeUTF would stop at 64 KB. */
    private static void writeLongString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readLongString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new SerializationError("Corrupt serialized model (string length " + length + ")");
        }
        byte[] bytes = in.readNBytes(length);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void writeNullableDouble(DataOutputStream out, Double d) throws IOException {
        out.writeBoolean(d != null);
        out.writeDouble(d == null ? 0 : d);
    }

    private static Double readNullableDouble(DataInputStream in) throws IOException {
        boolean present = in.readBoolean();
        double v = in.readDouble();
        return present ? v : null;
    }

    private static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            writeLongString(out, s);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new SerializationError("Corrupt serialized model (list length " + n + ")");
        }
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(readLongString(in));
        }
        return list;
    }

    private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    private static double[] readDoubles(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || (long) n * 8 > in.available()) {
            throw new SerializationError("Corrupt serialized model (array length " + n + ")");
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }
}
