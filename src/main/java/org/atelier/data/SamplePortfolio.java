package org.atelier.data;

import org.atelier.engine.frame.Column;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.frame.StringColumn;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import java.util.SplittableRandom;

/**
 * A synthetic French motor third-party-liability portfolio shaped like freMTPL2 (678,013 policies by
 * default), deterministic for a seed, whose claim counts follow a KNOWN Poisson GLM, so a fit can be checked
 * against the truth.
 *
 * <p>Margins (calibrated by hand on a freMTPL2-like sample): exposure is 1 for 27% of policies and otherwise
 * U^0.8 on (0, 1) (mean about 0.68, at least one day, 4 decimals); Density is log-normal (log-mean 6.0,
 * log-sd 1.88) in [1, 27,000] and Area is its band (A up to 33, B to 121, C to 492, D to 1,998, E to 9,895,
 * F above), as in freMTPL2; BonusMalus is 50 for 63% and otherwise 50 + an exponential of mean 22.5 (at most
 * 230); DrivAge is normal(46, 15) within [18, 99]; VehAge is geometric (p 0.128) capped at 30; VehPower,
 * VehBrand, VehGas and Region are drawn with the sample's level shares.
 *
 * <p>The true frequency model, with base levels Area A, VehBrand B1, VehGas Diesel, Region R11:
 * <pre>
 * log E[ClaimNb] = log(Exposure) + INTERCEPT + AREA(Area) + VEH_POWER * VehPower + VEH_AGE * VehAge
 *                  + DRIV_AGE * DrivAge + BONUS_MALUS * BonusMalus + DENSITY * Density
 *                  + BRAND(VehBrand) + GAS(VehGas) + REGION(Region)
 * </pre>
 * with DENSITY = 0: density acts only through its Area band. These are exactly the terms of a Poisson GLM with
 * Area, VehBrand, VehGas and Region as categorical and the rest linear, so such a fit on a large sample should
 * recover them (e.g. Area[T.D] near 0.35, BonusMalus near 0.02) within a few standard errors; rare levels
 * (B14, R42, R43 hold well under 1% of policies) are estimated loosely. Overall about 0.085 claims per
 * policy-year. ClaimAmount is the sum of ClaimNb independent gamma
 * severities (shape {@link #SEVERITY_SHAPE}, mean {@link #SEVERITY_MEAN}, 2 decimals), 0 without claims.
 */
public final class SamplePortfolio {
    public static final int DEFAULT_ROWS = 678_013;
    public static final List<String> COLUMNS = List.of("IDpol", "ClaimNb", "Exposure", "Area", "VehPower",
            "VehAge", "DrivAge", "BonusMalus", "VehBrand", "VehGas", "Density", "Region", "ClaimAmount");

    // ---- the true coefficients of the frequency model (level maps are in level order, base level first) ----
    public static final double INTERCEPT = -3.43;
    public static final SequencedMap<String, Double> AREA = effects("A", 0, "B", 0.10, "C", 0.20, "D", 0.35,
            "E", 0.45, "F", 0.55);
    public static final double VEH_POWER = 0.01;
    public static final double VEH_AGE = -0.03;
    public static final double DRIV_AGE = -0.005;
    public static final double BONUS_MALUS = 0.02;
    /** Density's own slope: none, its effect is all in the Area bands (so a fit should find about 0). */
    public static final double DENSITY = 0;
    public static final SequencedMap<String, Double> BRAND = effects("B1", 0, "B2", 0, "B3", -0.05, "B4", -0.10,
            "B5", 0, "B6", -0.10, "B10", -0.10, "B11", 0.05, "B12", -0.30, "B13", -0.20, "B14", -0.50);
    public static final SequencedMap<String, Double> GAS = effects("Diesel", 0, "Regular", 0.06);
    public static final SequencedMap<String, Double> REGION = effects("R11", 0, "R21", -0.30, "R22", -0.30,
            "R23", -0.30, "R24", -0.35, "R25", -0.10, "R26", -0.20, "R31", -0.15, "R41", -0.20, "R42", -0.10,
            "R43", -0.20, "R52", -0.15, "R53", -0.25, "R54", -0.10, "R72", -0.20, "R73", -0.30, "R74", 0.10,
            "R82", -0.05, "R83", -0.30, "R91", -0.10, "R93", -0.05, "R94", -0.10);
    public static final List<String> AREA_LEVELS = List.copyOf(AREA.keySet());
    public static final List<String> BRAND_LEVELS = List.copyOf(BRAND.keySet());
    public static final List<String> GAS_LEVELS = List.copyOf(GAS.keySet());
    public static final List<String> REGION_LEVELS = List.copyOf(REGION.keySet());
    public static final double SEVERITY_SHAPE = 1.5;
    public static final double SEVERITY_MEAN = 1560;

