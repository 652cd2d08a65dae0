package org.atelier.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.atelier.TempHomeTest;
import org.atelier.config.AtelierProperties;
import org.atelier.data.ColumnProfile;
import org.atelier.data.DatasetException;
import org.atelier.data.TestCodecs;
import org.atelier.project.ProjectService;
import org.atelier.project.ProjectSummary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;

/** Datasets on a temporary SQLite and ATELIER_HOME: what is stored, what is served, what a bad upload leaves. */
class DatasetServiceTest extends TempHomeTest {
    @Autowired
    DatasetService datasets;
    @Autowired
    ProjectService projects;
    @Autowired
    DatasetRepository repository;
    @Autowired
    JdbcAggregateTemplate aggregates;
    @Autowired
    Clock clock;
    @Autowired
    org.atelier.user.Access access;

    @Test
    void storesTheFileAndItsProfileAndServesPagesOfRows() throws IOException {
        String projectId = projects.create("Motor", "").id();
        StringBuilder csv = new StringBuilder("IDpol,Region,Exposure\n");
        for (int i = 1; i <= 250; i++) {
            csv.append(i).append(",R").append(10 + i % 3).append(',').append(i % 4 == 0 ? "" : "0.5").append('\n');
        }
        DatasetInfo info = datasets.upload(projectId, "motor.csv", upload("motor.csv", csv.toString()));

        assertThat(info.rowCount()).isEqualTo(250);
        assertThat(info.indicator()).isEqualTo("motor.csv · 250 rows");
        Path stored = projects.projectDir(projectId).resolve("datasets").resolve(info.id() + ".csv");
        assertThat(stored).hasContent(csv.toString().strip());

        DatasetInfo reread = datasets.latest(projectId).orElseThrow();
        assertThat(reread).isEqualTo(info);
        ColumnProfile exposure = reread.columns().get(2);
        assertThat(exposure.dtype()).isEqualTo("Float64");
        assertThat(exposure.nMissing()).isEqualTo(62);
        assertThat(reread.columns().get(1).sampleValues()).containsExactly("R11", "R12", "R10", "R11", "R12");

        PreviewPage page = datasets.preview(info.id(), 200, 100);
        assertThat(page.columns()).containsExactly("IDpol", "Region", "Exposure");
        assertThat(page.rows()).hasSize(50);
        assertThat(page.rows().getFirst()).containsExactly(201L, "R10", 0.5);
        assertThat(page.rows().get(3)).containsExactly(204L, "R10", null);
        assertThat(datasets.preview(info.id(), 0, 5_000).rows()).hasSize(250);
        assertThat(projects.list().getFirst().updatedAt()).isAfterOrEqualTo(info.uploadedAt());
    }

    @Test
    void readsParquetUploads() throws IOException {
        String projectId = projects.create("Parquet", "").id();
        Path file = home.resolve("uploads").resolve("upload-test.parquet");
        MessageType schema = MessageTypeParser.parseMessageType(
                "message p { required int32 ClaimNb; optional binary Area (STRING); }");
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration()).withCodecFactory(new TestCodecs()).withType(schema).build()) {
            SimpleGroupFactory groups = new SimpleGroupFactory(schema);
            writer.write(groups.newGroup().append("ClaimNb", 0).append("Area", "A"));
            writer.write(groups.newGroup().append("ClaimNb", 2));
        }
        DatasetInfo info = datasets.upload(projectId, "policies.parquet", file);

        assertThat(info.columns()).extracting(ColumnProfile::dtype).containsExactly("Int64", "Utf8");
        assertThat(datasets.preview(info.id(), 0, 10).rows()).containsExactly(List.of(0L, "A"),
                java.util.Arrays.asList(2L, null));
        assertThat(projects.projectDir(projectId).resolve("datasets").resolve(info.id() + ".parquet")).exists();
    }

    @Test
    void badUploadsAreRejectedWithTheirReasonAndLeaveNothingBehind() throws IOException {
        String projectId = projects.create("Errors", "").id();
        DatasetInfo good = datasets.upload(projectId, "good.csv", upload("good.csv", "a,b\n1,x\n2,y\n"));

        assertRejected(projectId, "rates.xlsx", "PK...", "Unsupported file format: .xlsx");
        assertRejected(projectId, "empty.csv", "", "Dataset is empty");
        assertRejected(projectId, "header.csv", "a,b\n", "Dataset is empty");
        assertRejected(projectId, "dup.csv", "a,b,a,b\n1,2,3,4\n", "Duplicate column names: a, b");
        assertRejected(projectId, "quote.csv", "a,b\n1,\"open\n", "Line 2: unclosed quote");

        DatasetService tiny = new DatasetService(repository, aggregates, projects, new FrameCache(),
                new AtelierProperties(home, false, org.atelier.config.DecimalSize.ofBytes(10), 1), clock, access);
        Path big = upload("big.csv", "a,b\n1,2\n3,4\n5,6\n");
        assertThatThrownBy(() -> tiny.upload(projectId, "big.csv", big))
                .isInstanceOf(DatasetException.class).hasMessageContaining("over the");
        assertThat(big).doesNotExist();

        assertThat(datasets.latest(projectId)).contains(good);
        assertThat(filesIn(projects.projectDir(projectId).resolve("datasets"))).hasSize(1);
        assertThat(filesIn(home.resolve("uploads"))).isEmpty();
    }

    @Test
    void aSingleRowAndAnEmptyColumnAreKeptWithWarnings() throws IOException {
        String projectId = projects.create("Warnings", "").id();
        DatasetInfo info = datasets.upload(projectId, "one.csv", upload("one.csv", "a,b\n1,\n"));
        assertThat(info.warnings()).containsExactly("Dataset has a single row: fitting may fail",
                "Column 'b' has no values");
        assertThat(datasets.get(info.id()).warnings()).isEqualTo(info.warnings());
    }

    @Test
    void theProjectListCountsModels() throws IOException {
        String projectId = projects.create("Counted", "").id();
        DatasetInfo info = datasets.upload(projectId, "d.csv", upload("d.csv", "y,x\n1,2\n3,4\n"));
        for (int version = 1; version <= 2; version++) {
            jdbc.sql("""
                    INSERT INTO models (id, project_id, dataset_id, version, created_at, spec)
                    VALUES (:id, :project, :dataset, :version, 0, '{}')""")
                    .param("id", "m" + version).param("project", projectId).param("dataset", info.id())
                    .param("version", version).update();
        }
        assertThat(projects.list()).extracting(ProjectSummary::modelCount).containsExactly(2);
        projects.delete(projectId);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM models").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM datasets").query(Integer.class).single()).isZero();
    }

    private void assertRejected(String projectId, String name, String content, String message) throws IOException {
        Path file = upload(name, content);
        assertThatThrownBy(() -> datasets.upload(projectId, name, file))
                .isInstanceOf(DatasetException.class).hasMessage(message);
        assertThat(file).doesNotExist();
    }

    private Path upload(String name, String content) throws IOException {
        Path file = datasets.newUploadFile(name);
        Files.writeString(file, content);
        return file;
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
