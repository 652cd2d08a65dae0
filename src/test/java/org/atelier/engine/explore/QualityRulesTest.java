package org.atelier.engine.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.atelier.engine.explore.ExplorerTest.codes;
import static org.atelier.engine.explore.ExplorerTest.csv;

import java.util.List;
import java.util.function.IntFunction;
import org.atelier.engine.spec.TermType;
import org.junit.jupiter.api.Test;

/** One small crafted file per rule of the data-quality report. */
class QualityRulesTest {
    /** A CSV with {@code rows} data rows built by {@code row}. */
    static String file(String header, int rows, IntFunction<String> row) {
        StringBuilder s = new StringBuilder(header).append('\n');
        for (int i = 0; i < rows; i++) s.append(row.apply(i)).append('\n');
        return s.toString();
    }

    static QualityReport report(String text, String response, String exposure, String family) {
        return Explorer.prepare(csv(text), new ExploreChoice(response, exposure, null, family, null)).report();
    }

    @Test
    void constantResponseIsAnError() {
        QualityReport r = report(file("y,x", 10, i -> "1," + (i % 2 == 0 ? "a" : "b")), "y", null, "poisson");
        assertThat(codes(r.errors(), "y")).containsExactly("constant_response");
    }

    @Test
    void negativeResponseIsAnErrorForACountFamilyOnly() {
        String text = file("y,x", 10, i -> (i == 3 ? -1 : i % 3) + "," + (i % 2 == 0 ? "a" : "b"));
        assertThat(codes(report(text, "y", null, "poisson").errors(), "y")).containsExactly("response_outside_family");
        assertThat(report(text, "y", null, "gaussian").errors()).isEmpty();
    }

    /** The family's own range, as the fit checks it: a Gamma severity with zero amounts is refused, and why. */
    @Test
    void aResponseTheFamilyCannotFitIsAnErrorNamingTheRowsAndTheReason() {
        String text = file("amount,x", 10, i -> (i < 6 ? "0" : String.valueOf(100 + i)) + "," + (i % 2 == 0 ? "a" : "b"));
        List<ReportEntry> errors = report(text, "amount", null, "gamma").errors();
        assertThat(codes(errors, "amount")).containsExactly("response_outside_family");
        assertThat(errors.getFirst().message()).contains("Gamma", "6 rows", "non-positive");
        assertThat(report(text, "amount", null, "tweedie").errors()).as("Tweedie allows zeros").isEmpty();
    }

    @Test
    void exposureNotAboveZeroIsAnError() {
        QualityReport r = report(file("y,t,x", 10, i -> (i % 2) + "," + (i == 4 ? "0" : "0.5") + ",a" + (i % 2)),
                "y", "t", "poisson");
        assertThat(codes(r.errors(), "t")).containsExactly("nonpositive_exposure");
        assertThat(r.errors().getFirst().message()).contains("1 rows");
    }

    @Test
    void allMissingColumnIsAnError() {
        QualityReport r = report(file("y,x,z", 10, i -> (i % 2) + ",a" + (i % 2) + ","), "y", null, "poisson");
        assertThat(codes(r.errors(), "z")).containsExactly("all_missing");
    }

    @Test
    void missingValuesAreAWarning() {
        QualityReport r = report(file("y,x", 10, i -> (i % 2) + "," + (i == 2 ? "" : "a" + (i % 2))), "y", null,
                "poisson");
        assertThat(codes(r.warnings(), "x")).contains("missing_values");
        assertThat(r.warnings().getFirst().message()).contains("1 rows (10.0%)");
    }

    @Test
    void singleLevelColumnIsAWarning() {
        QualityReport r = report(file("y,x", 10, i -> (i % 2) + ",only"), "y", null, "poisson");
        assertThat(codes(r.warnings(), "x")).containsExactly("single_level");
    }

    @Test
    void levelsSeenOnceAreAWarning() {
        QualityReport r = report(file("y,x", 10, i -> (i % 2) + "," + (i == 9 ? "rare" : "a" + (i % 2))), "y", null,
                "poisson");
        assertThat(codes(r.warnings(), "x")).containsExactly("levels_seen_once");
        assertThat(r.warnings().getFirst().message()).contains("rare");
    }

    @Test
    void numbersStoredAsTextAreAWarning() {
        QualityReport r = report(file("y,x", 101, i -> (i % 2) + "," + (i == 50 ? "?" : String.valueOf(i % 7))), "y",
                null, "poisson");
        assertThat(codes(r.warnings(), "x")).contains("numeric_as_text");
        assertThat(r.warnings().stream().filter(e -> e.code().equals("numeric_as_text")).findFirst().orElseThrow()
                .message()).contains("100 of its 101").contains("?");
    }

