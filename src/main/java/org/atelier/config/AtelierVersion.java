package org.atelier.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The Atelier version, as the build wrote it into application.properties ({@code atelier.version}), so exports
 * and reports can say which Atelier made them; read without Spring, for the commands too.
 */
public final class AtelierVersion {
    private static final String VERSION = read();

    private AtelierVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = AtelierVersion.class.getResourceAsStream("/application.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            String version = properties.getProperty("atelier.version", "");
            return version.isBlank() || version.startsWith("@") ? "development build" : version;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
