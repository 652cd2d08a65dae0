package org.atelier.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FastJvmTest {
    @Test
    void theFlagsGoInFrontOfTheUsersCommandLineSoTheUsersOwnWin() {
        assertEquals(List.of("/jdk/bin/java", "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                        "-XX:MaxRAMPercentage=50", "-jar", "atelier.jar", "fit", "--data", "a b.csv"),
                FastJvm.command("/jdk/bin/java", List.of(), List.of("-jar", "atelier.jar", "fit", "--data", "a b.csv")));
        assertEquals(List.of("java", "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                        "-Xmx3g", "-jar", "atelier.jar"),
                FastJvm.command("java", List.of("-Xmx3g"), List.of("-Xmx3g", "-jar", "atelier.jar")),
                "a heap the user chose is left alone");
    }

    @Test
    void aHeapTheUserSizedIsRecognised() {
        for (String option : List.of("-Xmx512m", "-XX:MaxHeapSize=1g", "-XX:MaxRAMPercentage=80", "-XX:MaxRAM=4g")) {
            assertTrue(FastJvm.choosesHeap(List.of("-Dx=y", option)), option);
        }
        assertFalse(FastJvm.choosesHeap(List.of("-Xms1g", "-XX:InitialRAMPercentage=10")));
    }

    /**
     * A JVM started without the module re-runs itself once with it, passing arguments and exit code through: from
     * the command line the OS reports (short class path) and from the JVM's own view when Linux does not report
     * it (the test run's class path is far longer than a memory page).
     */
    @Test
    void aJvmWithoutTheVectorModuleRelaunchesItselfOnce() throws Exception {
        for (String classPath : List.of(shortClassPath(), System.getProperty("java.class.path"))) {
            Run run = probe(classPath, List.of("-Dprobe=x y"), "7", "two words");
            assertEquals(7, run.exit(), run.output());
            assertTrue(run.output().contains("vector module: true"), run.output());
            assertTrue(run.output().contains("-XX:MaxRAMPercentage=50"), run.output());
            assertTrue(run.output().contains("-Dprobe=x y"), run.output());
            assertTrue(run.output().contains("arguments: 7|two words"), run.output());
            assertEquals(1, run.output().split("vector module", -1).length - 1, "ran once: " + run.output());
        }
    }

    @Test
    void theRelaunchCanBeTurnedOff() throws Exception {
        Run run = probe(shortClassPath(), List.of("-Datelier.relaunch=false"), "3");
        assertEquals(3, run.exit(), run.output());
        assertTrue(run.output().contains("vector module: false"), run.output());
    }

    private record Run(int exit, String output) {
    }

    /** The probe's and FastJvm's class folders: all the probe needs. */
    private static String shortClassPath() throws Exception {
        return Path.of(RelaunchProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()) + File.pathSeparator
                + Path.of(FastJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static Run probe(String classPath, List<String> options, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(options);
        command.addAll(List.of("-cp", classPath, RelaunchProbe.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove(FastJvm.GUARD_ENV);
        builder.environment().remove("JDK_JAVA_OPTIONS");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Run(process.exitValue(), output);
    }
}