    // ---- margins ----
    private static final double[] BRAND_SHARE = {0.243, 0.237, 0.079, 0.040, 0.053, 0.040, 0.026, 0.019,
            0.240, 0.020, 0.004};
    private static final double[] REGION_SHARE = {0.1019, 0.0054, 0.0131, 0.0129, 0.2434, 0.0081, 0.0076,
            0.0391, 0.0184, 0.0030, 0.0022, 0.0589, 0.0627, 0.0280, 0.0458, 0.0246, 0.0068, 0.1268, 0.0082,
            0.0547, 0.1215, 0.0070};
    private static final int[] POWER_LEVELS = {4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
    private static final double[] POWER_SHARE = {0.0905, 0.2148, 0.2618, 0.2095, 0.1272, 0.0610, 0.0239,
            0.0083, 0.0021, 0.0006, 0.0002, 0.0001};
    private static final int[] AREA_UPPER_DENSITY = {33, 121, 492, 1998, 9895, Integer.MAX_VALUE};
    // the level effects as arrays indexed like the *_LEVELS lists, for the generator's inner loop
    private static final double[] AREA_EFFECT = values(AREA);
    private static final double[] BRAND_EFFECT = values(BRAND);
    private static final double[] GAS_EFFECT = values(GAS);
    private static final double[] REGION_EFFECT = values(REGION);

    private SamplePortfolio() {
    }

    /** One policy; reused across rows so generating allocates nothing per row. */
    private static final class Policy {
        int claims;
        double exposure; // already rounded to 4 decimals
        int area;
        int power;
        int vehAge;
        int drivAge;
        int bonusMalus;
        int brand;
        int gas;
        int density;
        int region;
        double amount; // already rounded to 2 decimals
    }

    /** Draws the policies of one seed in order; the same sequence feeds both the CSV and the frame. */
    private static final class Generator {
        private final SplittableRandom random;
        private final double[] brandCumulative = cumulative(BRAND_SHARE);
        private final double[] regionCumulative = cumulative(REGION_SHARE);
        private final double[] powerCumulative = cumulative(POWER_SHARE);

        Generator(long seed) {
            random = new SplittableRandom(seed);
        }

        void next(Policy p) {
            SplittableRandom r = random;
            p.exposure = r.nextDouble() < 0.274 ? 1.0
                    : Math.max(27, Math.min(9999, Math.round(Math.pow(r.nextDouble(), 0.8) * 10_000))) / 10_000.0;
            p.density = (int) Math.max(1, Math.min(27_000, Math.round(Math.exp(6.0 + 1.88 * gaussian(r)))));
            int area = 0;
            while (p.density > AREA_UPPER_DENSITY[area]) {
                area++;
            }
            p.area = area;
            p.power = POWER_LEVELS[pick(powerCumulative, r)];
            p.vehAge = (int) Math.min(30, Math.floor(Math.log(1 - r.nextDouble()) / Math.log(1 - 0.128)));
            double age;
            do {
                age = Math.round(46 + 15 * gaussian(r));
            } while (age < 18 || age > 99);
            p.drivAge = (int) age;
            p.bonusMalus = r.nextDouble() < 0.63 ? 50
                    : (int) Math.min(230, 50 + Math.ceil(-22.5 * Math.log(1 - r.nextDouble())));
            p.brand = pick(brandCumulative, r);
            p.gas = r.nextDouble() < 0.493 ? 0 : 1;
            p.region = pick(regionCumulative, r);
            double eta = INTERCEPT + AREA_EFFECT[p.area] + VEH_POWER * p.power + VEH_AGE * p.vehAge
                    + DRIV_AGE * p.drivAge + BONUS_MALUS * p.bonusMalus + DENSITY * p.density
                    + BRAND_EFFECT[p.brand] + GAS_EFFECT[p.gas] + REGION_EFFECT[p.region];
            p.claims = poisson(r, p.exposure * Math.exp(eta));
            double amount = 0;
            for (int k = 0; k < p.claims; k++) {
                amount += gamma(r, SEVERITY_SHAPE) * (SEVERITY_MEAN / SEVERITY_SHAPE);
            }
            p.amount = Math.round(amount * 100) / 100.0;
        }

        private static double[] cumulative(double[] shares) {
            double total = 0;
            for (double s : shares) {
                total += s;
            }
            double[] c = new double[shares.length];
            double running = 0;
            for (int i = 0; i < shares.length; i++) {
                running += shares[i] / total;
                c[i] = running;
            }
            c[c.length - 1] = 1.0;
            return c;
        }

        private static int pick(double[] cumulative, SplittableRandom r) {
            double u = r.nextDouble();
            int i = 0;
            while (u >= cumulative[i]) {
                i++;
            }
            return i;
        }

        /** Marsaglia's polar method; one of the pair is dropped to keep the draw sequence simple. */
        private static double gaussian(SplittableRandom r) {
            double u;
            double v;
            double s;
            do {
                u = 2 * r.nextDouble() - 1;
                v = 2 * r.nextDouble() - 1;
                s = u * u + v * v;
            } while (s >= 1 || s == 0);
            return u * Math.sqrt(-2 * Math.log(s) / s);
        }

        /** Inversion: the means here are well below 10, where it is both exact and quick. */
        private static int poisson(SplittableRandom r, double mean) {
            double u = r.nextDouble();
            double p = Math.exp(-mean);
            double cumulative = p;
            int k = 0;
            while (u > cumulative && k < 1000) {
                k++;
                p *= mean / k;
                cumulative += p;
            }
            return k;
        }

        /** Marsaglia and Tsang's method for shape >= 1, scale 1. */
        private static double gamma(SplittableRandom r, double shape) {
            double d = shape - 1.0 / 3;
            double c = 1 / Math.sqrt(9 * d);
            while (true) {
                double x = gaussian(r);
                double v = 1 + c * x;
                if (v <= 0) {
                    continue;
                }
                v = v * v * v;
                double u = r.nextDouble();
                if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                    return d * v;
                }
            }
        }
    }

