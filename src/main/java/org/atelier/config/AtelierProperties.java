package org.atelier.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Atelier keeps its data and how it behaves. {@code home} binds from the ATELIER_HOME environment
 * variable (Spring's relaxed binding of {@code atelier.home}) and defaults to ~/.atelier.
 *
 * @param home          folder holding atelier.db and projects/
 * @param openBrowser   open the default browser once the server is up (--no-browser turns it off)
 * @param maxUploadSize largest dataset file accepted, in decimal units (500MB = 500,000,000 bytes)
 * @param fitWorkers    fits that run at once (0: one per core); more wait in a queue
 */
@ConfigurationProperties("atelier")
public record AtelierProperties(
        Path home,
        @DefaultValue("true") boolean openBrowser,
        @DefaultValue("500MB") DecimalSize maxUploadSize,
        @DefaultValue("0") int fitWorkers) {

    public AtelierProperties {
        home = home == null ? defaultHome() : home.toAbsolutePath().normalize();
    }

    /** ~/.atelier: where Atelier keeps its data unless ATELIER_HOME (or atelier.home) says otherwise. */
    public static Path defaultHome() {
        return Path.of(System.getProperty("user.home"), ".atelier").toAbsolutePath().normalize();
    }

    public Path database() {
        return home.resolve("atelier.db");
    }

    public Path projectsDir() {
        return home.resolve("projects");
    }

    /** Uploads land here first: same file system as projects/, so the final move is atomic. */
    public Path uploadsDir() {
        return home.resolve("uploads");
    }
}
