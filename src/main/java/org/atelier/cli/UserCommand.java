package org.atelier.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.atelier.config.AtelierProperties;
import org.atelier.user.Role;
import org.atelier.user.UserAccount;
import org.atelier.user.UserService;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * {@code atelier user add NAME [--admin] | reset NAME | disable NAME | enable NAME | list}: the users of a shared
 * Atelier, in the database of ATELIER_HOME (or {@code --home DIR}), while the server runs or not. The first
 * administrator of a new instance is made this way. Passwords are asked twice on the terminal, or read as one
 * line from standard input when it is not a terminal; they never appear on the command line.
 */
public final class UserCommand {
    public static final String USAGE = "Usage: java -jar atelier.jar user add NAME [--admin] | user reset NAME"
            + " | user disable NAME | user enable NAME | user list   [--home DIR]";

    private UserCommand() {
    }

    public static int run(String[] args, BufferedReader in, PrintStream out, PrintStream err) {
        List<String> words = new ArrayList<>();
        boolean admin = false;
        Path home = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--admin")) {
                admin = true;
            } else if (arg.equals("--home") && i + 1 < args.length) {
                home = Path.of(args[++i]);
            } else if (arg.startsWith("--home=")) {
                home = Path.of(arg.substring("--home=".length()));
            } else if (arg.equals("--help") || arg.equals("-h")) {
                out.println(USAGE);
                return 0;
            } else if (arg.startsWith("-")) {
                err.println("Error: unknown option " + arg + "\n" + USAGE);
                return 2;
            } else {
                words.add(arg);
            }
        }
        String action = words.isEmpty() ? "" : words.getFirst();
        boolean list = action.equals("list");
        if (!(list ? words.size() == 1 : words.size() == 2 && List.of("add", "reset", "disable", "enable").contains(action))) {
            err.println("Error: " + (words.isEmpty() ? "no action given" : "cannot read '" + String.join(" ", words) + "'")
                    + "\n" + USAGE);
            return 2;
        }
        Path dir = home != null ? home.toAbsolutePath().normalize() : configuredHome();
        try {
            UserService users = open(dir);
            String name = list ? null : words.get(1);
            switch (action) {
                case "add" -> {
                    UserAccount added = users.add(name, password(in, out, "Password for " + name), admin ? Role.ADMIN : Role.USER);
                    out.println("Added " + (added.admin() ? "administrator " : "user ") + added.username() + " in " + dir);
                }
                case "reset" -> {
                    users.resetPassword(name, password(in, out, "New password for " + name));
                    out.println("New password set for " + name);
                }
                case "disable", "enable" -> {
                    users.setEnabled(name, action.equals("enable"));
                    out.println((action.equals("enable") ? "Enabled " : "Disabled ") + name);
                }
                default -> users.list().forEach(u -> out.println(u.username() + "\t" + u.role().name().toLowerCase()
                        + "\t" + (u.enabled() ? "enabled" : "disabled")));
            }
            return 0;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("Error: " + e.getMessage());
            return 1;
        }
    }

    /** ATELIER_HOME, else the atelier.home system property, else ~/.atelier: as the server finds it. */
    private static Path configuredHome() {
        String env = System.getenv("ATELIER_HOME");
        String configured = env != null && !env.isBlank() ? env : System.getProperty("atelier.home");
        return configured == null || configured.isBlank() ? AtelierProperties.defaultHome()
                : Path.of(configured).toAbsolutePath().normalize();
    }

    /** The users of the database under {@code home}, its schema brought up to date as the server would. */
    static UserService open(Path home) {
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create Atelier's data folder " + home, e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(10_000); // the server may be writing at the same moment
        config.enforceForeignKeys(true);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + home.resolve("atelier.db"));
        // the migrations' progress is the server's log business; a command prints only its own outcome
        if (org.slf4j.LoggerFactory.getLogger("org.flywaydb") instanceof ch.qos.logback.classic.Logger flyway) {
            flyway.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return new UserService(JdbcClient.create(dataSource), PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                Clock.systemUTC());
    }

    private static String password(BufferedReader in, PrintStream out, String prompt) {
        Console console = System.console();
        if (console != null && console.isTerminal()) {
            char[] first = console.readPassword("%s: ", prompt);
            char[] again = console.readPassword("Again: ");
            if (first == null || again == null || !String.valueOf(first).equals(String.valueOf(again))) {
                throw new IllegalArgumentException("The two passwords differ");
            }
            return String.valueOf(first);
        }
        try {
            String line = in.readLine();
            if (line == null) {
                throw new IllegalArgumentException("No password on standard input");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
