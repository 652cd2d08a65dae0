package org.atelier.codegen;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** A generated program compiled in-process against the test class path, run in-process with its output captured. */
record CompiledProgram(Path classes) {
    /** A table row: the feature (may contain spaces) then three numbers, read from the right. */
    private static final Pattern ROW = Pattern.compile("^(.*\\S)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)$");

    record Row(String feature, String first, String second, String third) {
    }

    static CompiledProgram compile(String source, Path dir) {
        try {
            Path src = Files.createDirectories(dir.resolve("src")).resolve(JavaProgramGenerator.CLASS_NAME + ".java");
            Files.writeString(src, source);
            Path classes = Files.createDirectories(dir.resolve("classes"));
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            StringWriter diagnostics = new StringWriter();
            boolean ok = javac.getTask(diagnostics, null, null,
                    List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString(), "-proc:none",
                            "-Xlint:all,-path,-options", "-Werror"),
                    null, javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(src)).call();
            if (!ok) {
                throw new AssertionError("The generated program does not compile:\n" + diagnostics + "\n" + source);
            }
            return new CompiledProgram(classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A line the application's logger wrote ("2026-12-02T15:35:41.283Z  WARN 12869 --- [atelier] ..."): the swapped
     * System.out also catches what other threads of this JVM log meanwhile (an earlier Spring test's background
     * diagnostics, say), which is not the program's output.
     */
    private static final Pattern LOG_LINE = Pattern.compile(
            "^\\d{4}-\\d\\d-\\d\\dT\\S+\\s+(TRACE|DEBUG|INFO|WARN|ERROR) \\d+ --- .*(\\R|$)", Pattern.MULTILINE);

    /** Runs main in this JVM; System.out is swapped for the run (surefire runs the test classes one at a time). */
    String run(String... args) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
             PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            loader.loadClass(JavaProgramGenerator.CLASS_NAME).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw new AssertionError("The generated program failed", e.getCause());
        } catch (ReflectiveOperationException | IOException e) {
            throw new AssertionError(e);
        } finally {
            System.setOut(original);
        }
        return LOG_LINE.matcher(captured.toString(StandardCharsets.UTF_8)).replaceAll("");
    }

    /** The rows printed under a header line, up to the next blank line or the end. */
    static List<Row> table(String output, String header) {
        List<String> lines = output.lines().toList();
        int start = lines.indexOf(header);
        if (start < 0) {
            throw new AssertionError("No '" + header + "' in the output:\n" + output);
        }
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.isBlank()) {
                break;
            }
            Matcher m = ROW.matcher(line);
            if (!m.matches()) {
                throw new AssertionError("Not a table row: '" + line + "'");
            }
            rows.add(new Row(m.group(1).strip(), m.group(2), m.group(3), m.group(4)));
        }
        return rows;
    }
}
