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
            throws CommandErrors.UsageError {
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
                    throw new CommandErrors.UsageError("Missing value for " + name);
                }
                value = args[++i];
            }
            options.add(new Option(name, value));
        }
        return new CliArgs(false, options, new String[0]);
    }

    /**
     * A whole-number option from {@code min} to {@code max}, or a usage error naming the option and the value given
     * (as {@code --buckets}, {@code --rows}, {@code --repeat}).
     */
    static int wholeNumber(String name, String value, int min, int max) throws CommandErrors.UsageError {
        int v;
        try {
            v = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new CommandErrors.UsageError(name + " must be a " + (min == 1 && max == Integer.MAX_VALUE
                    ? "positive " : "") + "whole number, got '" + value + "'");
        }
        if (v < min || v > max) {
            throw new CommandErrors.UsageError(max == Integer.MAX_VALUE
                    ? name + " must be a positive whole number, got '" + value + "'"
                    : name + " must be between " + min + " and " + max + ", got " + v);
        }
        return v;
    }

    /** True when the flag was given. */
    boolean has(String flag) {
        return options.stream().anyMatch(o -> o.name().equals(flag));
    }
}
