package org.atelier.scoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.atelier.config.AtelierProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** At start-up no download can still need the predictions files an earlier server wrote: they go. */
@Component
class ScoresCleanup implements ApplicationRunner {
    private final AtelierProperties properties;

    ScoresCleanup(AtelierProperties properties) {
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Path scores = properties.home().resolve("scores");
        if (!Files.isDirectory(scores)) {
            return;
        }
        try (Stream<Path> leftovers = Files.list(scores)) {
            for (Path file : leftovers.filter(Files::isRegularFile).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