    /** Writes the portfolio as CSV (header + rows, LF endings), streaming: memory does not grow with rows. */
    public static void writeCsv(Path file, long seed, int rows) {
        writeCsv(file, seed, rows, false);
    }

    /**
     * As {@link #writeCsv(Path, long, int)}, optionally with a 14th column {@code PolicyRef}: a unique text
     * reference per policy ("POL0000001"). It is not part of the portfolio's model; the read benchmark uses it
     * as the worst case for text columns (as many distinct values as rows).
     */
    public static void writeCsv(Path file, long seed, int rows, boolean withPolicyRef) {
        try (OutputStream out = Files.newOutputStream(file)) {
            writeCsv(out, seed, rows, withPolicyRef);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the portfolio as CSV to {@code out} (not closed). */
    public static void writeCsv(OutputStream out, long seed, int rows) throws IOException {
        writeCsv(out, seed, rows, false);
    }

    private static void writeCsv(OutputStream out, long seed, int rows, boolean withPolicyRef) throws IOException {
        CsvBytes line = new CsvBytes(out);
        line.text(String.join(",", COLUMNS) + (withPolicyRef ? ",PolicyRef" : "")).newline();
        byte[] reference = {'P', 'O', 'L'};
        Generator generator = new Generator(seed);
        Policy p = new Policy();
        byte[][] area = bytes(AREA_LEVELS);
        byte[][] brand = bytes(BRAND_LEVELS);
        byte[][] gas = bytes(GAS_LEVELS);
        byte[][] region = bytes(REGION_LEVELS);
        for (int i = 1; i <= rows; i++) {
            generator.next(p);
            line.integer(i).comma().integer(p.claims).comma().fixed(p.exposure, 4).comma()
                    .raw(area[p.area]).comma().integer(p.power).comma().integer(p.vehAge).comma()
                    .integer(p.drivAge).comma().integer(p.bonusMalus).comma().raw(brand[p.brand]).comma()
                    .raw(gas[p.gas]).comma().integer(p.density).comma().raw(region[p.region]).comma()
                    .fixed(p.amount, 2);
            if (withPolicyRef) {
                line.comma().raw(reference).zeroPadded(i, 7);
            }
            line.newline();
        }
        line.flush();
    }

    /** The same policies as {@link #writeCsv} for the same seed, as a frame equal to reading that CSV back. */
    public static Frame generate(long seed, int rows) {
        double[][] numbers = new double[9][rows];
        int[][] codes = new int[4][rows];
        Generator generator = new Generator(seed);
        Policy p = new Policy();
        for (int i = 0; i < rows; i++) {
            generator.next(p);
            numbers[0][i] = i + 1;
            numbers[1][i] = p.claims;
            numbers[2][i] = p.exposure;
            numbers[3][i] = p.power;
            numbers[4][i] = p.vehAge;
            numbers[5][i] = p.drivAge;
            numbers[6][i] = p.bonusMalus;
            numbers[7][i] = p.density;
            numbers[8][i] = p.amount;
            codes[0][i] = p.area;
            codes[1][i] = p.brand;
            codes[2][i] = p.gas;
            codes[3][i] = p.region;
        }
        List<Column> columns = new ArrayList<>();
        columns.add(new NumericColumn("IDpol", numbers[0], true));
        columns.add(new NumericColumn("ClaimNb", numbers[1], true));
        columns.add(numeric("Exposure", numbers[2]));
        columns.add(firstAppearance("Area", codes[0], AREA_LEVELS));
        columns.add(new NumericColumn("VehPower", numbers[3], true));
        columns.add(new NumericColumn("VehAge", numbers[4], true));
        columns.add(new NumericColumn("DrivAge", numbers[5], true));
        columns.add(new NumericColumn("BonusMalus", numbers[6], true));
        columns.add(firstAppearance("VehBrand", codes[1], BRAND_LEVELS));
        columns.add(firstAppearance("VehGas", codes[2], GAS_LEVELS));
        columns.add(new NumericColumn("Density", numbers[7], true));
        columns.add(firstAppearance("Region", codes[3], REGION_LEVELS));
        columns.add(numeric("ClaimAmount", numbers[8]));
        return new Frame(columns);
    }

    /** Integral exactly when the CSV would print every value without decimals, as the reader decides. */
    private static NumericColumn numeric(String name, double[] values) {
        for (double v : values) {
            if (v != Math.rint(v)) {
                return new NumericColumn(name, values, false);
            }
        }
        return new NumericColumn(name, values, true);
    }

    /** Recodes level indices so the dictionary is in order of first appearance, like a read CSV's. */
    private static StringColumn firstAppearance(String name, int[] levelCodes, List<String> levels) {
        int[] remap = new int[levels.size()];
        java.util.Arrays.fill(remap, -1);
        List<String> dictionary = new ArrayList<>();
        for (int i = 0; i < levelCodes.length; i++) {
            int level = levelCodes[i];
            if (remap[level] < 0) {
                remap[level] = dictionary.size();
                dictionary.add(levels.get(level));
            }
            levelCodes[i] = remap[level];
        }
        return new StringColumn(name, levelCodes, dictionary.toArray(String[]::new));
    }

    private static SequencedMap<String, Double> effects(Object... levelsAndEffects) {
        SequencedMap<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < levelsAndEffects.length; i += 2) {
            map.put((String) levelsAndEffects[i], ((Number) levelsAndEffects[i + 1]).doubleValue());
        }
        return Collections.unmodifiableSequencedMap(map);
    }

    private static double[] values(SequencedMap<String, Double> effects) {
        return effects.values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static byte[][] bytes(List<String> levels) {
        return levels.stream().map(s -> s.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).toArray(byte[][]::new);
    }
}
