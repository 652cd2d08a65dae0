package org.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ExploreCommandTest {
    @TempDir
    Path dir;

    static String small() throws URISyntaxException {
        return Path.of(ExploreCommandTest.class.getResource("/explore/small.csv").toURI()).toString();
    }

    @Test
    void writesTheExplorationJson() throws Exception {
        Path out = dir.resolve("explore.json");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ExploreCommand.run(new String[] {"explore", "--data", small(), "--response", "ClaimNb",
                "--exposure", "Exposure", "--out", out.toString()}, System.out, new PrintStream(err));
        assertThat(code).as(err.toString()).isZero();
        JsonNode root = JsonMapper.builder().build().readTree(Files.readString(out));
        assertThat(root.get("response").get("rows").asInt()).isEqualTo(60);
        JsonNode area = root.get("one_way").get("Area");
        assertThat(area).hasSize(3);
        assertThat(area.get(0).get("level").asString()).isEqualTo("A");
        for (String field : new String[] {"n_obs", "exposure", "actual", "rate", "rate_lower", "rate_upper",
            "thin"}) {
            assertThat(area.get(0).has(field)).as(field).isTrue();
        }
        int rows = 0;
        for (JsonNode level : area) rows += level.get("n_obs").asInt();
        assertThat(rows).isEqualTo(60);
        assertThat(root.get("one_way").get("DrivAge")).hasSizeLessThanOrEqualTo(10);
        assertThat(root.get("strength").get(0).has("deviance_reduction")).isTrue();
        assertThat(root.get("strength").get(0).has("p_value")).isTrue();
        assertThat(root.get("associations").get(0).get("measure").asString()).isIn("cramers_v", "pearson");
        JsonNode warnings = root.get("report").get("warnings");
        assertThat(warnings.get(0).get("column").asString()).isEqualTo("IDpol");
        assertThat(warnings.get(0).get("code").asString()).isEqualTo("id_column");
        assertThat(root.get("report").get("errors")).isEmpty();
        assertThat(root.get("report").get("suggestions").findValuesAsString("code")).contains("base_level");
    }

    @Test
    void badInputIsOneLineNamingTheCulprit() throws Exception {
        for (String[] args : new String[][] {
            {"--data", small(), "--response", "Claims"},
            {"--data", small(), "--response", "Area"},
            {"--data", small(), "--response", "ClaimNb", "--exposure", "Expo"},
            {"--data", dir.resolve("none.csv").toString(), "--response", "ClaimNb"},
        }) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = ExploreCommand.run(args, System.out, new PrintStream(err));
            String message = err.toString(StandardCharsets.UTF_8);
            assertThat(code).isNotZero();
            assertThat(message.strip()).doesNotContain("\n").doesNotContain("\tat ");
            assertThat(message).contains(args[3].endsWith("ClaimNb") && args.length == 4 ? "none.csv"
                    : args[args.length - 1]);
        }
    }
}
