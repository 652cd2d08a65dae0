package org.atelier.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.atelier.config.AtelierProperties;
import org.atelier.config.Json;
import org.atelier.data.ColumnProfile;
import org.atelier.data.DatasetException;
import org.atelier.data.DatasetFormat;
import org.atelier.data.DatasetLimits;
import org.atelier.data.DatasetProfile;
import org.atelier.data.DatasetReader;
import org.atelier.data.Profiler;
import org.atelier.engine.design.CategoricalEncoder;
import org.atelier.engine.frame.Column;
import org.atelier.engine.frame.Frame;
import org.atelier.engine.frame.NumericColumn;
import org.atelier.engine.frame.StringColumn;
import org.atelier.project.ProjectService;
import org.atelier.user.Access;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts uploaded files as datasets of a project, and serves their profiles and rows.
 * An upload is validated completely (read and profiled) before it is moved into the project's folder
 * and recorded, so a bad or interrupted upload leaves nothing behind.
 */
@Service
public class DatasetService {
    public static final int MAX_PREVIEW_LIMIT = 1000;

    private static final JsonMapper JSON = Json.MAPPER;
    private static final TypeReference<List<ColumnProfile>> COLUMN_LIST = new TypeReference<>() { };
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() { };

    private final DatasetRepository datasets;
    private final JdbcAggregateTemplate aggregates;
    private final ProjectService projects;
    private final FrameCache frames;
    private final AtelierProperties properties;
    private final Clock clock;
    private final Access access;

    public DatasetService(DatasetRepository datasets, JdbcAggregateTemplate aggregates, ProjectService projects,
                          FrameCache frames, AtelierProperties properties, Clock clock, Access access) {
        this.datasets = datasets;
        this.aggregates = aggregates;
        this.projects = projects;
        this.frames = frames;
        this.properties = properties;
        this.clock = clock;
        this.access = access;
    }

    /**
     * A fresh file in the uploads folder for an upload to stream into (same file system as the projects, so
     * moving it into place is a rename). It keeps the original's extension, which names its format.
     */
    public Path newUploadFile(String originalName) {
        String lower = originalName == null ? "" : originalName.toLowerCase(Locale.ROOT);
        String suffix = lower.endsWith(".csv.gz") ? ".csv.gz" : lower.endsWith(".csv") ? ".csv"
                : lower.endsWith(".parquet") ? ".parquet" : ".part";
        try {
            Files.createDirectories(properties.uploadsDir());
            return Files.createTempFile(properties.uploadsDir(), "upload-", suffix);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a file for the upload in " + properties.uploadsDir(), e);
        }
    }

    public long maxUploadBytes() {
        return properties.maxUploadSize().bytes();
    }

