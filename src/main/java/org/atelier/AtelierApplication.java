package org.atelier;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;
import java.util.Arrays;
import java.util.OptionalInt;
import org.atelier.cli.BenchCommand;
import org.atelier.cli.FitCommand;
import org.atelier.cli.LaunchOptions;
import org.atelier.cli.ReadBenchmark;
import org.atelier.config.FastJvm;
import org.atelier.fit.EngineWarmUp;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Atelier: a GLM workbench for insurance pricing. Without a command it serves the workbench (dark Lumo by
 * default, server push over websocket); commands ({@code fit}, {@code predict}, {@code benchmark-fit}, {@code benchmark-read}, {@code benchmark-score})
 * run headless and never start the web server.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("atelier.css")
@ColorScheme(ColorScheme.Value.DARK)
@PWA(name = "Atelier", shortName = "Atelier", offlineResources = {})
public class AtelierApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        OptionalInt relaunched = FastJvm.relaunchIfNeeded(args); // the Vector API module and a heap, see FastJvm
        if (relaunched.isPresent()) {
            System.exit(relaunched.getAsInt());
        }
        if (args.length > 0 && !args[0].startsWith("-")) {
            System.exit(runCommand(args[0], Arrays.copyOfRange(args, 1, args.length)));
        }
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("Error: " + e.getMessage());
            System.err.println(LaunchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(LaunchOptions.USAGE);
            return;
        }
        SpringApplication app = new SpringApplication(AtelierApplication.class);
        app.setDefaultProperties(options.springProperties());
        app.run(options.remainingArgs());
    }

    private static int runCommand(String command, String[] args) {
        return switch (command) {
            case "fit" -> FitCommand.run(args, System.out, System.err);
            case "benchmark-fit" -> BenchCommand.run(args, System.out, System.err,
                    () -> EngineWarmUp.run(EngineWarmUp.ROWS, () -> false).toString());
            case "benchmark-read" -> ReadBenchmark.run(args, System.out);
            case "explore" -> org.atelier.cli.ExploreCommand.run(args, System.out, System.err);
            case "tables" -> org.atelier.cli.TablesCommand.run(args, System.out, System.err);
            case "predict" -> org.atelier.cli.PredictCommand.run(args, System.out, System.err);
            case "benchmark-score" -> org.atelier.cli.ScoreBenchmark.run(args, System.out, System.err);
            case "user" -> org.atelier.cli.UserCommand.run(args, new java.io.BufferedReader(new java.io.InputStreamReader(
                    System.in, java.nio.charset.StandardCharsets.UTF_8)), System.out, System.err);
            default -> {
                System.err.println("Unknown command '" + command + "'. Commands: fit, predict, tables, explore, user,"
                        + " benchmark-fit, benchmark-read, benchmark-score."
                        + " Without a command Atelier starts the workbench; --help lists its options.");
                yield 2;
            }
        };
    }
}
