package org.atelier.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Atelier's own command-line options, translated into Spring properties so that
 * {@code --port 9000}, {@code --port=9000}, {@code --host 0.0.0.0} and {@code --no-browser} work both from
 * {@code java -jar} and through {@code mvn spring-boot:run -Dspring-boot.run.arguments=...}.
 * Anything else is handed to Spring Boot unchanged.
 */
public record LaunchOptions(Map<String, Object> springProperties, String[] remainingArgs, boolean help) {
    public static final int DEFAULT_PORT = 8457;
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final String USAGE = """
            Usage: java -jar atelier.jar [OPTIONS]

            Options:
              --port INTEGER   Port to serve on (default: 8457)
              --host TEXT      Host to bind to (default: 127.0.0.1; 0.0.0.0 to share on the LAN)
              --no-browser     Don't open the browser
              --atelier.warm-up=false   Don't warm the engine up in the background at start
              --help           Show this message and exit

            Commands (headless, no web server):
              fit --data FILE --spec SPEC.json [--out RESULT.json] [--model-out MODEL.atelier] [--backend NAME]   fit one model, write JSON (and the model file)
              predict --model MODEL.atelier --data FILE --out PREDICTIONS.csv [--id COL]...   score data with a model file
              tables --model MODEL.atelier --out TABLES.xlsx|.zip|.csv [--data FILE] [--bands COL=a,b,...]   write a model's rating tables
              benchmark-fit [--rows N] [--backend all|NAME] [--e2e] [--r] [--warm-up] [--path [--encoded]] [--diagnostics] [--levels]   time the frequency model's fit
              benchmark-read [--rows N] [--file PATH] [--repeat N]   time reading a CSV or Parquet portfolio
              benchmark-score [--rows N] [--repeat N]   time scoring the sample portfolio with its frequency model
              user add NAME [--admin] | reset NAME | disable NAME | enable NAME | list   users who may log in when shared
              explore --data FILE --response Y [--exposure E] [--weights W] [--out EXPLORE.json]   explore a portfolio, write JSON

            Java runs with --add-modules jdk.incubator.vector and half the RAM as heap: without them, Atelier
            starts Java again with them (-Datelier.relaunch=false or ATELIER_RELAUNCH=false turns that off).
            """;

    public static LaunchOptions parse(String... args) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", DEFAULT_PORT);
        properties.put("server.address", DEFAULT_HOST);
        List<String> rest = new ArrayList<>();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (name) {
                case "--port" -> properties.put("server.port", port(valueOf(args, i, arg)));
                case "--host" -> properties.put("server.address", valueOf(args, i, arg));
                case "--no-browser" -> properties.put("atelier.open-browser", false);
                case "--help", "-h" -> help = true;
                default -> {
                    rest.add(arg);
                    continue;
                }
            }
            if (!arg.contains("=") && !name.equals("--no-browser") && !name.equals("--help") && !name.equals("-h")) {
                i++; // the value was the next argument
            }
        }
        return new LaunchOptions(properties, rest.toArray(String[]::new), help);
    }

    private static String valueOf(String[] args, int i, String arg) {
        if (arg.contains("=")) {
            return arg.substring(arg.indexOf('=') + 1);
        }
        if (i + 1 >= args.length) {
            throw new IllegalArgumentException("Option " + arg + " needs a value");
        }
        return args[i + 1];
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number from 1 to 65535, got '" + text + "'");
        }
    }
}
