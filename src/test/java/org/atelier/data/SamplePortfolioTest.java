package org.atelier.data;

import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.frame.StringColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SamplePortfolioTest {
    private static final int ROWS = 200_000;

    @TempDir
    Path dir;

    private static byte[] csv(long seed, int rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SamplePortfolio.writeCsv(out, seed, rows);
        return out.toByteArray();
    }

    @Test
    void sameSeedGivesIdenticalBytesAndAnotherSeedDoesNot() throws IOException {
        byte[] first = csv(42, 20_000);
        Path file = dir.resolve("p.csv");
        SamplePortfolio.writeCsv(file, 42, 20_000);

        assertThat(Files.readAllBytes(file)).isEqualTo(first);
        assertThat(csv(43, 20_000)).isNotEqualTo(first);
        String text = new String(first, 0, 200, java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(text).startsWith("IDpol,ClaimNb,Exposure,Area,VehPower,VehAge,DrivAge,BonusMalus,VehBrand,"
                + "VehGas,Density,Region,ClaimAmount\n1,");
    }

    @Test
    void generatedFrameEqualsTheCsvReadBack() throws IOException {
        byte[] bytes = csv(5, 30_000);
        Frame read = CsvReader.parse(bytes, bytes.length);
        Frame generated = SamplePortfolio.generate(5, 30_000);

        assertThat(read.columnNames()).isEqualTo(SamplePortfolio.COLUMNS).isEqualTo(generated.columnNames());
        for (String name : SamplePortfolio.COLUMNS) {
            switch (read.column(name).orElseThrow()) {
                case NumericColumn n -> {
                    NumericColumn g = (NumericColumn) generated.column(name).orElseThrow();
                    assertThat(g.values()).as(name).isEqualTo(n.values());
                    assertThat(g.integral()).as(name).isEqualTo(n.integral());
                }
                case StringColumn s -> {
                    StringColumn g = (StringColumn) generated.column(name).orElseThrow();
                    assertThat(g.dictionary()).as(name).isEqualTo(s.dictionary());
                    assertThat(g.codes()).as(name).isEqualTo(s.codes());
                }
            }
        }
    }

    @Test
    void marginsLookLikeAMotorPortfolio() {
        Frame frame = SamplePortfolio.generate(2024, ROWS);
        double[] exposure = values(frame, "Exposure");
        double[] claims = values(frame, "ClaimNb");
        double[] amount = values(frame, "ClaimAmount");

        double totalExposure = Arrays.stream(exposure).sum();
        assertThat(totalExposure / ROWS).isCloseTo(0.677, within(0.01));
        assertThat(Arrays.stream(exposure).min().orElseThrow()).isGreaterThan(0);
        assertThat(Arrays.stream(exposure).max().orElseThrow()).isEqualTo(1.0);
        assertThat(Arrays.stream(exposure).filter(e -> e == 1.0).count() / (double) ROWS).isCloseTo(0.274, within(0.01));
        double frequency = Arrays.stream(claims).sum() / totalExposure;
        assertThat(frequency).isBetween(0.07, 0.10);
        double severity = Arrays.stream(amount).sum() / Arrays.stream(claims).sum();
        assertThat(severity).isCloseTo(SamplePortfolio.SEVERITY_MEAN, within(100.0));
        for (int i = 0; i < ROWS; i++) {
            assertThat(amount[i] > 0).isEqualTo(claims[i] > 0);
        }
        assertThat(Arrays.stream(values(frame, "BonusMalus")).filter(b -> b == 50).count() / (double) ROWS)
                .isCloseTo(0.63, within(0.01));
        assertThat(Arrays.stream(values(frame, "DrivAge")).min().orElseThrow()).isEqualTo(18);
        assertThat(Arrays.stream(values(frame, "Density")).max().orElseThrow()).isLessThanOrEqualTo(27_000);

        assertThat(levels(frame, "Area")).containsOnlyKeys("A", "B", "C", "D", "E", "F");
        assertThat(levels(frame, "Area").get("C") / (double) ROWS).isCloseTo(0.277, within(0.01));
        assertThat(levels(frame, "VehBrand")).containsOnlyKeys(SamplePortfolio.BRAND_LEVELS);
        assertThat(levels(frame, "Region")).containsOnlyKeys(SamplePortfolio.REGION_LEVELS);
        assertThat(levels(frame, "Region").get("R24") / (double) ROWS).isCloseTo(0.243, within(0.01));
        assertThat(levels(frame, "VehGas")).containsOnlyKeys("Diesel", "Regular");
    }

    @Test
    void claimsFollowTheDocumentedModel() {
        Frame frame = SamplePortfolio.generate(99, ROWS);
        double[] claims = values(frame, "ClaimNb");
        double[] expected = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            expected[i] = values(frame, "Exposure")[i] * Math.exp(SamplePortfolio.INTERCEPT
                    + SamplePortfolio.AREA.get(text(frame, "Area", i))
                    + SamplePortfolio.VEH_POWER * values(frame, "VehPower")[i]
                    + SamplePortfolio.VEH_AGE * values(frame, "VehAge")[i]
                    + SamplePortfolio.DRIV_AGE * values(frame, "DrivAge")[i]
                    + SamplePortfolio.BONUS_MALUS * values(frame, "BonusMalus")[i]
                    + SamplePortfolio.DENSITY * values(frame, "Density")[i]
                    + SamplePortfolio.BRAND.get(text(frame, "VehBrand", i))
                    + SamplePortfolio.GAS.get(text(frame, "VehGas", i))
                    + SamplePortfolio.REGION.get(text(frame, "Region", i)));
        }
        // Actual over expected claims is 1 overall and in slices along the strongest effects; a wrong
        // coefficient in the generator (or in its documentation) would tilt the slices.
        assertThat(actualOverExpected(claims, expected, i -> true)).isCloseTo(1, within(0.03));
        double[] bonusMalus = values(frame, "BonusMalus");
        assertThat(actualOverExpected(claims, expected, i -> bonusMalus[i] == 50)).isCloseTo(1, within(0.05));
        assertThat(actualOverExpected(claims, expected, i -> bonusMalus[i] >= 100)).isCloseTo(1, within(0.08));
        for (String area : List.of("A", "C", "E")) {
            assertThat(actualOverExpected(claims, expected,
                    i -> area.equals(((StringColumn) frame.column("Area").orElseThrow()).value(i))))
                    .as(area).isCloseTo(1, within(0.08));
        }
        double[] drivAge = values(frame, "DrivAge");
        assertThat(actualOverExpected(claims, expected, i -> drivAge[i] < 30)).isCloseTo(1, within(0.08));
    }

    private static double actualOverExpected(double[] claims, double[] expected, java.util.function.IntPredicate slice) {
        double actual = 0;
        double predicted = 0;
        for (int i = 0; i < claims.length; i++) {
            if (slice.test(i)) {
                actual += claims[i];
                predicted += expected[i];
            }
        }
        return actual / predicted;
    }

    private static String text(Frame frame, String name, int row) {
        return ((StringColumn) frame.column(name).orElseThrow()).value(row);
    }

    private static double[] values(Frame frame, String name) {
        return ((NumericColumn) frame.column(name).orElseThrow()).values();
    }

    private static Map<String, Integer> levels(Frame frame, String name) {
        StringColumn column = (StringColumn) frame.column(name).orElseThrow();
        Map<String, Integer> counts = new HashMap<>();
        for (int row = 0; row < column.size(); row++) {
            counts.merge(column.value(row), 1, Integer::sum);
        }
        return counts;
    }
}
