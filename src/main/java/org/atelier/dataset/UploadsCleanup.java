package org.atelier.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.atelier.config.AtelierProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** At start-up no upload can be in progress: whatever a crash or a killed server left in uploads/ goes. */
@Component
class UploadsCleanup implements ApplicationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(UploadsCleanup.class);

    private final AtelierProperties properties;

    UploadsCleanup(AtelierProperties properties) {
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Path uploads = properties.uploadsDir();
        if (!Files.isDirectory(uploads)) {
            return;
        }
        try (Stream<Path> leftovers = Files.list(uploads)) {
            for (Path file : leftovers.filter(Files::isRegularFile).toList()) {
                Files.deleteIfExists(file);
                LOG.info("Removed unfinished upload {}", file.getFileName());
            }
        }
    }
}
