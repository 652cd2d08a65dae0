package org.atelier.engine.rating;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.atelier.engine.TestCsv;
import org.atelier.engine.design.Columns;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.fit.GlmFitter;
import org.atelier.engine.frame.Column;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.frame.StringColumn;
import org.atelier.engine.spec.InteractionSpec;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.TermType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RatingTableBuilderTest {
    private static Frame portfolio;
    private static FittedModel model;
    private static RatingTables tables;

    @BeforeAll
    static void fit() {
        portfolio = TestCsv.resource("refs/portfolio50k.csv.gz");
        List<TermSpec> terms = List.of(TermSpec.categorical("Area"), TermSpec.categorical("VehGas"),
                TermSpec.categorical("Region"), TermSpec.linear("VehAge"), TermSpec.bs("DrivAge", 5, 3),
                TermSpec.expression("BM2", "(BonusMalus / 100) ** 2"),
                TermSpec.expression("PowerDensity", "VehPower * log(Density)"),
                new TermSpec("VehBrand", TermType.TARGET_ENCODING, null, null, null, null, null, null, null, null));
        List<InteractionSpec> interactions = List.of(
                InteractionSpec.of(TermSpec.categorical("Area"), TermSpec.categorical("VehGas"), true),
                InteractionSpec.of(TermSpec.linear("VehAge"), TermSpec.categorical("VehGas"), true));
        model = GlmFitter.fit(ModelSpec.of("ClaimNb", "poisson", terms).withOffset("Exposure")
                .withInteractions(interactions), portfolio);
        tables = RatingTableBuilder.build(model, portfolio);
    }

    /**
     * The defining property of a rating table: a policy's rate is the base rate times the relativity of each of its
     * levels. Categorical levels and cat×cat cells are read off the exported rows by label (those tables are
     * exact); continuous terms are evaluated at the policy's exact value by the code that rates the bands.
     */
    @Test
    void baseRateTimesRelativitiesIsTheModelsRate() {
        int[] sample = new int[500];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = i * 97;
        }
        Frame rows = portfolio.rows(sample);
        double[] mu = model.predict(rows);
        double[] exposure = Columns.numeric(rows, "Exposure");
        double[] rate = new double[sample.length];
        java.util.Arrays.fill(rate, tables.baseRate());
        for (RatingTable table : tables.tables()) {
            double[] relativity = switch (table.kind()) {
                case LEVELS -> lookUp(table, rows, List.of(table.variable()));
                case TWO_WAY -> table.factor().equals("Area:VehGas") ? lookUp(table, rows, List.of("Area", "VehGas"))
                        : RatingTableBuilder.relativities(model, table, rows);
                case BANDS, ENCODED -> RatingTableBuilder.relativities(model, table, rows);
            };
            for (int i = 0; i < rate.length; i++) {
                rate[i] *= relativity[i];
            }
        }
        for (int i = 0; i < rate.length; i++) {
            double expected = mu[i] / exposure[i];
            assertThat(Math.abs(rate[i] - expected) / expected).as("row %d", sample[i]).isLessThan(1e-9);
        }
    }

    private static double[] lookUp(RatingTable table, Frame rows, List<String> columns) {
        double[] out = new double[rows.rowCount()];
        for (int i = 0; i < out.length; i++) {
            List<String> key = new ArrayList<>();
            for (String c : columns) {
                key.add(label(rows.column(c).orElseThrow(), i));
            }
            out[i] = table.row(String.join(":", key)).relativity();
        }
        return out;
    }

    private static String label(Column column, int row) {
        return switch (column) {
            case StringColumn s -> s.value(row);
            case NumericColumn n -> Columns.label(n.values()[row]);
        };
    }

    @Test
    void everyTermHasItsKindOfTable() {
        assertThat(tables.tables()).extracting(RatingTable::factor).containsExactly("Area", "VehGas", "Region",
                "VehAge", "DrivAge", "BM2", "PowerDensity", "TE(VehBrand)", "Area:VehGas", "VehAge:VehGas");
        assertThat(tables.tables()).extracting(RatingTable::kind).containsExactly(TableKind.LEVELS, TableKind.LEVELS,
                TableKind.LEVELS, TableKind.BANDS, TableKind.BANDS, TableKind.BANDS, TableKind.BANDS,
                TableKind.ENCODED, TableKind.TWO_WAY, TableKind.TWO_WAY);
        double total = java.util.Arrays.stream(Columns.numeric(portfolio, "Exposure")).sum();
        for (RatingTable t : tables.tables()) {
            assertThat(t.rows().stream().mapToDouble(RatingRow::exposure).sum()).as(t.factor()).isCloseTo(total,
                    org.assertj.core.data.Offset.offset(1e-6 * total));
        }
        RatingTable area = tables.table("Area");
        assertThat(area.rows().getFirst()).extracting(RatingRow::level, RatingRow::relativity, RatingRow::base)
                .containsExactly("A", 1.0, true);
        assertThat(area.row("D").ciLower()).isLessThan(area.row("D").relativity());
        assertThat(area.row("D").ciUpper()).isGreaterThan(area.row("D").relativity());
        // a variable of few values (VehAge has 0..20 plus a tail) is banded; the base band is exactly 1
        RatingTable drivAge = tables.table("DrivAge");
        assertThat(drivAge.rows()).hasSize(10).filteredOn(RatingRow::base).singleElement()
                .satisfies(r -> assertThat(r.relativity()).isEqualTo(1.0))
                .satisfies(r -> assertThat(r.at()).isEqualTo(drivAge.baseValue()));
        assertThat(drivAge.rows()).allSatisfy(r -> assertThat(r.at()).isBetween(r.from(), r.to()));
        assertThat(drivAge.rows().getFirst().from()).isEqualTo(18);
        TwoWayTable cells = tables.table("Area:VehGas").twoWay();
        assertThat(cells.rowAxis()).hasSize(6);
        assertThat(cells.columnAxis()).extracting(RatingRow::level).containsExactly("Diesel", "Regular");
        assertThat(cells.cells().getFirst()).extracting(RatingRow::relativity).containsOnly(1.0);
        assertThat(cells.cells().get(3).get(1).level()).isEqualTo("D:Regular");
        assertThat(tables.table("TE(VehBrand)").rows()).hasSize(11)
                .allSatisfy(r -> assertThat(r.relativity()).isEqualTo(Math.exp(r.at() * coefficient("TE(VehBrand)"))));
    }

    @Test
    void theBaseRateIsTheInterceptWhenTheModelHasNoCurve() {
        FittedModel categorical = GlmFitter.fit(ModelSpec.of("ClaimNb", "poisson",
                List.of(TermSpec.categorical("Area"), TermSpec.categorical("VehGas"))).withOffset("Exposure"), portfolio);
        RatingTables t = RatingTableBuilder.build(categorical, portfolio);
        assertThat(t.baseRate()).isEqualTo(Math.exp(categorical.coefficients()[0]));
        // the model alone (no data) still gives its level tables, without exposure
        RatingTables alone = RatingTableBuilder.build(categorical, null);
        assertThat(alone.table("Area").rows()).extracting(RatingRow::relativity)
                .containsExactlyElementsOf(t.table("Area").rows().stream().map(RatingRow::relativity).toList());
        assertThat(alone.table("Area").rows()).allSatisfy(r -> assertThat(r.exposure()).isNaN());
        assertThatThrownBy(() -> RatingTableBuilder.build(model, null))
                .hasMessageContaining("VehAge").hasMessageContaining("training data");
    }

    @Test
    void bandsAtChosenValues() {
        RatingTables chosen = RatingTableBuilder.build(model, portfolio, Map.of("DrivAge", new double[] {25, 40, 60}));
        RatingTable drivAge = chosen.table("DrivAge");
        assertThat(drivAge.rows()).extracting(RatingRow::level).containsExactly("< 25", "[25, 40)", "[40, 60)", "≥ 60");
        assertThat(drivAge.rows().get(1)).extracting(RatingRow::from, RatingRow::to).containsExactly(25.0, 39.0);
        assertThat(drivAge.note()).contains("chosen values");
        assertThatThrownBy(() -> RatingTableBuilder.build(model, portfolio, Map.of("DrivAge", new double[] {40, 25})))
                .hasMessageContaining("DrivAge").hasMessageContaining("ascending");
    }

    @Test
    void onADatasetWithAHoldOutTheTablesCountTheTrainingRowsOnly() {
        // the hold-out rows are the only ones of region R93: the model never saw that level
        FittedModel heldOut = GlmFitter.fit(ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("Area"),
                TermSpec.categorical("Region"))).withOffset("Exposure")
                .withValidation(org.atelier.engine.spec.Validation.column("Region", List.of("R93"))), portfolio);
        RatingTables t = RatingTableBuilder.onDataset(heldOut, portfolio, Map.of());
        Frame training = org.atelier.engine.fit.HoldOut.training(heldOut.spec(), portfolio);
        double trainingExposure = java.util.Arrays.stream(Columns.numeric(training, "Exposure")).sum();
        assertThat(t.table("Region").rows()).extracting(RatingRow::level).doesNotContain("R93");
        assertThat(t.table("Area").rows().stream().mapToDouble(RatingRow::exposure).sum())
                .isCloseTo(trainingExposure, org.assertj.core.data.Offset.offset(1e-6 * trainingExposure));
    }

    @Test
    void anInteractionOfOneColumnWithItselfIsLeftToTheCoefficientsWithANote() {
        FittedModel squared = GlmFitter.fit(ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("Area"),
                TermSpec.linear("DrivAge"))).withOffset("Exposure").withInteractions(List.of(InteractionSpec.of(
                TermSpec.linear("DrivAge"), TermSpec.expression("Young", "log(DrivAge)"), true))), portfolio);
        RatingTables t = RatingTableBuilder.build(squared, portfolio);
        RatingTable untabulated = t.table("DrivAge:Young");
        assertThat(untabulated.rows()).isEmpty();
        assertThat(untabulated.note()).contains("reads one column on both sides").contains("coefficient table");
        assertThat(t.table("Area").rows()).hasSize(6);
    }

    @Test
    void otherLinksExportTheirCoefficientsWithANote() {
        FittedModel gaussian = GlmFitter.fit(ModelSpec.of("BonusMalus", "gaussian",
                List.of(TermSpec.categorical("Area"), TermSpec.linear("DrivAge"))), portfolio);
        RatingTables t = RatingTableBuilder.build(gaussian, portfolio);
        assertThat(t.multiplicative()).isFalse();
        assertThat(t.tables()).isEmpty();
        assertThat(t.coefficients()).hasSize(gaussian.features().size());
        assertThat(t.note()).contains("identity link").contains("coefficients");
    }

    private static double coefficient(String feature) {
        return model.coefficients()[model.features().indexOf(feature)];
    }
}
