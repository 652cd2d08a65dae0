import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Maven starts this file (named in .mvn/jvm.config) with whatever `java` it found, in source-file mode.
 * Vaadin 25's Maven plugin runs inside Maven's own JVM and needs Java 21+, while the default `java`
 * on many machines is older. So we find the newest installed JDK 21+ and re-run the very same Maven
 * launcher command on it, passing the exit code through. Everything after this file on Maven's
 * command line (JVM options, the classworlds launcher and Maven's arguments) arrives here as args.
 */
public class SelectJdk {
    static final int MINIMUM = 21;

    public static void main(String[] args) throws Exception {
        Path java = newestJdk().map(home -> home.resolve("bin/java")).orElse(null);
        if (java == null) {
            System.err.println("Atelier needs a JDK " + MINIMUM + " or newer to build (Java 25 recommended)."
                    + " Install one, or point JAVA_HOME at it.");
            System.exit(1);
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("JAVA_HOME", java.getParent().getParent().toString());
        Process maven = builder.start();
        // Ctrl+C reaches the whole process group; a plain kill of this process must not orphan Maven.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (maven.isAlive()) {
                maven.destroy();
            }
        }));
        System.exit(maven.waitFor());
    }

    static Optional<Path> newestJdk() {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of(System.getProperty("java.home")));
        for (Map.Entry<String, String> e : System.getenv().entrySet()) {
            if (e.getKey().equals("JAVA_HOME") || e.getKey().matches("JAVA\\d*_HOME")) {
                candidates.add(Path.of(e.getValue()));
            }
        }
        String home = System.getProperty("user.home");
        for (String dir : List.of("/usr/lib/jvm", home + "/.jdks", home + "/.sdkman/candidates/java")) {
            candidates.addAll(children(Path.of(dir)));
        }
        Path best = null;
        int bestVersion = 0;
        for (Path candidate : candidates) {
            int version = featureVersion(candidate);
            if (version >= MINIMUM && version > bestVersion && Files.isExecutable(candidate.resolve("bin/javac"))) {
                best = candidate;
                bestVersion = version;
            }
        }
        return Optional.ofNullable(best);
    }

    static List<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The feature version from a JDK's `release` file (JAVA_VERSION="25.0.3" gives 25), or 0. */
    static int featureVersion(Path jdk) {
        Path release = jdk.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(release)) {
            properties.load(reader);
        } catch (IOException e) {
            return 0;
        }
        String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "");
        String feature = version.startsWith("1.") ? version.substring(2) : version;
        int end = 0;
        while (end < feature.length() && Character.isDigit(feature.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(feature.substring(0, end));
    }
}