    @Test
    void identifierIsAWarningAndGetsNoStrength() {
        String text = file("y,IDpol,x", 30, i -> (i % 3 == 0 ? 1 : 0) + ",P" + i + "," + (i % 2 == 0 ? "a" : "b"));
        Exploration x = Explorer.explore(csv(text), new ExploreChoice("y", null, null, "poisson", null),
                ExploreProgress.NONE);
        assertThat(codes(x.report().warnings(), "IDpol")).containsExactly("id_column");
        assertThat(x.strength()).extracting(FactorStrength::column).containsExactly("x");
        // a whole-number identifier too
        String numeric = file("y,IDpol,x", 30, i -> (i % 3 == 0 ? 1 : 0) + "," + (1000 + 7 * i) + ",a");
        assertThat(codes(report(numeric, "y", null, "poisson").warnings(), "IDpol")).containsExactly("id_column");
    }

    @Test
    void baseLevelIsTheLevelWithMostExposure() {
        // B has fewer rows than A but more exposure
        QualityReport r = report(file("y,t,x", 10, i -> (i % 2) + "," + (i < 6 ? "0.1,A" : "1,B")), "y", "t",
                "poisson");
        assertThat(r.suggestions()).filteredOn(e -> e.code().equals("base_level")).singleElement()
                .satisfies(e -> assertThat(e.message()).startsWith("Base level for x: B"));
    }

    @Test
    void thinLevelsAreSuggestedForGrouping() {
        QualityReport r = report(file("y,x", 300, i -> (i % 2) + "," + (i < 2 ? "thin" : "a" + (i % 2))), "y", null,
                "poisson");
        assertThat(codes(r.suggestions(), "x")).contains("group_thin_levels");
        assertThat(codes(r.warnings(), "x")).doesNotContain("levels_seen_once");
    }

    @Test
    void manyLevelsSuggestTargetEncoding() {
        QualityReport r = report(file("y,x", 202, i -> (i % 2) + ",L" + (i % 101)), "y", null, "poisson");
        assertThat(codes(r.suggestions(), "x")).containsExactly("target_encode");
        Exploration x = Explorer.prepare(csv(file("y,x", 202, i -> (i % 2) + ",L" + (i % 101))),
                new ExploreChoice("y", null, null, "poisson", null)).withoutStrengths();
        assertThat(x.oneWay().get("x").suggestedType()).isEqualTo(TermType.TARGET_ENCODING);
    }

    @Test
    void heavilyTiedNumericSuggestsASplineDf() {
        // 25 distinct ages, but 40 of the 64 rows at 30: 10 equal-exposure bands collapse to fewer
        String text = file("y,age", 64, i -> (i % 2) + "," + (i < 40 ? 30 : 100 + i));
        QualityReport r = report(text, "y", null, "poisson");
        assertThat(r.suggestions()).filteredOn(e -> e.code().equals("spline_df")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("age is heavily tied (30 holds 62.5% of exposure)"));
    }

    /**
     * ClaimAmount next to ClaimNb (and a Payment column with no telling name, zero wherever ClaimNb is) would
     * "explain" the claim count by itself: warned about by name and left out of the strengths; a claim history
     * column (NbClaimsPrior) and an ordinary factor are still ranked.
     */
    @Test
    void columnsLookingLikeAnotherResponseAreNotRankedAsFactors() {
        java.util.Random random = new java.util.Random(11);
        String text = file("ClaimNb,Exposure,ClaimAmount,Payment,Severity,NbClaimsPrior,Area", 400, i -> {
            int claims = random.nextDouble() < 0.15 ? 1 + random.nextInt(2) : 0;
            double amount = claims == 0 ? 0 : claims * (500 + random.nextInt(3000));
            return claims + "," + (0.2 + random.nextInt(8) / 10.0) + "," + amount + "," + (claims == 0 ? 0 : amount * 0.9)
                    + "," + (claims == 0 ? "" : String.valueOf(amount / claims)) + "," + random.nextInt(3) + ","
                    + (i % 3 == 0 ? "A" : "B");
        });
        Exploration x = Explorer.explore(csv(text), new ExploreChoice("ClaimNb", "Exposure", null, "poisson", null),
                ExploreProgress.NONE);
        for (String other : java.util.List.of("ClaimAmount", "Payment", "Severity")) {
            assertThat(x.report().warnings()).filteredOn(e -> e.column().equals(other))
                    .filteredOn(e -> e.code().equals("other_response")).singleElement()
                    .satisfies(e -> {
                        assertThat(e.message()).startsWith(other + " looks like another response (")
                                .endsWith("); not ranked as a factor");
                    });
            assertThat(x.oneWay()).containsKey(other); // its one-way is still there to look at
        }
        assertThat(x.report().warnings()).filteredOn(e -> e.column().equals("Payment")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("zero wherever ClaimNb is zero"));
        assertThat(x.strength()).extracting(FactorStrength::column).containsExactlyInAnyOrder("NbClaimsPrior", "Area");
        assertThat(x.associations()).noneMatch(a -> a.a().equals("ClaimAmount") || a.b().equals("ClaimAmount"));
        assertThat(codes(x.report().warnings(), "NbClaimsPrior")).doesNotContain("other_response");
    }
}
