package ocm.server.configfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Applies a {@link ConfigFile} to a parsed picocli command: each key must name one of its long
 * options, each value must be what that flag takes (checked by picocli itself, parsing
 * {@code --key=value} into a fresh instance of the command), and a flag given on the command line
 * wins over the file. Remembers where each value came from for {@code --print-config}.
 */
public final class ConfigApplier {
    /** Options that make no sense in a file. */
    private static final Set<String> NOT_IN_FILE = Set.of("--help", "--version", "--config", "--print-config");

    private final CommandSpec spec;
    private final Supplier<Object> freshCommand;
    private final Map<String, String> sources = new HashMap<>();

    /** {@code freshCommand} makes a new, unparsed instance of the command {@code spec} describes. */
    public ConfigApplier(CommandSpec spec, Supplier<Object> freshCommand) {
        this.spec = spec;
        this.freshCommand = freshCommand;
    }

    /** Checks every line first, then sets the values the command line did not give: a bad file changes nothing. */
    public void apply(ConfigFile file) throws ConfigFileException {
        Map<OptionSpec, Object> values = new HashMap<>();
        List<ConfigFile.Entry> order = new ArrayList<>();
        for (ConfigFile.Entry e : file.entries()) {
            OptionSpec option = option(file, e);
            values.put(option, convert(file, e, option));
            order.add(e);
        }
        for (ConfigFile.Entry e : order) {
            OptionSpec option = spec.findOption("--" + e.key());
            if (!givenOnCommandLine(option)) {
                option.setValue(values.get(option));
                sources.put(option.longestName(), file.file() + ":" + e.line());
            }
        }
    }

    private OptionSpec option(ConfigFile file, ConfigFile.Entry e) throws ConfigFileException {
        OptionSpec option = spec.findOption("--" + e.key());
        if (option == null || !option.longestName().equals("--" + e.key())) {
            throw new ConfigFileException(file.file(), e.line(), "unknown key '" + e.key() + "'" + suggestion(e.key()));
        }
        if (NOT_IN_FILE.contains(option.longestName())) {
            throw new ConfigFileException(file.file(), e.line(), "'" + e.key() + "' cannot be set in a config file");
        }
        return option;
    }

    private Object convert(ConfigFile file, ConfigFile.Entry e, OptionSpec option) throws ConfigFileException {
        if (isBoolean(option) && !e.value().equals("true") && !e.value().equals("false")) {
            throw new ConfigFileException(file.file(), e.line(), "'" + e.key() + "' takes true or false, got '" + e.value() + "'");
        }
        CommandLine fresh = new CommandLine(freshCommand.get());
        try {
            fresh.parseArgs("--" + e.key() + "=" + e.value());
        } catch (CommandLine.ParameterException ex) {
            throw new ConfigFileException(file.file(), e.line(), "bad value for '" + e.key() + "': " + ex.getMessage());
        }
        return fresh.getCommandSpec().findOption("--" + e.key()).getValue();
    }

    private static boolean isBoolean(OptionSpec option) {
        return option.type() == boolean.class || option.type() == Boolean.class;
    }

    private boolean givenOnCommandLine(OptionSpec option) {
        CommandLine.ParseResult parsed = spec.commandLine() == null ? null : spec.commandLine().getParseResult();
        return parsed != null && parsed.hasMatchedOption(option);
    }

    private String suggestion(String key) {
        List<String> close = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            String name = o.longestName().substring(2);
            if (!NOT_IN_FILE.contains(o.longestName()) && (name.contains(key) || key.contains(name) || near(name, key))) {
                close.add(name);
            }
        }
        return close.isEmpty() ? "" : " (did you mean " + String.join(", ", close) + "?)";
    }

    /** Same length give or take one and at most two letters different: a typo. */
    private static boolean near(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int prefix = 0;
        while (prefix < Math.min(a.length(), b.length()) && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < Math.min(a.length(), b.length()) - prefix
                && a.charAt(a.length() - 1 - suffix) == b.charAt(b.length() - 1 - suffix)) {
            suffix++;
        }
        return Math.max(a.length(), b.length()) - prefix - suffix <= 2;
    }

    /**
     * Every option's effective value and its source: the command line, a file and line, or the
     * default. {@code derived} gives what an unset option means when the command works it out
     * (the data dir from $XDG_DATA_HOME, say); other unset ones have no value.
     */
    public List<Setting> effective(Map<String, String> derived) {
        List<Setting> out = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (NOT_IN_FILE.contains(o.longestName())) {
                continue;
            }
            String key = o.longestName().substring(2);
            String source = givenOnCommandLine(o) ? "command line" : sources.getOrDefault(o.longestName(), "default");
            Object v = o.getValue();
            out.add(new Setting(key, v != null ? String.valueOf(v) : derived.get(key), source));
        }
        return out;
    }
}
