package ocm.server.configfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The config file's syntax: what parses, and that each malformed line is named with its reason. */
class ConfigFileTest {
    private static final Path FILE = Path.of("/etc/ocm/server.conf");

    private static ConfigFile parse(String... lines) throws ConfigFileException {
        return ConfigFile.parse(FILE, List.of(lines));
    }

    private static ConfigFileException error(String... lines) {
        return assertThrows(ConfigFileException.class, () -> parse(lines));
    }

    @Test
    void keysValuesCommentsAndQuotes() throws Exception {
        ConfigFile f = parse("# a comment", "", "host = 0.0.0.0", "  tcp-port=9090   # inline", "data-dir = \"/srv/ocm # chat \"",
                "verbose = true");
        assertEquals(List.of(new ConfigFile.Entry(3, "host", "0.0.0.0"), new ConfigFile.Entry(4, "tcp-port", "9090"),
                new ConfigFile.Entry(5, "data-dir", "/srv/ocm # chat "), new ConfigFile.Entry(6, "verbose", "true")), f.entries());
    }

    @Test
    void aHashInsideAWordIsPartOfTheValue() throws Exception {
        assertEquals("a#b", parse("host = a#b").entries().get(0).value());
    }

    @Test
    void aLineWithoutEqualsIsNamed() {
        ConfigFileException e = error("host = x", "tcp-port 9090");
        assertEquals(2, e.line());
        assertEquals("/etc/ocm/server.conf:2: expected 'key = value', got 'tcp-port 9090'", e.getMessage());
    }

    @Test
    void malformedKeysAndValuesAreNamed() {
        assertEquals("/etc/ocm/server.conf:1: no key before '='", error("= 5").getMessage());
        assertEquals("/etc/ocm/server.conf:1: write the key without '--': 'tcp-port = ...'", error("--tcp-port = 5").getMessage());
        assertEquals("/etc/ocm/server.conf:1: 'Tcp Port' is not a key (lower-case flag names like tcp-port)", error("Tcp Port = 5").getMessage());
        assertEquals("/etc/ocm/server.conf:1: no value after '='", error("host =   # nothing").getMessage());
        assertEquals("/etc/ocm/server.conf:1: the quote is not closed", error("host = \"abc").getMessage());
        assertEquals("/etc/ocm/server.conf:1: text after the closing quote: 'x'", error("host = \"a\" x").getMessage());
    }

    @Test
    void aKeySetTwiceIsNamedWithBothLines() {
        assertEquals("/etc/ocm/server.conf:3: 'host' is already set on line 1", error("host = a", "", "host = b").getMessage());
    }

    @Test
    void aMissingFileIsNamed() {
        ConfigFileException e = assertThrows(ConfigFileException.class, () -> ConfigFile.read(Path.of("/nonexistent/ocm.conf")));
        assertEquals("/nonexistent/ocm.conf: no such file", e.getMessage());
    }
}
