package ocm.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import ocm.client.ClientCommand;
import ocm.server.ChatServer;
import ocm.server.PortInUseException;
import ocm.server.ServerCommand;
import ocm.server.config.ServerConfig;
import ocm.server.log.ServerLog;
import picocli.CommandLine;

/**
 * Host mode: an embedded server plus a client connected to it, in one process. The server's
 * log goes to a file in the data dir, since the client owns the screen.
 */
final class HostMode {
    private final HostOptions options;
    private final PrintWriter err;
    private final ServerLog log = new ServerLog();

    HostMode(HostOptions options, PrintWriter err) {
        this.options = options;
        this.err = err;
    }

    int run() {
        ServerConfig config;
        try {
            config = serverConfig();
        } catch (IllegalArgumentException | CommandLine.ParameterException e) {
            err.println("chat: " + e.getMessage());
            return 2;
        }
        Path logFile = config.dataDir().orElseThrow().resolve("server.log");
        Handler fileLog;
        try {
            fileLog = logToFile(logFile);
        } catch (IOException e) {
            err.println("chat: cannot write the server log " + logFile + ": " + e.getMessage());
            return 1;
        }
        ChatServer server = new ChatServer(config);
        try {
            server.start();
        } catch (PortInUseException e) {
            // The exception knows which of the two ports it was; name that one, and the flag that moves it.
            err.println("chat: cannot start the server: " + e.getMessage() + ": is a server already running? Join it"
                    + " with ./chat client, or choose another port with " + e.flag());
            stopLogging(fileLog);
            return 1;
        } catch (IOException e) {
            err.println("chat: cannot start the server: " + e.getMessage());
            stopLogging(fileLog);
            return 1;
        }
        Thread hook = new Thread(server::close, "ocm-host-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return new CommandLine(new ClientCommand()).execute(clientArgs(server).toArray(new String[0]));
        } finally {
            server.close();
            stopLogging(fileLog);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or has run; nothing to undo
            }
        }
    }

    private ServerConfig serverConfig() {
        ServerCommand command = new ServerCommand();
        new CommandLine(command).parseArgs(options.listen.toArgs().toArray(new String[0]));
        return command.config();
    }

    private List<String> clientArgs(ChatServer server) {
        // A wildcard bind is reached locally through loopback.
        String host = options.listen.host();
        String connectTo = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        List<String> args = new ArrayList<>(List.of("--server", connectTo,
                "--tcp-port", Integer.toString(server.tcpPort()), "--udp-port", Integer.toString(server.udpPort())));
        if (options.name != null) {
            args.add("--name");
            args.add(options.name);
        }
        if (options.create != null) {
            args.add("--create");
            args.add(options.create);
        }
        if (options.theme != null) {
            args.add("--theme");
            args.add(options.theme);
        }
        if (options.plain) {
            args.add("--plain");
        }
        return args;
    }

    private void stopLogging(Handler fileLog) {
        log.removeHandler(fileLog);
        fileLog.close();
    }

    /** The file is one more sink of the server's log queue: a slow disk delays log lines, never chat. */
    private Handler logToFile(Path file) throws IOException {
        log.level(Level.INFO);
        FileHandler handler = new FileHandler(file.toString(), true);
        handler.setFormatter(new ServerLog.OneLine());
        log.addHandler(handler);
        return handler;
    }
}
