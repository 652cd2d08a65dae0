package org.atelier.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.atelier.engine.frame.Column;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.frame.StringColumn;

/**
 * A synthetic motor portfolio shaped like freMTPL2freq (the §6.3 example: 678,013 policies with Area, VehPower,
 * VehAge, DrivAge, BonusMalus, VehBrand, VehGas, Density, Region, Exposure and Poisson claim counts), generated
 * from a fixed seed so benchmark runs are comparable.
 */
public final class SamplePortfolio {
    public static final int FREMTPL_ROWS = 678_013;
    private static final String[] AREAS = {"A", "B", "C", "D", "E", "F"};
    private static final double[] AREA_P = {0.15, 0.11, 0.28, 0.22, 0.20, 0.04};
    private static final String[] BRANDS = {"B1", "B2", "B3", "B4", "B5", "B6", "B10", "B11", "B12", "B13", "B14"};
    private static final double[] BRAND_P = {0.24, 0.24, 0.08, 0.04, 0.05, 0.04, 0.03, 0.02, 0.24, 0.02, 0.004};
    private static final String[] REGIONS = {"R11", "R21", "R22", "R23", "R24", "R25", "R26", "R31", "R41", "R42", "R43",
            "R52", "R53", "R54", "R72", "R73", "R74", "R82", "R83", "R91", "R93", "R94"};

    private SamplePortfolio() {
    }

    public static Frame generate(int rows, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] exposure = new double[rows], power = new double[rows], vehAge = new double[rows], drivAge = new double[rows];
        double[] bonus = new double[rows], density = new double[rows], claims = new double[rows];
        int[] area = new int[rows], brand = new int[rows], gas = new int[rows], region = new int[rows];
        for (int i = 0; i < rows; i++) {
            exposure[i] = rnd.nextDouble() < 0.3 ? 1.0 : Math.round((0.003 + 0.997 * rnd.nextDouble()) * 1e4) / 1e4;
            area[i] = pick(rnd, AREA_P);
            power[i] = 4 + Math.min(11, (int) Math.floor(-Math.log(1 - rnd.nextDouble()) * 3));
            vehAge[i] = Math.min(40, (int) Math.floor(-Math.log(1 - rnd.nextDouble()) * 7));
            drivAge[i] = 18 + Math.min(80, (int) Math.floor(Math.abs(27 + 14 * gaussian(rnd))));
            bonus[i] = rnd.nextDouble() < 0.6 ? 50 : 50 + Math.min(180, (int) Math.floor(-Math.log(1 - rnd.nextDouble()) * 20));
            brand[i] = pick(rnd, BRAND_P);
            gas[i] = rnd.nextBoolean() ? 1 : 0;
            region[i] = rnd.nextInt(REGIONS.length);
            density[i] = Math.max(1, Math.round(Math.exp(3 + area[i] * 0.9 + 1.0 * gaussian(rnd))));
            double eta = -2.9 + 0.08 * area[i] + 0.01 * (power[i] - 6) - 0.03 * vehAge[i] + 0.006 * (drivAge[i] - 45)
                    + 0.02 * (bonus[i] - 50) + 0.03 * (brand[i] % 4) - 0.05 * gas[i] + 0.02 * Math.log(density[i])
                    + 0.01 * (region[i] % 7);
            claims[i] = poisson(rnd, exposure[i] * Math.exp(eta));
        }
        List<Column> columns = new ArrayList<>();
        columns.add(new NumericColumn("ClaimNb", claims, true));
        columns.add(new NumericColumn("Exposure", exposure, false));
        columns.add(new StringColumn("Area", area, AREAS));
        columns.add(new NumericColumn("VehPower", power, true));
        columns.add(new NumericColumn("VehAge", vehAge, true));
        columns.add(new NumericColumn("DrivAge", drivAge, true));
        columns.add(new NumericColumn("BonusMalus", bonus, true));
        columns.add(new StringColumn("VehBrand", brand, BRANDS));
        columns.add(new StringColumn("VehGas", gas, new String[] {"Diesel", "Regular"}));
        columns.add(new NumericColumn("Density", density, true));
        columns.add(new StringColumn("Region", region, REGIONS));
        return new Frame(columns);
    }

    private static int pick(SplittableRandom rnd, double[] p) {
        double total = 0;
        for (double v : p) total += v;
        double u = rnd.nextDouble() * total;
        for (int k = 0; k < p.length; k++) {
            u -= p[k];
            if (u < 0) return k;
        }
        return p.length - 1;
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    private static int poisson(SplittableRandom rnd, double lambda) {
        double l = Math.exp(-lambda), p = 1;
        int k = 0;
        do {
            k++;
            p *= rnd.nextDouble();
        } while (p > l);
        return k - 1;
    }

    /** Writes the frame as CSV (for R's timing on the very same data). */
    public static void writeCsv(Frame frame, java.nio.file.Path path) throws java.io.IOException {
        try (var out = new java.io.BufferedWriter(new java.io.FileWriter(path.toFile(), java.nio.charset.StandardCharsets.UTF_8), 1 << 20)) {
            out.write(String.join(",", frame.columnNames()));
            out.newLine();
            int n = frame.rowCount();
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < n; i++) {
                line.setLength(0);
                for (Column c : frame.columns()) {
                    if (!line.isEmpty()) line.append(',');
                    switch (c) {
                        case NumericColumn num -> {
                            double v = num.values()[i];
                            if (num.integral()) line.append((long) v); else line.append(v);
                        }
                        case StringColumn s -> line.append(s.value(i));
                    }
                }
                out.write(line.toString());
                out.newLine();
            }
        }
    }
}