    /**
     * Streams an upload of the user's file {@code fileName} into a fresh file of the uploads folder, and stops as
     * soon as it passes the upload limit: a too large upload is never written (nor read) beyond the limit.
     *
     * @return the received file, for {@link #upload}
     * @throws DatasetException TOO_LARGE naming the file and the limit, or UNREADABLE when the upload broke off;
     *                          the partial file is deleted either way
     */
    public Path receive(String fileName, InputStream in) {
        long max = maxUploadBytes();
        Path file = newUploadFile(fileName);
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > max) {
                    throw DatasetLimits.uploadTooLarge(fileName, max);
                }
                out.write(buffer, 0, n);
            }
            return file;
        } catch (IOException e) {
            deleteQuietly(file);
            throw new DatasetException(DatasetException.Kind.UNREADABLE, "The upload of " + fileName
                    + " broke off before its end (" + e.getMessage() + "); upload it again", e);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    /**
     * Validates {@code uploaded} (a complete upload of a file originally named {@code fileName}), moves it
     * into the project's datasets folder and records it. The uploaded file is gone afterwards either way.
     *
     * @throws DatasetException with a message naming the problem (format, size, parse error with line...)
     */
    public DatasetInfo upload(String projectId, String fileName, Path uploaded) {
        try {
            projects.get(projectId);
            return store(projectId, fileName, uploaded, check(fileName, uploaded));
        } finally {
            deleteQuietly(uploaded);
        }
    }

    /** A file read and profiled completely, ready to be stored as a dataset. */
    record Checked(DatasetFormat format, Frame frame, DatasetProfile profile) {
    }

    /** Reads and profiles the uploaded file; errors name the user's file, never the temporary one. */
    Checked check(String fileName, Path uploaded) {
        DatasetFormat format = DatasetFormat.fromFileName(fileName);
        try {
            DatasetLimits.checkSize(Files.size(uploaded), maxUploadBytes());
            Frame frame = DatasetReader.read(uploaded, maxUploadBytes());
            return new Checked(format, frame, Profiler.profile(frame));
        } catch (DatasetException e) {
            throw namingTheUsersFile(e, uploaded, fileName);
        } catch (IOException e) {
            throw new DatasetException(DatasetException.Kind.UNREADABLE,
                    "Cannot read " + displayName(fileName) + ": " + e.getMessage(), e);
        }
    }

    /** Moves the checked file into the project's folder and records it (joining the caller's transaction). */
    DatasetInfo store(String projectId, String fileName, Path uploaded, Checked checked) {
        String id = UUID.randomUUID().toString();
        String relative = "datasets/" + id + storedSuffix(fileName, checked.format());
        Path target = projects.projectDir(projectId).resolve(relative);
        DatasetProfile profile = checked.profile();
        try {
            moveIntoPlace(uploaded, target);
            Dataset saved;
            try {
                saved = aggregates.insert(new Dataset(id, projectId, displayName(fileName), relative,
                        checked.format().name().toLowerCase(Locale.ROOT), profile.nRows(), profile.nCols(),
                        JSON.writeValueAsString(profile.columns()), JSON.writeValueAsString(profile.warnings()),
                        now(), null, access.author()));
                projects.touch(projectId);
            } catch (RuntimeException e) {
                Files.deleteIfExists(target);
                throw e;
            }
            frames.offer(id, checked.frame());
            deleteUnused(projectId, id);
            return info(saved);
        } catch (IOException e) {
            throw new DatasetException(DatasetException.Kind.UNREADABLE,
                    "Could not store " + displayName(fileName) + ": " + e.getMessage(), e);
        }
    }

    /**
     * After an upload: the project's other datasets that no model was fitted on go, rows and files (their
     * profiles and explorations with them). What a model needs stays, so History, scoring and reports keep working.
     */
    private void deleteUnused(String projectId, String keep) {
        for (String unused : datasets.findUnused(projectId, keep)) {
            Optional<Dataset> dataset = datasets.findById(unused);
            if (dataset.isPresent() && datasets.deleteIfUnused(unused) == 1) {
                frames.evict(unused);
                deleteQuietly(projects.projectDir(projectId).resolve(dataset.get().filePath()));
            }
        }
    }

    /** Bytes the project's files take on this server (its datasets). */
    public long diskUse(String projectId) {
        Path dir = projects.projectDir(projectId);
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(DatasetService::sizeOrZero).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0; // a file deleted while counting: the next look counts again
        }
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** A gzip CSV keeps its .csv.gz, which tells the reader to unpack it each time it is read. */
    private static String storedSuffix(String fileName, DatasetFormat format) {
        return DatasetFormat.isGzip(fileName) ? ".csv.gz" : "." + format.name().toLowerCase(Locale.ROOT);
    }

    /** The readers name the file they read, here the upload's temporary file: the user knows their own name. */
    private static DatasetException namingTheUsersFile(DatasetException e, Path uploaded, String fileName) {
        String temporary = uploaded.getFileName().toString();
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (!message.contains(temporary)) {
            return e;
        }
        return new DatasetException(e.kind(), message.replace(temporary, displayName(fileName)), e.getCause());
    }

    /** The file name the user uploaded, which generated code reads (next to the program), never a server path. */
    public String fileName(String datasetId) {
        return datasets.findById(datasetId).map(Dataset::name)
                .orElseThrow(() -> new IllegalArgumentException("Dataset " + datasetId + " no longer exists"));
    }

    public Optional<DatasetInfo> latest(String projectId) {
        return datasets.findLatest(projectId).map(DatasetService::info);
    }

    /** Every dataset of the project, newest first (what a completed model can score). */
    public List<DatasetInfo> all(String projectId) {
        return datasets.findByProject(projectId).stream().map(DatasetService::info).toList();
    }

    public DatasetInfo get(String datasetId) {
        return datasets.findById(datasetId).map(DatasetService::info)
                .orElseThrow(() -> new IllegalArgumentException("Dataset " + datasetId + " no longer exists"));
    }

    /** Where the dataset's file lives under ATELIER_HOME. */
    public Path file(String datasetId) {
        Dataset dataset = datasets.findById(datasetId)
                .orElseThrow(() -> new IllegalArgumentException("Dataset " + datasetId + " no longer exists"));
        return projects.projectDir(dataset.projectId()).resolve(dataset.filePath());
    }

    /** The dataset's columns, read from its file once and then kept in memory. */
    public Frame frame(String datasetId) {
        return frames.get(datasetId, () -> file(datasetId), DatasetReader::read);
    }

    /**
     * A column's distinct values in the order the engine sorts categorical levels (numbers numerically, as R's
     * factor does), so a user can pick the base level.
     */
    public List<String> levels(String datasetId, String column) {
        return CategoricalEncoder.learn(frame(datasetId), column, null, false).levels();
    }

    public PreviewPage preview(String datasetId, int offset, int limit) {
        Frame frame = frame(datasetId);
        int from = Math.clamp(offset, 0, frame.rowCount());
        int to = Math.min(frame.rowCount(), from + Math.clamp(limit, 0, MAX_PREVIEW_LIMIT));
        List<List<Object>> rows = new ArrayList<>(to - from);
        for (int row = from; row < to; row++) {
            List<Object> values = new ArrayList<>(frame.columnCount());
            for (Column column : frame.columns()) {
                values.add(value(column, row));
            }
            rows.add(values);
        }
        return new PreviewPage(frame.columnNames(), rows, frame.rowCount(), from, to - from);
    }

    static Object value(Column column, int row) {
        return switch (column) {
            case NumericColumn n -> {
                double v = n.values()[row];
                yield Double.isNaN(v) ? null : n.integral() ? (Object) (long) v : (Object) v;
            }
            case StringColumn s -> s.value(row);
        };
    }

    private static DatasetInfo info(Dataset d) {
        return new DatasetInfo(d.id(), d.projectId(), d.name(), DatasetFormat.valueOf(d.fileFormat().toUpperCase(Locale.ROOT)),
                d.nRows(), d.nCols(), JSON.readValue(d.columnsJson(), COLUMN_LIST),
                JSON.readValue(d.warningsJson(), STRING_LIST), d.uploadedAt());
    }

    /** Same-folder rename when possible; across file systems, copy next to the target and rename that. */
    private static void moveIntoPlace(Path source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static String displayName(String fileName) {
        String name = Path.of(fileName).getFileName().toString();
        return name.length() > 255 ? name.substring(0, 255) : name;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // an orphaned .part file in uploads/ is harmless; the upload's outcome is what matters
        }
    }
}
