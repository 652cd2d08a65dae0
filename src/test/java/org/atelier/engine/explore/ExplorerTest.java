package org.atelier.engine.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.atelier.engine.TestCsv;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.inference.Distributions;
import org.atelier.engine.spec.TermType;
import org.junit.jupiter.api.Test;

class ExplorerTest {
    static Frame csv(String text) {
        try {
            return TestCsv.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 600 policies: Area A/B/C, claims 0-3, exposure in (0, 1], weight 1 or 2. */
    static String portfolio() {
        Random random = new Random(7);
        StringBuilder s = new StringBuilder("Area,ClaimNb,Exposure,W\n");
        String[] areas = {"A", "B", "B", "C"};
        for (int i = 0; i < 600; i++) {
            String area = areas[random.nextInt(4)];
            int claims = random.nextDouble() < (area.equals("C") ? 0.3 : 0.1) ? 1 + random.nextInt(3) : 0;
            double exposure = Math.round((0.05 + 0.95 * random.nextDouble()) * 100) / 100.0;
            s.append(area).append(',').append(claims).append(',').append(exposure).append(',')
                    .append(1 + random.nextInt(2)).append('\n');
        }
        return s.toString();
    }

    @Test
    void oneWayFiguresAreTheLevelsSums() {
        Frame frame = csv(portfolio());
        Exploration x = Explorer.explore(frame, new ExploreChoice("ClaimNb", "Exposure", "W", "poisson", null),
                ExploreProgress.NONE);
        double[] y = numbers(frame, "ClaimNb");
        double[] t = numbers(frame, "Exposure");
        double[] w = numbers(frame, "W");
        double total = 0;
        for (int i = 0; i < y.length; i++) total += w[i] * t[i];
        for (String level : List.of("A", "C")) {
            int n = 0;
            double e = 0, a = 0;
            for (int i = 0; i < y.length; i++) {
                if (!area(frame, i).equals(level)) continue;
                n++;
                e += w[i] * t[i];
                a += w[i] * y[i];
            }
            double rate = a / e;
            double scatter = 0;
            for (int i = 0; i < y.length; i++) {
                if (area(frame, i).equals(level)) scatter += Math.pow(w[i] * y[i] - rate * w[i] * t[i], 2);
            }
            double se = Math.sqrt(scatter) / e;
            OneWayLevel got = x.oneWay().get("Area").levels().stream().filter(l -> l.level().equals(level))
                    .findFirst().orElseThrow();
            assertThat(got.nObs()).isEqualTo(n);
            assertThat(got.exposure()).isCloseTo(e, within(1e-9));
            assertThat(got.actual()).isCloseTo(a, within(1e-9));
            assertThat(got.rate()).isCloseTo(rate, within(1e-12));
            assertThat(got.rateLower()).isCloseTo(Math.max(0, rate - 1.959963984540054 * se), within(1e-12));
            assertThat(got.rateUpper()).isCloseTo(rate + 1.959963984540054 * se, within(1e-12));
            assertThat(got.share()).isCloseTo(e / total, within(1e-12));
            assertThat(got.thin()).isFalse();
        }
        assertThat(x.oneWay().get("Area").baseLevel()).isEqualTo("B");
        assertThat(x.response().rate()).isCloseTo(sum(y, w) / total, within(1e-12));
    }

    @Test
    void strengthIsTheOneFactorPoissonDevianceReduction() {
        Frame frame = csv(portfolio());
        Exploration x = Explorer.explore(frame, new ExploreChoice("ClaimNb", "Exposure", null, "poisson", null),
                ExploreProgress.NONE);
        double[] y = numbers(frame, "ClaimNb");
        double[] t = numbers(frame, "Exposure");
        // saturated per level: mu = t * (level's claims / level's exposure); null: mu = t * overall rate
        java.util.Map<String, double[]> sums = new java.util.HashMap<>();
        double ay = 0, at = 0;
        for (int i = 0; i < y.length; i++) {
            double[] s = sums.computeIfAbsent(area(frame, i), k -> new double[2]);
            s[0] += y[i];
            s[1] += t[i];
            ay += y[i];
            at += t[i];
        }
        double full = 0, none = 0;
        for (int i = 0; i < y.length; i++) {
            double[] s = sums.get(area(frame, i));
            full += poissonDeviance(y[i], t[i] * s[0] / s[1]);
            none += poissonDeviance(y[i], t[i] * ay / at);
        }
        FactorStrength area = x.strength().stream().filter(s -> s.column().equals("Area")).findFirst().orElseThrow();
        assertThat(area.df()).isEqualTo(2);
        assertThat(area.devianceReduction()).isCloseTo(none - full, within(1e-6));
        assertThat(area.pValue()).isCloseTo(Distributions.chiSquaredUpper(none - full, 2), within(1e-9));
        assertThat(x.strength().getFirst().column()).isEqualTo("Area"); // C's rate is three times the others'
    }

    @Test
    void bandsNeverSplitTiesAndAreLabelledByRange() {
        // x = 1..30 once each plus 30 more rows at 15: the equal-exposure rule over the distinct values gives
        // 7 bands, the tied value alone in its band
        StringBuilder s = new StringBuilder("y,x\n");
        for (int v = 1; v <= 30; v++) s.append(v % 3).append(',').append(v).append('\n');
        for (int r = 0; r < 30; r++) s.append(1).append(",15\n");
        Exploration x = Explorer.explore(csv(s.toString()), new ExploreChoice("y", null, null, "poisson", null),
                ExploreProgress.NONE);
        OneWay oneWay = x.oneWay().get("x");
        assertThat(oneWay.banded()).isTrue();
        assertThat(oneWay.levels()).extracting(OneWayLevel::level)
                .containsExactly("1 – 6", "7 – 12", "13 – 14", "15", "16 – 18", "19 – 24", "25 – 30");
        assertThat(oneWay.levels()).extracting(OneWayLevel::nObs).containsExactly(6, 6, 2, 31, 3, 6, 6);
        assertThat(oneWay.suggestedType()).isEqualTo(TermType.LINEAR);
        assertThat(codes(x.report().suggestions(), "x")).contains("spline_df");
    }

    @Test
    void cramersVOfAHandComputedTable() {
        // a: (10, 20, 30), b: (20, 10, 10); χ² = 13.19444, n = 100, min(r, c) - 1 = 1
        int[][] table = {{10, 20, 30}, {20, 10, 10}};
        int[][] rows = rowsOf(table);
        assertThat(Associations.cramersV(rows[0], 2, rows[1], 3)).isCloseTo(Math.sqrt(13.194444444444445 / 100),
                within(1e-12));
        // empty cells: a perfect association, and a sparse 3x3 table, neither an error
        int[][] diagonal = rowsOf(new int[][] {{5, 0}, {0, 5}});
        assertThat(Associations.cramersV(diagonal[0], 2, diagonal[1], 2)).isCloseTo(1, within(1e-12));
        int[][] sparse = rowsOf(new int[][] {{4, 0, 1}, {0, 0, 3}, {2, 0, 0}});
        // the middle column is empty, so c = 2 levels present: regroup as the explorer does (present levels only)
        int[] col = sparse[1].clone();
        for (int i = 0; i < col.length; i++) col[i] = col[i] == 2 ? 1 : col[i];
        // n = 10; rows (5, 3, 2), cols (6, 4); Σ n_ij²/(n_i n_j) = 16/30 + 1/20 + 9/12 + 4/12 = 1.6666...
        double chi2 = 10 * (16.0 / 30 + 1.0 / 20 + 9.0 / 12 + 4.0 / 12 - 1);
        assertThat(Associations.cramersV(sparse[0], 3, col, 2)).isCloseTo(Math.sqrt(chi2 / 10), within(1e-12));
    }

    @Test
    void associationsAreFlaggedAndPearsonIsExposureWeighted() {
        StringBuilder s = new StringBuilder("y,e,a,b,u,v\n");
        for (int i = 0; i < 40; i++) {
            String a = i % 2 == 0 ? "p" : "q";
            String b = i % 2 == 0 ? (i % 4 == 0 ? "r" : "s") : "t";
            s.append(i % 3 == 0 ? 1 : 0).append(',').append(1 + i % 5).append(',').append(a).append(',').append(b)
                    .append(',').append(i * 0.5).append(',').append(i * 0.25 + (i % 2)).append('\n');
        }
        Frame frame = csv(s.toString());
        Exploration x = Explorer.explore(frame, new ExploreChoice("y", "e", null, "poisson", null),
                ExploreProgress.NONE);
        Association ab = x.associations().stream().filter(a -> a.a().equals("a") && a.b().equals("b")).findFirst()
                .orElseThrow();
        assertThat(ab.measure()).isEqualTo("cramers_v");
        assertThat(ab.value()).isCloseTo(1, within(1e-12));
        assertThat(ab.flagged()).isTrue();
        double[] u = numbers(frame, "u"), v = numbers(frame, "v"), e = numbers(frame, "e");
        double sw = 0, mu = 0, mv = 0;
        for (int i = 0; i < u.length; i++) { sw += e[i]; mu += e[i] * u[i]; mv += e[i] * v[i]; }
        mu /= sw;
        mv /= sw;
        double suu = 0, svv = 0, suv = 0;
        for (int i = 0; i < u.length; i++) {
            suu += e[i] * (u[i] - mu) * (u[i] - mu);
            svv += e[i] * (v[i] - mv) * (v[i] - mv);
            suv += e[i] * (u[i] - mu) * (v[i] - mv);
        }
        Association uv = x.associations().stream().filter(a -> a.a().equals("u") && a.b().equals("v")).findFirst()
                .orElseThrow();
        assertThat(uv.measure()).isEqualTo("pearson");
        assertThat(uv.value()).isCloseTo(suv / Math.sqrt(suu * svv), within(1e-12));
        assertThat(uv.flagged()).isTrue();
    }

    static int[][] rowsOf(int[][] table) {
        int n = 0;
        for (int[] row : table) for (int c : row) n += c;
        int[] x = new int[n], y = new int[n];
        int k = 0;
        for (int i = 0; i < table.length; i++) {
            for (int j = 0; j < table[i].length; j++) {
                for (int c = 0; c < table[i][j]; c++) {
                    x[k] = i;
                    y[k++] = j;
                }
            }
        }
        return new int[][] {x, y};
    }

    static List<String> codes(List<ReportEntry> entries, String column) {
        return entries.stream().filter(e -> e.column().equals(column)).map(ReportEntry::code).toList();
    }

    private static double poissonDeviance(double y, double mu) {
        return 2 * ((y == 0 ? 0 : y * Math.log(y / mu)) - (y - mu));
    }

    private static String area(Frame frame, int row) {
        return ((org.atelier.engine.frame.StringColumn) frame.column("Area").orElseThrow()).value(row);
    }

    private static double[] numbers(Frame frame, String name) {
        return ((org.atelier.engine.frame.NumericColumn) frame.column(name).orElseThrow()).values();
    }

    private static double sum(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
