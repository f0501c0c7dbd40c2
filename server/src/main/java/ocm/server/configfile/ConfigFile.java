package ocm.server.configfile;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A server config file: one {@code key = value} a line, keys the long flag names without
 * {@code --}; blank lines and lines starting with {@code #} are skipped, so is a {@code #}
 * comment after whitespace. A value may be in double quotes (to keep a {@code #} or edge spaces).
 * <pre>
 * # /etc/ocm/server.conf
 * host = 0.0.0.0
 * tcp-port = 9090
 * no-console = true   # under systemd
 * </pre>
 * This class knows only the syntax; which keys exist and what values they take is {@link ConfigApplier}'s.
 */
public record ConfigFile(Path file, List<Entry> entries) {
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]*");

    /** One setting and the line it is on (from 1). */
    public record Entry(int line, String key, String value) {
    }

    public ConfigFile {
        entries = List.copyOf(entries);
    }

    /** Reads and parses {@code file} (UTF-8). */
    public static ConfigFile read(Path file) throws ConfigFileException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigFileException(file, 0, "no such file");
        } catch (CharacterCodingException e) {
            throw new ConfigFileException(file, 0, "not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigFileException(file, 0, "cannot read it: " + e.getMessage());
        }
        return parse(file, lines);
    }

    public static ConfigFile parse(Path file, List<String> lines) throws ConfigFileException {
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            Entry e = entry(file, i + 1, text);
            Integer earlier = seen.putIfAbsent(e.key(), e.line());
            if (earlier != null) {
                throw new ConfigFileException(file, e.line(), "'" + e.key() + "' is already set on line " + earlier);
            }
            entries.add(e);
        }
        return new ConfigFile(file, entries);
    }

    private static Entry entry(Path file, int line, String text) throws ConfigFileException {
        int eq = text.indexOf('=');
        if (eq < 0) {
            throw new ConfigFileException(file, line, "expected 'key = value', got '" + text + "'");
        }
        String key = text.substring(0, eq).strip();
        if (key.startsWith("--")) {
            throw new ConfigFileException(file, line, "write the key without '--': '" + key.substring(2) + " = ...'");
        }
        if (!KEY.matcher(key).matches()) {
            throw new ConfigFileException(file, line, key.isEmpty() ? "no key before '='"
                    : "'" + key + "' is not a key (lower-case flag names like tcp-port)");
        }
        return new Entry(line, key, value(file, line, text.substring(eq + 1).strip()));
    }

    private static String value(Path file, int line, String raw) throws ConfigFileException {
        if (raw.startsWith("\"")) {
            int close = raw.indexOf('"', 1);
            if (close < 0) {
                throw new ConfigFileException(file, line, "the quote is not closed");
            }
            String rest = raw.substring(close + 1).strip();
            if (!rest.isEmpty() && !rest.startsWith("#")) {
                throw new ConfigFileException(file, line, "text after the closing quote: '" + rest + "'");
            }
            return raw.substring(1, close);
        }
        String v = stripComment(raw);
        if (v.isEmpty()) {
            throw new ConfigFileException(file, line, "no value after '='");
        }
        return v;
    }

    private static String stripComment(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) == '#' && (i == 0 || Character.isWhitespace(raw.charAt(i - 1)))) {
                return raw.substring(0, i).strip();
            }
        }
        return raw;
    }
}
