package org.atelier.engine.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.atelier.data.SampleModel;
import org.atelier.data.SamplePortfolio;
import org.atelier.engine.error.CancelledError;
import org.atelier.engine.error.PredictionError;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.fit.GlmFitter;
import org.atelier.engine.frame.Column;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.StringColumn;
import org.junit.jupiter.api.Test;

class ScorerTest {
    private static final Frame SAMPLE = SamplePortfolio.generate(11L, 5_000);
    private static final FittedModel MODEL = GlmFitter.fit(SampleModel.frequency(), SAMPLE);

    @Test
    void unseenLevelsAreRefusedNamingEveryOne() {
        Frame later = withRegion(SAMPLE, row -> row % 3 == 0 ? "R99" : row % 5 == 0 ? "R98" : null);
        PredictionError e = assertThrows(PredictionError.class, () -> Scorer.score(MODEL, later));
        assertTrue(e.getMessage().startsWith("Column 'Region' has levels 'R99', 'R98' that were not in the training"
                + " data (levels: R11,"), e.getMessage());
        Frame one = withRegion(SAMPLE, row -> row == 17 ? "R99" : null);
        assertTrue(assertThrows(PredictionError.class, () -> Scorer.score(MODEL, one)).getMessage()
                .startsWith("Column 'Region' has level 'R99' that was not in the training data"));
    }

    @Test
    void missingColumnsAreNamed() {
        List<Column> columns = SAMPLE.columns().stream().filter(c -> !c.name().equals("Exposure")
                && !c.name().equals("Area")).toList();
        PredictionError e = assertThrows(PredictionError.class, () -> Scorer.score(MODEL, new Frame(columns)));
        assertTrue(e.getMessage().startsWith("The data to score has no columns 'Area', 'Exposure'"), e.getMessage());
    }

    @Test
    void progressCoversEveryRowAndCancelStops() {
        Frame big = SamplePortfolio.generate(3L, Scorer.CHUNK * 3 + 10);
        List<Integer> seen = new ArrayList<>();
        Scorer.score(MODEL, big, new ScoreMonitor() {
            @Override
            public synchronized void onRows(int done, int total) {
                assertEquals(big.rowCount(), total);
                seen.add(done);
            }
        });
        assertEquals(0, seen.getFirst());
        assertEquals(big.rowCount(), seen.stream().mapToInt(Integer::intValue).max().orElseThrow());
        assertEquals(5, seen.size());
        AtomicBoolean cancel = new AtomicBoolean();
        assertThrows(CancelledError.class, () -> Scorer.score(MODEL, big, new ScoreMonitor() {
            @Override
            public void onRows(int done, int total) {
                cancel.set(true);
            }

            @Override
            public boolean isCancelled() {
                return cancel.get();
            }
        }));
    }

    @Test
    void zeroExposurePredictsNothingButKeepsItsRate() {
        double[] exposure = ((org.atelier.engine.frame.NumericColumn) SAMPLE.column("Exposure").orElseThrow()).values().clone();
        exposure[0] = 0;
        Frame frame = replace(SAMPLE, new org.atelier.engine.frame.NumericColumn("Exposure", exposure, false));
        Scores scores = Scorer.score(MODEL, frame);
        assertEquals(0, scores.mu()[0]);
        assertEquals(Scorer.score(MODEL, SAMPLE).rate()[0], scores.rate()[0]);
        exposure[1] = -1;
        assertTrue(assertThrows(PredictionError.class, () -> Scorer.score(MODEL, frame)).getMessage()
                .startsWith("Exposure column 'Exposure' has 1 negative value (first at row 2)"));
    }

    private static Frame withRegion(Frame frame, java.util.function.IntFunction<String> override) {
        StringColumn region = (StringColumn) frame.column("Region").orElseThrow();
        List<String> dictionary = new ArrayList<>(List.of(region.dictionary()));
        int[] codes = region.codes().clone();
        for (int row = 0; row < codes.length; row++) {
            String level = override.apply(row);
            if (level != null) {
                if (!dictionary.contains(level)) {
                    dictionary.add(level);
                }
                codes[row] = dictionary.indexOf(level);
            }
        }
        return replace(frame, new StringColumn("Region", codes, dictionary.toArray(String[]::new)));
    }

    private static Frame replace(Frame frame, Column column) {
        return new Frame(frame.columns().stream().map(c -> c.name().equals(column.name()) ? column : c).toList());
    }
}
