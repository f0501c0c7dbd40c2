package ocm.server;

import ocm.server.config.ServerConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import ocm.server.configfile.ConfigFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./chat server --config FILE}, {@code server.conf} in the data dir, and {@code --print-config}. */
class ServerConfigFileTest {
    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ServerCommand());
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(out, true));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString().strip());
    }

    private Path conf(String... lines) throws Exception {
        return Files.write(dir.resolve("ocm.conf"), java.util.List.of(lines));
    }

    /** The line of --print-config for {@code key}, squeezed to single spaces. */
    private static String printed(Run r, String key) {
        return r.out().lines().filter(l -> l.startsWith(key + " = ") || l.startsWith("# " + key + " = "))
                .map(l -> l.replaceAll(" +", " ")).findFirst().orElseThrow(() -> new AssertionError("no " + key + " in\n" + r.out()));
    }

    @Test
    void fileValuesApplyAndFlagsOverrideThem() throws Exception {
        Path f = conf("# test", "tcp-port = 9390", "udp-port = 9391", "max-rooms = 7", "no-console = true");
        Run r = run("--config", f.toString(), "--udp-port", "9500", "--data-dir", dir.toString(), "--print-config");
        assertEquals(0, r.status(), r.err());
        assertEquals("tcp-port = 9390 # " + f + ":2", printed(r, "tcp-port"));
        assertEquals("udp-port = 9500 # command line", printed(r, "udp-port"));
        assertEquals("max-rooms = 7 # " + f + ":4", printed(r, "max-rooms"));
        assertEquals("no-console = true # " + f + ":5", printed(r, "no-console"));
        assertEquals("max-members = 500 # default", printed(r, "max-members"));
        assertEquals("# metrics-port = # not set, default", printed(r, "metrics-port"));
        assertEquals("data-dir = " + dir + " # command line", printed(r, "data-dir"));
        assertEquals("metrics-host = 127.0.0.1 # default", printed(r, "metrics-host"));
    }

    @Test
    void theValuesReachTheServerConfig() throws Exception {
        ServerCommand c = new ServerCommand();
        CommandLine cl = new CommandLine(c);
        cl.parseArgs("--config", conf("max-members = 12", "rate = 2.5", "host = 127.0.0.2").toString(), "--data-dir", dir.toString());
        c.configFile.apply(cl.getCommandSpec(), ServerCommand::new, () -> dir);
        ServerConfig config = c.config();
        assertEquals(12, config.maxMembersPerRoom());
        assertEquals(2.5, config.messagesPerSecond());
        assertEquals("127.0.0.2", config.host());
    }

    @Test
    void serverConfInTheDataDirIsReadWhenNoConfigIsGiven() throws Exception {
        Files.writeString(dir.resolve("server.conf"), "history = 42\n");
        Run r = run("--data-dir", dir.toString(), "--print-config");
        assertEquals(0, r.status(), r.err());
        assertEquals("history = 42 # " + dir.resolve("server.conf") + ":1", printed(r, "history"));
        Run defaults = run("--print-config");
        assertEquals(0, defaults.status(), defaults.err());
        assertEquals("data-dir = " + ServerCommand.defaultDataDir() + " # default", printed(defaults, "data-dir"));
    }

    @Test
    void anUnknownKeyStopsTheStartNamingFileAndLine() throws Exception {
        Path f = conf("tcp-port = 9390", "", "tcp-prot = 9391");
        Run r = run("--config", f.toString(), "--data-dir", dir.toString());
        assertEquals(2, r.status());
        assertEquals("chat server: " + f + ":3: unknown key 'tcp-prot' (did you mean tcp-port?)", r.err());
    }

    @Test
    void aBadValueStopsTheStartNamingFileLineAndReason() throws Exception {
        Path f = conf("max-rooms = many");
        Run r = run("--config", f.toString(), "--data-dir", dir.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("chat server: " + f + ":1: bad value for 'max-rooms': "), r.err());
        assertTrue(r.err().contains("'many' is not an int"), r.err());
        Run flag = run("--config", conf("no-console = yes").toString(), "--data-dir", dir.toString());
        assertEquals("chat server: " + f + ":1: 'no-console' takes true or false, got 'yes'", flag.err());
    }

    @Test
    void aBadLineLeavesEveryValueAsItWas() throws Exception {
        ServerCommand c = new ServerCommand();
        CommandLine cl = new CommandLine(c);
        cl.parseArgs("--config", conf("max-members = 12", "max-rooms = many").toString());
        assertThrows(ConfigFileException.class, () -> c.configFile.apply(cl.getCommandSpec(), ServerCommand::new, () -> dir));
        assertEquals(500, c.maxMembers, "the good line before the bad one was not applied");
    }

    @Test
    void aMalformedLineStopsTheStart() throws Exception {
        Path f = conf("host 0.0.0.0");
        Run r = run("--config", f.toString(), "--data-dir", dir.toString());
        assertEquals(2, r.status());
        assertEquals("chat server: " + f + ":1: expected 'key = value', got 'host 0.0.0.0'", r.err());
    }

    @Test
    void optionsThatAreNotSettingsAreRefused() throws Exception {
        Path f = conf("print-config = true");
        Run r = run("--config", f.toString(), "--data-dir", dir.toString());
        assertEquals("chat server: " + f + ":1: 'print-config' cannot be set in a config file", r.err());
    }

    @Test
    void aMissingConfigFileIsAnError() {
        Run r = run("--config", dir.resolve("nope.conf").toString(), "--data-dir", dir.toString());
        assertEquals(2, r.status());
        assertEquals("chat server: " + dir.resolve("nope.conf") + ": no such file", r.err());
    }
}
