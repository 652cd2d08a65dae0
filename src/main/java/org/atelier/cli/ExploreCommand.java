package org.atelier.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.atelier.data.SamplePortfolio;
import org.atelier.dataset.ExplorationJson;
import org.atelier.engine.explore.Exploration;
import org.atelier.engine.explore.ExploreChoice;
import org.atelier.engine.explore.ExploreProgress;
import org.atelier.engine.explore.Explorer;
import org.atelier.engine.explore.FactorStrength;
import org.atelier.engine.explore.Guesses;
import org.atelier.engine.frame.Frame;

/**
 * {@code atelier explore --data FILE --response Y [--exposure E] [--weights W] [--family F] [--link L]
 * [--out EXPLORE.json]}: the exploration JSON of a dataset (to stdout without --out). The family of the factor
 * strengths is guessed from the response when not given. On any error: a non-zero exit and one line naming the
 * culprit on stderr. {@code explore --benchmark [--rows N] [--repeat N]} times it on the sample portfolio.
 */
public final class ExploreCommand {
    public static final String USAGE = "Usage: java -jar atelier.jar explore --data FILE.csv|.parquet --response Y "
            + "[--exposure E] [--weights W] [--family F] [--link L] [--out EXPLORE.json]"
            + " | explore --benchmark [--rows N] [--repeat N]";

    private ExploreCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, FrameReader.application());
    }

    public static int run(String[] args, PrintStream out, PrintStream err, FrameReader reader) {
        String data = null, response = null, exposure = null, weights = null, family = null, link = null;
        String output = null;
        int rows = SamplePortfolio.DEFAULT_ROWS, repeat = 3;
        boolean benchmark = false;
        try {
            CliArgs parsed = CliArgs.parse(args, "explore", java.util.Set.of("--benchmark"), java.util.Set.of());
            if (parsed.help()) {
                out.println(USAGE);
                return 0;
            }
            benchmark = parsed.has("--benchmark");
            for (CliArgs.Option option : parsed.options()) {
                String name = option.name();
                String value = option.value();
                if (value == null) continue; // a flag, read above
                switch (name) {
                    case "--data" -> data = value;
                    case "--response" -> response = value;
                    case "--exposure" -> exposure = value;
                    case "--weights" -> weights = value;
                    case "--family" -> family = value;
                    case "--link" -> link = value;
                    case "--out" -> output = value;
                    case "--rows" -> rows = positive(name, value);
                    case "--repeat" -> repeat = positive(name, value);
                    default -> throw new CommandErrors.UsageError("Unknown option " + name);
                }
            }
            if (benchmark) return benchmark(rows, repeat, out);
            if (data == null || response == null) throw new CommandErrors.UsageError("--data and --response are required");
            Frame frame = reader.read(Path.of(data));
            if (frame.column(response).isPresent() && family == null) family = Guesses.family(frame, response);
            Exploration x = Explorer.explore(frame, new ExploreChoice(response, exposure, weights, family, link),
                    ExploreProgress.NONE);
            String json = ExplorationJson.write(x);
            if (output == null) {
                out.println(json);
            } else {
                Files.writeString(Path.of(output), json + "\n", StandardCharsets.UTF_8);
            }
            return 0;
        } catch (Exception | OutOfMemoryError e) {
            return CommandErrors.report(e, USAGE, data, err);
        }
    }

    /**
     * The sample portfolio's exploration for ClaimNb with exposure Exposure (Poisson): the time of everything but the
     * strengths (groupings, one-way tables, associations, report) and of the strengths, first run and the median of
     * the repeats after it.
     */
    private static int benchmark(int rows, int repeat, PrintStream out) {
        long start = System.nanoTime();
        Frame frame = SamplePortfolio.generate(1, rows);
        out.printf(Locale.ROOT, "Generated the sample portfolio (%,d rows, %d columns) in %.0f ms%n", rows,
                frame.columnCount(), millis(start));
        ExploreChoice choice = new ExploreChoice("ClaimNb", "Exposure", null, "poisson", null);
        List<Double> oneWay = new ArrayList<>();
        List<Double> strength = new ArrayList<>();
        for (int r = 0; r <= repeat; r++) {
            long t0 = System.nanoTime();
            Explorer explorer = Explorer.prepare(frame, choice);
            Exploration x = explorer.withoutStrengths();
            double a = millis(t0);
            long t1 = System.nanoTime();
            List<FactorStrength> s = explorer.strengths(ExploreProgress.NONE);
            double b = millis(t1);
            out.printf(Locale.ROOT, "%s: one-way tables + associations + report %.0f ms (%d columns, %d pairs); "
                    + "strengths %.0f ms (%d one-factor GLMs)%n", r == 0 ? "first run" : "run " + r, a,
                    x.oneWay().size(), x.associations().size(), b, s.size());
            if (r > 0) {
                oneWay.add(a);
                strength.add(b);
            }
        }
        if (!oneWay.isEmpty()) {
            out.printf(Locale.ROOT, "median of %d after the first: one-way + associations %.0f ms (target < 1000), "
                    + "strengths %.0f ms (target < 3000)%n", oneWay.size(), median(oneWay), median(strength));
        }
        return 0;
    }

    private static int positive(String name, String value) throws CommandErrors.UsageError {
        return CliArgs.wholeNumber(name, value, 1, Integer.MAX_VALUE);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
