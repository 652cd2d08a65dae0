package org.atelier.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.atelier.config.AtelierProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * At start-up no upload or project creation can be in progress: whatever a crash or a killed server left in
 * uploads/ goes, and so does a project folder whose project was never recorded (a "Try sample data" killed after
 * its file was moved into place but before its transaction committed), and a dataset file no dataset row names.
 */
@Component
class UploadsCleanup implements ApplicationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(UploadsCleanup.class);

    private final AtelierProperties properties;
    private final JdbcTemplate jdbc;

    UploadsCleanup(AtelierProperties properties, JdbcTemplate jdbc) {
        this.properties = properties;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Path uploads = properties.uploadsDir();
        if (Files.isDirectory(uploads)) {
            try (Stream<Path> leftovers = Files.list(uploads)) {
                for (Path file : leftovers.filter(Files::isRegularFile).toList()) {
                    Files.deleteIfExists(file);
                    LOG.info("Removed unfinished upload {}", file.getFileName());
                }
            }
        }
        removeUnrecordedFiles();
    }

    void removeUnrecordedFiles() throws IOException {
        Path projects = properties.projectsDir();
        if (!Files.isDirectory(projects)) {
            return;
        }
        Set<String> recorded = new HashSet<>(jdbc.queryForList("SELECT id FROM projects", String.class));
        Set<String> files = new HashSet<>(jdbc.queryForList("SELECT project_id || '/' || file_path FROM datasets",
                String.class));
        try (Stream<Path> folders = Files.list(projects)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                String id = folder.getFileName().toString();
                if (!recorded.contains(id)) {
                    ProjectFolders.deleteQuietly(folder);
                    LOG.info("Removed the folder of project {}, which was never recorded", id);
                    continue;
                }
                Path datasets = folder.resolve("datasets");
                if (!Files.isDirectory(datasets)) {
                    continue;
                }
                try (Stream<Path> stored = Files.list(datasets)) {
                    for (Path file : stored.filter(Files::isRegularFile).toList()) {
                        if (!files.contains(id + "/datasets/" + file.getFileName())) {
                            Files.deleteIfExists(file);
                            LOG.info("Removed dataset file {} of project {}, which no dataset names", file.getFileName(), id);
                        }
                    }
                }
            }
        }
    }
}
