package org.atelier.engine.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.atelier.engine.family.Gaussian;
import org.atelier.engine.family.Poisson;
import org.atelier.engine.frame.Column;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.frame.StringColumn;
import org.junit.jupiter.api.Test;

/** Each diagnostic's definition on small hand-made rows: ties, zero-exposure rows and weights. */
class DiagnosticsDefinitionsTest {
    private static final double EPS = 1e-12;

    /** Rows with y, w, t, μ and rate r = μ/t (written out, so ties are exact). */
    private static RowMeasures rows(double[] y, double[] w, double[] t, double[] rate) {
        double[] mu = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            mu[i] = rate[i] * t[i];
        }
        return RowMeasures.of(y, w, t, mu, rate);
    }

    private static double[] ones(int n) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, 1);
        return out;
    }

    private static SortedRows sorted(RowMeasures rows) {
        return sorted(rows, new double[rows.n], new double[rows.n]);
    }

    private static SortedRows sorted(RowMeasures rows, double[] dev, double[] pearson) {
        return new SortedRows(rows, RankOrder.of(rows.rate), dev, pearson);
    }

    private static int[] bucketsOf(RowMeasures rows, int k) {
        return Buckets.assign(RankOrder.of(rows.rate).ascending, rows.e, k);
    }

    @Test
    void liftRanksByRateAndPutsEachRowWhereItsExposureMidpointFalls() {
        RowMeasures r = rows(new double[] {1, 0, 2, 0}, ones(4), ones(4), new double[] {0.4, 0.1, 0.3, 0.2});
        assertArrayEquals(new int[] {2, 1, 2, 1}, bucketsOf(r, 2)); // midpoints 0.5, 1.5 | 2.5, 3.5 of 4
        Lift lift = Lifts.lift(sorted(r), 2);
        LiftBucket low = lift.buckets().get(0);
        assertEquals(2, low.nObs());
        assertEquals(0.1 + 0.2, low.expected(), EPS);
        assertEquals(0, low.actual(), EPS);
        LiftBucket high = lift.buckets().get(1);
        assertEquals(3, high.actual(), EPS);
        assertEquals(0.7, high.expected(), EPS);
        assertEquals(3 / 0.7, high.ae(), EPS);
        assertEquals(1.5, high.actualRate(), EPS);
        assertEquals(0.35, high.predictedRate(), EPS);
    }

    @Test
    void tiedRatesKeepFileOrderAndAHeavyRowTakesOnlyItsOwnBucket() {
        RowMeasures tied = rows(new double[6], ones(6), ones(6), new double[] {1, 1, 1, 1, 1, 1});
        assertArrayEquals(new int[] {1, 1, 2, 2, 3, 3}, bucketsOf(tied, 3));
        // exposure 1, 10, 1 of 12: midpoints 0.5, 6 and 11.5 fall in thirds 1, 2 and 3
        RowMeasures heavy = rows(new double[3], ones(3), new double[] {1, 10, 1}, new double[] {1, 2, 3});
        assertArrayEquals(new int[] {1, 2, 3}, bucketsOf(heavy, 3));
        // more buckets than rows: the empty buckets stay, with no rows
        Lift lift = Lifts.lift(sorted(heavy), 5);
        assertEquals(5, lift.buckets().size());
        assertEquals(List.of(1, 0, 1, 0, 1), lift.buckets().stream().map(LiftBucket::nObs).toList());
        assertTrue(Double.isNaN(lift.buckets().get(1).ae()));
    }

    @Test
    void zeroExposureRowsGoWithTheRowsBeforeThemAndWeightsScaleEverySum() {
        // weights 0 make a row's exposure, actual and expected 0: it sits at the cumulative exposure before it
        RowMeasures r = rows(new double[] {3, 1, 5, 2}, new double[] {0, 2, 0, 2}, ones(4), new double[] {1, 2, 3, 4});
        assertArrayEquals(new double[] {0, 2, 0, 2}, r.e, EPS);
        assertArrayEquals(new double[] {0, 2, 0, 4}, r.actual, EPS);
        assertArrayEquals(new double[] {0, 4, 0, 8}, r.expected, EPS);
        assertArrayEquals(new int[] {1, 1, 2, 2}, bucketsOf(r, 2));
        DiagnosticSet set = Diagnostics.of(r, new Poisson(), List.of(), DiagnosticsOptions.buckets(2, List.of()));
        assertEquals(4, set.totals().nObs());
        assertEquals(4, set.totals().exposure(), EPS);
        assertEquals(6, set.totals().actual(), EPS);
        assertEquals(12, set.totals().expected(), EPS);
        assertEquals(0.5, set.totals().ae(), EPS);
        // deviance: only the weighted rows, w·d(y, μ)
        Poisson poisson = new Poisson();
        assertEquals(2 * poisson.unitDeviance(1, 2) + 2 * poisson.unitDeviance(2, 4), set.totals().deviance(), 1e-10);
    }

    @Test
    void aeIntervalIsPoissonTypeWithTheLowerEndFlooredAtZero() {
        RowMeasures r = rows(new double[] {4, 0}, ones(2), ones(2), new double[] {2, 0.5});
        Lift lift = Lifts.lift(sorted(r), 2);
        LiftBucket high = lift.buckets().get(1); // A = 4, E = 2
        assertEquals(2, high.ae(), EPS);
        assertEquals(2 * (1 - 1.96 / 2), high.aeLower(), EPS);
        assertEquals(2 * (1 + 1.96 / 2), high.aeUpper(), EPS);
        LiftBucket low = lift.buckets().get(0); // A = 0: the interval uses max(A, 1) = 1
        assertEquals(0, low.ae(), EPS);
        assertEquals(0, low.aeLower(), EPS);
    }

    @Test
    void giniMergesTiedRatesIntoOneStepWhateverTheirOrder() {
        // rates 2, 1, 1; actual 1, 0, 1: steps (1/3, 1/2) then (1, 1); area 1/12 + 1/2
        RowMeasures a = rows(new double[] {1, 0, 1}, ones(3), ones(3), new double[] {2, 1, 1});
        RowMeasures b = rows(new double[] {1, 1, 0}, ones(3), ones(3), new double[] {2, 1, 1});
        GiniCurve ga = GiniCurve.of(sorted(a));
        GiniCurve gb = GiniCurve.of(sorted(b));
        assertEquals(2 * (1.0 / 12 + 0.5) - 1, ga.gini(), EPS);
        assertEquals(ga.gini(), gb.gini(), 0);
        assertEquals(List.of(new LorenzPoint(0, 0), new LorenzPoint(1.0 / 3, 0.5), new LorenzPoint(1, 1)), ga.points());
    }

    @Test
    void giniWeighsRowsByExposureAndLorenzPointsAreThinnedTo200() {
        // a row of exposure 2 counts as two rows of exposure 1 with the same rate and half the actual each
        RowMeasures heavy = rows(new double[] {2, 0}, new double[] {1, 1}, new double[] {2, 1}, new double[] {3, 1});
        RowMeasures split = rows(new double[] {1, 1, 0}, ones(3), ones(3), new double[] {3, 3, 1});
        assertEquals(GiniCurve.of(sorted(split)).gini(), GiniCurve.of(sorted(heavy)).gini(), EPS);
        int n = 1000;
        double[] y = new double[n];
        double[] rate = new double[n];
        for (int i = 0; i < n; i++) {
            rate[i] = i + 1;
            y[i] = i % 7 == 0 ? 1 : 0;
        }
        RowMeasures many = rows(y, ones(n), ones(n), rate);
        List<LorenzPoint> points = GiniCurve.of(sorted(many)).points();
        assertEquals(DiagnosticSet.MAX_LORENZ_POINTS, points.size());
        assertEquals(new LorenzPoint(0, 0), points.getFirst());
        assertEquals(1, points.getLast().exposureShare(), EPS);
        assertEquals(1, points.getLast().actualShare(), EPS);
    }

    @Test
    void factorLevelsForTextAndFewNumbersBandsForManyNumbersWithoutSplittingTies() {
        int n = 40;
        double[] y = new double[n];
        double[] rate = new double[n];
        int[] codes = new int[n];
        double[] few = new double[n];
        double[] many = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3 == 0 ? 1 : 0;
            rate[i] = 0.25;
            codes[i] = i == 5 ? -1 : i % 2;
            few[i] = 1 + i % 3;
            many[i] = i < 20 ? 7 : i; // value 7 holds half the exposure: one band, never split
        }
        RowMeasures r = rows(y, ones(n), ones(n), rate);
        List<Column> columns = List.of(new StringColumn("Area", codes, new String[] {"B", "A"}),
                new NumericColumn("Power", few, true), new NumericColumn("Age", many, true));
        DiagnosticSet set = Diagnostics.of(r, new Poisson(), columns, DiagnosticsOptions.DEFAULT);
        FactorAe area = set.factor("Area").orElseThrow();
        assertEquals(List.of("A", "B", "(missing)"), area.levels().stream().map(FactorLevel::level).toList());
        FactorLevel a = area.levels().get(0);
        assertEquals(19, a.nObs()); // the odd rows but row 5, which is missing
        assertEquals(19 * 0.25, a.expected(), EPS);
        assertEquals(a.actual() / 19, a.observedRate(), EPS);
        assertEquals(0.25, a.fittedRate(), EPS);
        assertEquals(a.actual() / a.expected(), a.ae(), EPS);
        assertEquals(List.of("1", "2", "3"),
                set.factor("Power").orElseThrow().levels().stream().map(FactorLevel::level).toList());
        FactorAe age = set.factor("Age").orElseThrow();
        assertTrue(age.banded()); // 21 distinct values
        assertEquals("7", age.levels().getFirst().level());
        assertEquals(20, age.levels().getFirst().nObs());
        assertEquals(n, age.levels().stream().mapToInt(FactorLevel::nObs).sum());
        // value 7's midpoint 10 of 40 is in band 3; values 20..23 (midpoints 20.5..23.5) in band 6
        assertEquals("20 – 23", age.levels().get(1).level());
        assertTrue(age.levels().size() <= ColumnLevels.BANDS);
    }

    @Test
    void residualsAreDevianceAndPearsonWithWeights() {
        RowMeasures r = RowMeasures.of(new double[] {2, 0}, new double[] {2, 1}, ones(2), new double[] {1, 0.5},
                new double[] {1, 0.5});
        Poisson poisson = new Poisson();
        double[] dev = r.devianceResiduals(poisson);
        assertEquals(Math.sqrt(2 * 2 * (2 * Math.log(2) - 1)), dev[0], EPS);
        assertEquals(-Math.sqrt(2 * 0.5), dev[1], EPS);
        double[] pearson = r.pearsonResiduals(poisson);
        assertEquals(Math.sqrt(2), pearson[0], EPS);
        assertEquals(-0.5 / Math.sqrt(0.5), pearson[1], EPS);
        List<ResidualBin> bins = Lifts.residualBins(sorted(r, dev, pearson), 2);
        assertEquals(dev[1], bins.get(0).meanDevianceResidual(), EPS);
        assertEquals(pearson[0], bins.get(1).meanPearsonResidual(), EPS);
    }

    @Test
    void qqPlotIsASeededSortedSampleOfAtMost5000RowsWithPositiveWeight() {
        int n = 12_000;
        double[] res = new double[n];
        double[] w = ones(n);
        for (int i = 0; i < n; i++) {
            res[i] = Math.sin(i);
        }
        w[3] = 0;
        List<QqPoint> qq = QqPlot.of(res, w, 7);
        assertEquals(Residuals.QQ_SAMPLE, qq.size());
        assertEquals(qq, QqPlot.of(res, w, 7));
        for (int j = 1; j < qq.size(); j++) {
            assertTrue(qq.get(j).sample() >= qq.get(j - 1).sample());
            assertTrue(qq.get(j).theoretical() > qq.get(j - 1).theoretical());
        }
        assertEquals(-qq.getFirst().theoretical(), qq.getLast().theoretical(), 1e-9);
        List<QqPoint> small = QqPlot.of(new double[] {3, 1, 2}, ones(3), 1);
        assertEquals(List.of(1.0, 2.0, 3.0), small.stream().map(QqPoint::sample).toList());
        assertEquals(0, small.get(1).theoretical(), 1e-12);
    }

    @Test
    void theRadixOrderIsStableAndOrdersNegativeZeroAndNaNAsDoubleCompare() {
        double[] v = {3, -1, 0.0, -0.0, Double.NaN, -1, 1e300, -1e-300, 3};
        RankOrder order = RankOrder.of(v);
        assertArrayEquals(new int[] {1, 5, 7, 3, 2, 0, 8, 6, 4}, order.ascending);
        assertEquals(7, order.distinctCount());
        assertArrayEquals(new int[] {0, 2, 3, 4, 5, 7, 8, 9}, order.runStart);
        ColumnLevels.Grouping g = ColumnLevels.Grouping.of(new double[] {2.5, Double.NaN, -1, 2.5});
        assertArrayEquals(new double[] {-1, 2.5}, g.distinct(), 0);
        assertArrayEquals(new int[] {1, 2, 0, 1}, g.group());
        ColumnLevels.Grouping direct = ColumnLevels.Grouping.of(new double[] {7, 3, Double.NaN, 7, 5});
        assertArrayEquals(new double[] {3, 5, 7}, direct.distinct(), 0);
        assertArrayEquals(new int[] {2, 0, 3, 2, 1}, direct.group());
    }

    @Test
    void normalQuantileMatchesR() {
        assertEquals(1.95996398454005361, NormalQuantile.of(0.975), 1e-13);
        assertEquals(-3.09023230616781319, NormalQuantile.of(0.001), 1e-12);
        assertEquals(-0.52440051270804067, NormalQuantile.of(0.3), 1e-13);
        assertEquals(3.71901648545570840, NormalQuantile.of(0.9999), 1e-11);
    }

    @Test
    void doubleLiftSortsByTheRatioAndIndexesEachByItsOwnAverage() {
        // A predicts 1 everywhere, B 0.5, 1, 2, 4: ratio ascending is B's order
        RowMeasures a = rows(new double[] {0, 1, 1, 4}, ones(4), ones(4), new double[] {1, 1, 1, 1});
        double[] expectedB = {2, 0.5, 4, 1};
        double[] ratio = {2, 0.5, 4, 1};
        List<DoubleLiftBucket> lift = DoubleLift.of(a, expectedB, ratio, 2);
        DoubleLiftBucket low = lift.get(0); // rows 1 and 3
        assertEquals(2, low.nObs());
        assertEquals(5, low.actual(), EPS);
        assertEquals(2, low.expectedA(), EPS);
        assertEquals(1.5, low.expectedB(), EPS);
        assertEquals((5 / 2.0) / (6 / 4.0), low.actualIndex(), EPS);
        assertEquals(1, low.expectedAIndex(), EPS);
        assertEquals((1.5 / 2) / (7.5 / 4), low.expectedBIndex(), EPS);
    }

    @Test
    void gaussianRowsWithoutExposureUseTheMeanAsRate() {
        RowMeasures r = rows(new double[] {1, 2, 3}, ones(3), ones(3), new double[] {1.5, 2, 2.5});
        DiagnosticSet set = Diagnostics.of(r, new Gaussian(), List.of(), DiagnosticsOptions.DEFAULT);
        assertEquals(3, set.lifts().size());
        assertEquals(0.25 + 0 + 0.25, set.totals().deviance(), EPS);
        assertEquals(1, set.totals().ae(), EPS);
    }
}
