package org.atelier.fit;

import java.util.List;
import org.atelier.config.Json;
import org.atelier.engine.TestCsv;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.fit.GlmFitter;
import org.atelier.engine.fit.HoldOut;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.Monotonicity;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.TermType;
import org.atelier.engine.spec.Validation;
import org.atelier.model.FactorRelativities;
import org.atelier.model.LevelRelativity;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RelativityTablesTest {
    /** How ModelResultsStore reads the stored relativities. */
    private static final TypeReference<List<FactorRelativities>> STORED = new TypeReference<>() { };

    @Test
    void everyTermTypeGetsItsView() {
        Frame portfolio = TestCsv.resource("refs/portfolio50k.csv.gz");
        List<TermSpec> terms = List.of(TermSpec.categorical("Area"),
                new TermSpec("VehAge", TermType.LINEAR, null, null, null, Monotonicity.DECREASING, null, null, null, null),
                TermSpec.bs("DrivAge", 5, 3),
                TermSpec.expression("BM2", "(BonusMalus / 100) ** 2"),
                new TermSpec("VehBrand", TermType.TARGET_ENCODING, null, null, null, null, null, null, null, null),
                new TermSpec("Region", TermType.FREQUENCY_ENCODING, null, null, null, null, null, null, null, null));
        FittedModel model = GlmFitter.fit(ModelSpec.of("ClaimNb", "poisson", terms).withOffset("Exposure"), portfolio);
        List<FactorRelativities> tables = RelativityTables.of(model, portfolio);
        assertThat(tables).extracting(FactorRelativities::termType).containsExactly(TermType.CATEGORICAL,
                TermType.LINEAR, TermType.BS, TermType.EXPRESSION, TermType.TARGET_ENCODING, TermType.FREQUENCY_ENCODING);
        assertThat(tables.get(0).levels()).hasSize(6);
        // the grid, plus the base value (the exposure-weighted median) where it is not on it; 1 there
        assertThat(tables.subList(1, 4)).allSatisfy(t -> {
            assertThat(t.curve().size()).isBetween(RelativityTables.CURVE_POINTS, RelativityTables.CURVE_POINTS + 1);
            assertThat(t.curve().stream().filter(p -> p.x() == t.base()).findFirst().orElseThrow().relativity()).isEqualTo(1.0);
            assertThat(t.baseLabel()).endsWith("(exposure-weighted median)");
        });
        assertThat(tables.get(3).baseLabel()).isEqualTo("base 50 (exposure-weighted median)");
        FactorRelativities at10 = RelativityTables.rebased(model, tables.get(1), 10);
        assertThat(at10.baseLabel()).isEqualTo("base 10 (set by you)");
        assertThat(at10.curve()).hasSize(RelativityTables.CURVE_POINTS + 1);
        assertThat(at10.curve().stream().filter(p -> p.x() == 10).findFirst().orElseThrow().relativity()).isEqualTo(1.0);
        assertThat(tables.get(4).factor()).isEqualTo("TE(VehBrand)");
        assertThat(tables.get(4).encoded()).hasSize(11).allSatisfy(e -> {
            assertThat(e.encodedValue()).isPositive();
            assertThat(e.ciLower()).isLessThanOrEqualTo(e.relativity());
        });
        assertThat(tables.get(5).encoded()).extracting(e -> e.encodedValue()).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
    }

    /** With a hold-out the model learns from the training rows only: so does the exposure behind each level. */
    @Test
    void exposureWithAHoldOutCountsTheTrainingRowsOnly() {
        Frame portfolio = TestCsv.resource("refs/portfolio50k.csv.gz");
        ModelSpec spec = ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("Area"),
                new TermSpec("VehAge", TermType.LINEAR, null, null, null, null, null, null, null, null)))
                .withOffset("Exposure").withValidation(Validation.random(0.3, 42));
        FittedModel model = GlmFitter.fit(spec, portfolio);
        HoldOut.Split split = HoldOut.split(spec, portfolio);
        double[] trainExposure = org.atelier.engine.design.Columns.numeric(split.train(), "Exposure");
        var area = (org.atelier.engine.frame.StringColumn) split.train().column("Area").orElseThrow();
        java.util.Map<String, Double> expected = new java.util.HashMap<>();
        for (int i = 0; i < area.size(); i++) expected.merge(area.value(i), trainExposure[i], Double::sum);

        FactorRelativities areaTable = RelativityTables.of(model, portfolio).getFirst();
        assertThat(areaTable.levelRows()).hasSize(expected.size()).allSatisfy(l ->
                assertThat(l.exposure()).isCloseTo(expected.get(l.level()), org.assertj.core.api.Assertions.within(1e-6)));
        double all = java.util.Arrays.stream(org.atelier.engine.design.Columns.numeric(portfolio, "Exposure")).sum();
        assertThat(areaTable.levelRows().stream().mapToDouble(LevelRelativity::exposure).sum()).isLessThan(0.8 * all);
    }

    /**
     * The relativities as the results table stores them (model_results.relativities_json), written before the term
     * types were enums: the relativities of the lasso fixture of ModelFormatThreeTest (categorical, linear, bs, TE
     * and FE). Old rows read to the same types and write back the same JSON, word for word.
     */
    @Test
    void storedRelativitiesReadBackAndWriteTheSameWords() throws java.io.IOException {
        String stored;
        try (var in = getClass().getResourceAsStream("/fit/relativities-stored.json")) {
            stored = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        List<FactorRelativities> read = Json.MAPPER.readValue(stored, STORED);
        assertThat(read).extracting(FactorRelativities::termType).containsExactly(TermType.CATEGORICAL,
                TermType.LINEAR, TermType.BS, TermType.TARGET_ENCODING, TermType.FREQUENCY_ENCODING);
        assertThat(Json.MAPPER.writeValueAsString(read)).isEqualTo(stored);

        String unknown = stored.replaceFirst("\"term_type\":\"bs\"", "\"term_type\":\"spline\"");
        assertThatThrownBy(() -> Json.MAPPER.readValue(unknown, STORED))
                .hasMessageContaining("Unknown term type 'spline' (expected linear, categorical, bs, ns,");
    }
}
