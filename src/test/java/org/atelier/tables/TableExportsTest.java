package org.atelier.tables;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.atelier.engine.TestCsv;
import org.atelier.engine.fit.FittedModel;
import org.atelier.engine.fit.GlmFitter;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.rating.RatingRow;
import org.atelier.engine.rating.RatingTableBuilder;
import org.atelier.engine.rating.RatingTables;
import org.atelier.engine.spec.InteractionSpec;
import org.atelier.engine.spec.ModelSpec;
import org.atelier.engine.spec.TermSpec;
import org.atelier.engine.spec.TermType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class TableExportsTest {
    private static RatingTables tables;
    private static TableSource source;
    private static Frame portfolio;

    @BeforeAll
    static void fit() {
        portfolio = TestCsv.resource("refs/portfolio50k.csv.gz");
        ModelSpec spec = ModelSpec.of("ClaimNb", "poisson", List.of(TermSpec.categorical("Area"),
                        TermSpec.categorical("VehGas"), TermSpec.linear("DrivAge"),
                        new TermSpec("VehBrand", TermType.TARGET_ENCODING, null, null, null, null, null, null, null, null)))
                .withOffset("Exposure")
                .withInteractions(List.of(InteractionSpec.of(TermSpec.categorical("Area"), TermSpec.categorical("VehGas"), true)));
        FittedModel model = GlmFitter.fit(spec, portfolio);
        tables = RatingTableBuilder.build(model, portfolio);
        source = new TableSource("Motor 2026", "v3 · Frequency", "portfolio50k.csv", 50_000, spec, "log",
                Instant.parse("2026-12-01T10:00:00Z"), "0.1.0");
    }

    @Test
    void theWorkbookHasAnOverviewAndOneSheetPerFactorWithTheFiguresAtFullPrecision() {
        Map<String, List<List<String>>> sheets = ExportedTables.xlsx(RatingTableService.write(tables, source, TableFormat.XLSX));
        assertThat(sheets.keySet()).containsExactly("Overview", "Area", "VehGas", "DrivAge", "TE(VehBrand)", "Area x VehGas");
        List<List<String>> overview = sheets.get("Overview");
        assertThat(value(overview, "Project")).isEqualTo("Motor 2026");
        assertThat(value(overview, "Model")).isEqualTo("v3 · Frequency");
        assertThat(value(overview, "Offset")).isEqualTo("Exposure");
        assertThat(value(overview, "Fitted")).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(Double.parseDouble(value(overview, "Base rate"))).isEqualTo(tables.baseRate());
        List<List<String>> area = sheets.get("Area");
        assertThat(area.get(3)).containsExactly("level", "relativity", "ci_lower", "ci_upper", "exposure", "base");
        List<RatingRow> rows = tables.table("Area").rows();
        for (int i = 0; i < rows.size(); i++) {
            List<String> cells = area.get(4 + i);
            assertThat(cells.get(0)).isEqualTo(rows.get(i).level());
            assertThat(Double.parseDouble(cells.get(1))).isEqualTo(rows.get(i).relativity());
            assertThat(Double.parseDouble(cells.get(4))).isEqualTo(rows.get(i).exposure());
        }
        assertThat(area.get(4).get(5)).isEqualTo("base");
        // the interaction: a grid of relativities (Area down, VehGas across), then its cells
        List<List<String>> grid = sheets.get("Area x VehGas");
        assertThat(grid.get(3)).containsExactly("Area \\ VehGas", "Diesel", "Regular");
        assertThat(Double.parseDouble(grid.get(7).get(2)))
                .isEqualTo(tables.table("Area:VehGas").row("D:Regular").relativity());
        assertThat(sheets.get("DrivAge").get(3)).startsWith("band", "from", "to", "rated_at", "relativity");
    }

    @Test
    void theCsvZipHasAnOverviewAndOneFilePerFactor() {
        Map<String, String> files = ExportedTables.zip(RatingTableService.write(tables, source, TableFormat.CSV));
        assertThat(files.keySet()).containsExactly("overview.csv", "Area.csv", "VehGas.csv", "DrivAge.csv",
                "TE(VehBrand).csv", "Area x VehGas.csv");
        List<List<String>> area = ExportedTables.csv(files.get("Area.csv"));
        assertThat(area.getFirst()).containsExactly("level", "relativity", "ci_lower", "ci_upper", "exposure", "base");
        assertThat(area).hasSize(1 + 6);
        assertThat(Double.parseDouble(area.get(4).get(1))).isEqualTo(tables.table("Area").row("D").relativity());
        List<List<String>> cells = ExportedTables.csv(files.get("Area x VehGas.csv"));
        assertThat(cells.getFirst()).containsExactly("Area", "VehGas", "relativity", "ci_lower", "ci_upper", "exposure");
        assertThat(cells).hasSize(1 + 12);
        assertThat(ExportedTables.csv(files.get("overview.csv"))).anySatisfy(r ->
                assertThat(r).containsExactly("Base rate", String.valueOf(tables.baseRate())));
    }

    @Test
    void theRatingEngineCsvStacksEveryFactorUnderTheBaseRate() {
        String text = new String(RatingTableService.write(tables, source, TableFormat.RATING_ENGINE_CSV),
                StandardCharsets.UTF_8);
        List<List<String>> rows = ExportedTables.csv(text);
        assertThat(rows.getFirst()).containsExactly("factor", "level", "relativity", "ci_lower", "ci_upper", "exposure");
        assertThat(rows.get(1)).containsExactly("Base rate", "", String.valueOf(tables.baseRate()), "", "", "");
        int levels = tables.tables().stream().mapToInt(t -> t.rows().size()).sum();
        assertThat(rows).hasSize(2 + levels);
        assertThat(rows.get(2)).startsWith("Area", "A", "1");
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("Area:VehGas", "D:Regular",
                String.valueOf(tables.table("Area:VehGas").row("D:Regular").relativity())));
        assertThat(rows).filteredOn(r -> r.getFirst().equals("DrivAge")).hasSize(10)
                .allSatisfy(r -> assertThat(r.get(1)).contains(" – "));
    }

    @Test
    void anotherLinkExportsItsCoefficientsWithANote() {
        ModelSpec spec = ModelSpec.of("BonusMalus", "gaussian", List.of(TermSpec.categorical("Area")));
        RatingTables identity = RatingTableBuilder.build(GlmFitter.fit(spec, portfolio), portfolio);
        TableSource s = new TableSource(null, "m", null, null, spec, "identity", null, "0.1.0");
        List<List<String>> rows = ExportedTables.csv(new String(RatingTableService.write(identity, s,
                TableFormat.RATING_ENGINE_CSV), StandardCharsets.UTF_8));
        assertThat(rows.getFirst()).containsExactly("factor", "level", "coefficient", "ci_lower", "ci_upper", "exposure");
        assertThat(rows.get(1).get(0)).isEqualTo("Note");
        assertThat(rows.get(1).get(1)).contains("identity link");
        assertThat(rows).hasSize(2 + 6);
        assertThat(rows.get(2)).startsWith("Intercept", "Intercept");
        assertThat(ExportedTables.xlsx(RatingTableService.write(identity, s, TableFormat.XLSX)).keySet())
                .containsExactly("Overview", "Coefficients");
    }

    private static String value(List<List<String>> sheet, String label) {
        return sheet.stream().filter(r -> !r.isEmpty() && r.getFirst().equals(label)).findFirst()
                .map(r -> r.get(1)).orElseThrow(() -> new AssertionError("no row " + label));
    }
}
