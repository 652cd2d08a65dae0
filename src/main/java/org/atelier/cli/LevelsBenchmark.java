package org.atelier.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.atelier.engine.error.GlmException;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.fit.GlmFitter;
import org.atelier.engine.frame.Column;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.frame.StringColumn;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.TermSpec;

/**
 * {@code atelier benchmark-fit --levels [--rows N] [--counts 2000,5000,50000]}: fits a Poisson frequency model with
 * one wide categorical (a postcode of that many levels), a 5-level area and two numerics with an exposure offset, on
 * N generated rows (20,000 by default), and prints each fit's time: the wide categorical is solved by block
 * elimination. Figures only: nothing asserts a time.
 */
final class LevelsBenchmark {
    private LevelsBenchmark() {
    }

    static int run(String[] args, PrintStream out) {
        int rows = 20_000;
        int[] counts = {2_000, 5_000, 50_000};
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--counts" -> counts = java.util.Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                default -> { }
            }
        }
        ModelSpec spec = ModelSpec.of("claims", "poisson", List.of(TermSpec.categorical("postcode"),
                TermSpec.categorical("area"), TermSpec.linear("age"), TermSpec.linear("density"))).withOffset("exposure");
        for (int levels : counts) {
            Frame frame = portfolio(rows, levels, 7L);
            long cpu = BenchCommand.processCpuNanos();
            long start = System.nanoTime();
            try {
                FittedModel model = GlmFitter.fit(spec, frame);
                out.printf(Locale.ROOT, "%,d levels on %,d rows: fit %.2f s (process CPU %.2f s, load average %.1f), %d coefficients,"
                                + " %d iterations, deviance %.2f%n", levels, rows, (System.nanoTime() - start) / 1e9,
                        (BenchCommand.processCpuNanos() - cpu) / 1e9,
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                        model.coefficients().length, model.statistics().iterations(), model.statistics().deviance());
            } catch (GlmException e) {
                out.printf(Locale.ROOT, "%,d levels on %,d rows: refused after %.2f s: %s%n", levels, rows,
                        (System.nanoTime() - start) / 1e9, e.getMessage());
            }
        }
        return 0;
    }

    /** Rows with a postcode drawn so every level occurs (the first {@code levels} rows take one each, when possible). */
    static Frame portfolio(int rows, int levels, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] postcodes = new String[levels];
        for (int a = 0; a < levels; a++) {
            postcodes[a] = "P" + a;
        }
        double[] effect = new double[levels];
        for (int a = 0; a < levels; a++) {
            effect[a] = 0.3 * (random.nextDouble() - 0.5);
        }
        int[] postcode = new int[rows];
        int[] area = new int[rows];
        double[] age = new double[rows];
        double[] density = new double[rows];
        double[] exposure = new double[rows];
        double[] claims = new double[rows];
        for (int i = 0; i < rows; i++) {
            postcode[i] = i < levels ? i : random.nextInt(levels);
            area[i] = random.nextInt(5);
            age[i] = 18 + random.nextInt(60);
            density[i] = random.nextDouble() * 4;
            exposure[i] = 0.2 + 0.8 * random.nextDouble();
            double mu = exposure[i] * Math.exp(-2.0 + 0.01 * (age[i] - 40) + 0.1 * density[i] + effect[postcode[i]] + 0.05 * area[i]);
            claims[i] = poisson(random, mu);
        }
        List<Column> columns = new ArrayList<>();
        columns.add(new NumericColumn("claims", claims, true));
        columns.add(new StringColumn("postcode", postcode, postcodes));
        columns.add(new StringColumn("area", area, new String[] {"A", "B", "C", "D", "E"}));
        columns.add(new NumericColumn("age", age, true));
        columns.add(new NumericColumn("density", density, false));
        columns.add(new NumericColumn("exposure", exposure, false));
        return new Frame(columns);
    }

    private static double poisson(SplittableRandom random, double mu) {
        double limit = Math.exp(-mu);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }
}
