package org.atelier.config;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.module.ModuleFinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Gives {@code java -jar atelier.jar} the JVM flags the engine needs for full speed without the user typing them.
 *
 * <p>The engine's fastest kernels use the Vector API, an incubator module that a JVM only resolves when started
 * with {@code --add-modules jdk.incubator.vector}. A JAR manifest cannot ask for a module: the JDK's launcher
 * reads {@code Main-Class}, {@code Launcher-Agent-Class}, {@code Add-Exports}, {@code Add-Opens} and
 * {@code Enable-Native-Access} from it, but has no {@code Add-Modules}. So when the module is missing, main
 * re-executes the same java binary with the same arguments and {@link #FLAGS} (plus a heap of
 * {@value #HEAP_FLAG} unless the user chose one) in front, passes the terminal to the new JVM, and exits with
 * its exit code. Flags the user typed come after ours, so they win.
 *
 * <p>It never loops: the new JVM has the module, and {@value #GUARD_ENV} is set in its environment. Turn it off
 * with {@code -Datelier.relaunch=false} or {@code ATELIER_RELAUNCH=false}; then start with the flags yourself
 * ({@code java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -XX:MaxRAMPercentage=50 -jar
 * atelier.jar}).
 */
public final class FastJvm {
    static final String VECTOR_MODULE = "jdk.incubator.vector";
    static final List<String> FLAGS = List.of("--add-modules", VECTOR_MODULE, "--enable-native-access=ALL-UNNAMED");
    /**
     * Half the RAM (or of the container's limit): twice the JVM's default quarter. Reading a portfolio holds its
     * bytes and its typed columns at once, and a fit adds the design and IRLS vectors, so a 477 MB, 9-million-row
     * CSV took 4.1 GB; half of an 8 GB laptop still takes a file at the 500 MB upload limit, and the other half
     * stays with the browser and the OS. The heap only grows as it is used.
     */
    static final String HEAP_FLAG = "-XX:MaxRAMPercentage=50";
    static final String GUARD_ENV = "ATELIER_RELAUNCHED";
    static final String PARENT_ENV = "ATELIER_LAUNCHER_PID";
    static final String OPT_OUT_PROPERTY = "atelier.relaunch";
    static final String OPT_OUT_ENV = "ATELIER_RELAUNCH";
    /** How long the launcher waits for the JVM it started to shut down cleanly when it is itself stopped. */
    private static final long STOP_GRACE_SECONDS = 20;

    private FastJvm() {
    }

    /**
     * Re-runs this JVM with the fast flags when it lacks them.
     *
     * @param args the application's arguments, as main received them
     * @return the exit code of the JVM that ran the application, or empty when this JVM should run it itself
     */
    public static OptionalInt relaunchIfNeeded(String[] args) {
        watchLauncher();
        boolean moduleLoaded = ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
        boolean optedOut = "false".equalsIgnoreCase(System.getProperty(OPT_OUT_PROPERTY))
                || "false".equalsIgnoreCase(System.getenv(OPT_OUT_ENV));
        if (moduleLoaded || optedOut || System.getenv(GUARD_ENV) != null
                || ModuleFinder.ofSystem().find(VECTOR_MODULE).isEmpty()) {
            return OptionalInt.empty(); // a Java runtime built without the module cannot be given it
        }
        Optional<Launch> launch = launch(ManagementFactory.getRuntimeMXBean().getInputArguments(), args);
        if (launch.isEmpty()) {
            System.err.println("Atelier runs without the Vector API (this platform does not say how Java was started);"
                    + " for full speed start it with: java --add-modules " + VECTOR_MODULE + " " + HEAP_FLAG
                    + " -jar atelier.jar");
            return OptionalInt.empty();
        }
        return run(launch.get());
    }

    /**
     * The command to run and whether it was rebuilt from this JVM's options (then options that came from the
     * environment, JDK_JAVA_OPTIONS and JAVA_TOOL_OPTIONS, are among them and must not be applied twice).
     */
    record Launch(List<String> command, boolean rebuilt) {
    }

    /**
     * The java binary, the fast flags, then this JVM's own command line: as the operating system has it where it
     * says (so quoting and argument files pass on exactly as given), else rebuilt from this JVM's options, its
     * {@code -jar JAR} or {@code -cp PATH CLASS}, and the application's arguments (Linux does not say for a
     * command line longer than a memory page, e.g. a long class path).
     */
    static Optional<Launch> launch(List<String> jvmOptions, String[] args) {
        ProcessHandle.Info info = ProcessHandle.current().info();
        Optional<String> java = info.command();
        if (java.isEmpty()) {
            return Optional.empty();
        }
        Optional<String[]> arguments = info.arguments();
        if (arguments.isPresent()) {
            return Optional.of(new Launch(command(java.get(), jvmOptions, List.of(arguments.get())), false));
        }
        String classPath = System.getProperty("java.class.path", "");
        String started = System.getProperty("sun.java.command", "");
        List<String> rebuilt = new ArrayList<>(jvmOptions);
        if (classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator) && started.startsWith(classPath)) {
            rebuilt.addAll(List.of("-jar", classPath));
        } else {
            String mainClass = started.split(" ", 2)[0];
            if (mainClass.isEmpty() || classPath.isEmpty()) {
                return Optional.empty();
            }
            rebuilt.addAll(List.of("-cp", classPath, mainClass));
        }
        rebuilt.addAll(List.of(args));
        return Optional.of(new Launch(command(java.get(), jvmOptions, rebuilt), true));
    }

    static List<String> command(String java, List<String> jvmOptions, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(FLAGS);
        if (!choosesHeap(jvmOptions)) {
            command.add(HEAP_FLAG);
        }
        command.addAll(arguments);
        return command;
    }

    /** True when the user sized the heap (so ours would be ignored or, for the percentages, override theirs). */
    static boolean choosesHeap(List<String> jvmOptions) {
        return jvmOptions.stream().anyMatch(option -> option.startsWith("-Xmx")
                || option.startsWith("-XX:MaxHeapSize=") || option.startsWith("-XX:MaxRAMPercentage=")
                || option.startsWith("-XX:MaxRAMFraction=") || option.startsWith("-XX:MaxRAM="));
    }

    /** Starts the command on this terminal; stopping this launcher stops it too, cleanly. */
    private static OptionalInt run(Launch launch) {
        ProcessBuilder builder = new ProcessBuilder(launch.command()).inheritIO();
        Map<String, String> environment = builder.environment();
        if (launch.rebuilt()) {
            environment.remove("JDK_JAVA_OPTIONS");
            environment.remove("JAVA_TOOL_OPTIONS");
        }
        environment.put(GUARD_ENV, "1");
        environment.put(PARENT_ENV, Long.toString(ProcessHandle.current().pid()));
        Process child;
        try {
            child = builder.start();
        } catch (java.io.IOException e) {
            System.err.println("Could not restart Java with the Vector API (" + e.getMessage() + "); running without it."
                    + " Start with: java --add-modules " + VECTOR_MODULE + " -jar atelier.jar");
            return OptionalInt.empty();
        }
        Thread stopChild = new Thread(() -> stop(child), "atelier-launcher-stop");
        Runtime.getRuntime().addShutdownHook(stopChild);
        while (true) {
            try {
                int exit = child.waitFor();
                Runtime.getRuntime().removeShutdownHook(stopChild);
                return OptionalInt.of(exit);
            } catch (InterruptedException e) {
                // the launcher's main thread has nothing else to do: keep waiting
            } catch (IllegalStateException e) {
                return OptionalInt.of(child.exitValue()); // shutting down already: the hook stopped the child
            }
        }
    }

    /** On Ctrl+C or a kill, ask the application to shut down (SIGTERM: Spring closes cleanly), then insist. */
    private static void stop(Process child) {
        if (!child.isAlive()) {
            return;
        }
        child.destroy();
        try {
            if (!child.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        } catch (InterruptedException e) {
            child.destroyForcibly();
        }
    }

    /** In the relaunched JVM: if the launcher dies without stopping it (kill -9), stop too instead of lingering. */
    private static void watchLauncher() {
        String parent = System.getenv(PARENT_ENV);
        if (parent == null || System.getenv(GUARD_ENV) == null) {
            return;
        }
        try {
            ProcessHandle.of(Long.parseLong(parent)).ifPresentOrElse(
                    launcher -> launcher.onExit().thenRun(() -> System.exit(143)),
                    () -> System.exit(143));
        } catch (NumberFormatException e) {
            // not set by the launcher: nothing to watch
        }
    }
}
