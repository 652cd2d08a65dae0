package org.atelier.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.atelier.TempHomeTest;
import org.atelier.config.AtelierProperties;
import org.atelier.config.DecimalSize;
import org.atelier.data.DatasetException;
import org.atelier.project.ProjectService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;

/**
 * The upload pipeline at a small configured limit: the limit in decimal units, enforced while the body streams in;
 * errors that name the user's file; .csv.gz kept unpackable; earlier datasets no model needs deleted.
 */
class UploadPipelineTest extends TempHomeTest {
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

    private DatasetService limitedTo(String limit) {
        return new DatasetService(repository, aggregates, projects, new FrameCache(),
                new AtelierProperties(home, false, DecimalSize.valueOf(limit), 1), clock, access);
    }

    @Test
    void sizesAreDecimalEverywhere() {
        assertThat(DecimalSize.valueOf("500MB").bytes()).isEqualTo(500_000_000L);
        assertThat(DecimalSize.valueOf("2 GB").bytes()).isEqualTo(2_000_000_000L);
        assertThat(DecimalSize.valueOf("1kB").bytes()).isEqualTo(1_000L);
        assertThat(DecimalSize.valueOf("1500").bytes()).isEqualTo(1_500L);
        assertThat(DecimalSize.valueOf("500MB")).hasToString("500 MB");
        assertThatThrownBy(() -> DecimalSize.valueOf("500MiB")).hasMessageContaining("1 MB = 1,000,000 bytes");
        assertThat(datasets.maxUploadBytes()).as("the default, as the README says").isEqualTo(500_000_000L);
    }

    @Test
    void anUploadStopsAtTheLimitWhileItStreams() {
        DatasetService tiny = limitedTo("1kB");
        CountingStream body = new CountingStream(10_000_000); // 10 MB would arrive, 1 kB is allowed
        assertThatThrownBy(() -> tiny.receive("policies.csv", body))
                .isInstanceOf(DatasetException.class)
                .hasMessage("policies.csv is larger than the 1,000 bytes upload limit; upload at most 1,000 bytes"
                        + " (the same data as .csv.gz or .parquet is smaller)");
        assertThat(body.read).as("bytes read before stopping").isLessThanOrEqualTo(1_000 + (1 << 16));
        assertThat(filesIn(home.resolve("uploads"))).isEmpty();

        Path exact = tiny.receive("small.csv", new CountingStream(1_000));
        assertThat(exact).hasSize(1_000);
    }

    @Test
    void readErrorsNameTheUsersFileNeverTheTemporaryOne() {
        String projectId = projects.create("Names", "").id();
        Path file = datasets.receive("my rates.parquet", new java.io.ByteArrayInputStream(
                "not parquet at all".getBytes(StandardCharsets.UTF_8)));
        assertThat(file.getFileName().toString()).startsWith("upload-");
        assertThatThrownBy(() -> datasets.upload(projectId, "my rates.parquet", file))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("my rates.parquet")
                .hasMessageNotContaining("upload-");
    }

    @Test
    void aGzipCsvUploadIsStoredAsSuchAndReadsBack() throws IOException {
        String projectId = projects.create("Packed", "").id();
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(packed)) {
            gzip.write("y,x\n1,2\n3,4\n5,6\n".getBytes(StandardCharsets.UTF_8));
        }
        Path file = datasets.receive("claims.csv.gz", new java.io.ByteArrayInputStream(packed.toByteArray()));
        DatasetInfo info = datasets.upload(projectId, "claims.csv.gz", file);
        assertThat(info.rowCount()).isEqualTo(3);
        assertThat(datasets.file(info.id()).getFileName().toString()).endsWith(".csv.gz");

        assertThat(info.name()).isEqualTo("claims.csv.gz");
        assertThat(org.atelier.data.DatasetReader.read(datasets.file(info.id())).rowCount())
                .as("read again from disk, as a fit after a restart does").isEqualTo(3);
    }

    @Test
    void aNewUploadDeletesTheDatasetsNoModelNeedsAndTheDiskUseSaysSo() throws IOException {
        String projectId = projects.create("Many uploads", "").id();
        DatasetInfo fitted = upload(projectId, "fitted.csv", "y,x\n1,2\n3,4\n");
        jdbc.sql("""
                INSERT INTO models (id, project_id, dataset_id, version, created_at, spec)
                VALUES ('m1', :project, :dataset, 1, 0, '{}')""")
                .param("project", projectId).param("dataset", fitted.id()).update();
        String unusedContent = "y,x\n1,2\n3,4\n5,6\n";
        DatasetInfo unused = upload(projectId, "unused.csv", unusedContent);
        long twoFiles = datasets.diskUse(projectId);
        DatasetInfo current = upload(projectId, "current.csv", "y,x\n" + "1,2\n".repeat(100));

        assertThat(jdbc.sql("SELECT name FROM datasets ORDER BY name").query(String.class).list())
                .containsExactly("current.csv", "fitted.csv");
        assertThat(filesIn(projects.projectDir(projectId).resolve("datasets"))).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder(fitted.id() + ".csv", current.id() + ".csv");
        assertThat(datasets.diskUse(projectId)).isEqualTo(Files.size(datasets.file(fitted.id()))
                + Files.size(datasets.file(current.id())));
        assertThat(twoFiles).isEqualTo(Files.size(datasets.file(fitted.id())) + unusedContent.length());
        assertThat(datasets.latest(projectId).orElseThrow().id()).isEqualTo(current.id());
        assertThat(unused.id()).isNotEqualTo(current.id());
    }

    private DatasetInfo upload(String projectId, String name, String content) {
        Path file = datasets.receive(name, new java.io.ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
        return datasets.upload(projectId, name, file);
    }

    private static List<Path> filesIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A body of {@code size} bytes that counts what was read of it. */
    static final class CountingStream extends InputStream {
        private final long size;
        long read;

        CountingStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return read < size ? (int) (read++ % 10) + '0' : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - read);
            java.util.Arrays.fill(b, off, off + n, (byte) '1');
            read += n;
            return n;
        }
    }
}
