package org.atelier.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A headless command's arguments: {@code --name value} or {@code --name=value} options in the order given, flags
 * without a value, and {@code --help}. The command's own word, when it comes first, is skipped; a flag named in
 * {@code stopAt} ends the options and leaves what follows it to another command (as {@code tables --benchmark}).
 */
record CliArgs(boolean help, List<Option> options, String[] rest) {

    record Option(String name, String value) {
    }

    static CliArgs parse(String[] args, String command, Set<String> flags, Set<String> stopAt)
            throws FitCommand.UsageError {
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (i == 0 && arg.equals(command)) {
                continue;
            }
            if (arg.equals("--help") || arg.equals("-h")) {
                return new CliArgs(true, options, new String[0]);
            }
            if (stopAt.contains(arg)) {
                options.add(new Option(arg, null));
                return new CliArgs(false, options, Arrays.copyOfRange(args, i + 1, args.length));
            }
            if (flags.contains(arg)) {
                options.add(new Option(arg, null));
                continue;
            }
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
            String value = name.equals(arg) ? null : arg.substring(eq + 1);
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new FitCommand.UsageError("Missing value for " + name);
                }
                value = args[++i];
            }
            options.add(new Option(name, value));
        }
        return new CliArgs(false, options, new String[0]);
    }

    /** True when the flag was given. */
    boolean has(String flag) {
        return options.stream().anyMatch(o -> o.name().equals(flag));
    }
}
