package ocm.app;

import java.util.concurrent.Callable;
import ocm.bench.BenchCommand;
import ocm.client.ClientCommand;
import ocm.server.ServerCommand;
import ocm.ssh.SshGateway;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The entry point behind {@code ./chat}: dispatches to the server, the client or the bench;
 * with no sub-command it runs host mode (server and client in one process).
 */
@Command(name = "chat", mixinStandardHelpOptions = true, versionProvider = BuildInfo.class,
        description = {"Online Chat Messenger: rooms over TCP, chat over UDP, in your terminal.",
                "With no command: host mode, a server on the default ports and a client connected to it."},
        subcommands = {ServerCommand.class, ClientCommand.class, BenchCommand.class})
public final class Main implements Callable<Integer> {
    @Mixin
    HostOptions hostOptions = new HostOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return new HostMode(hostOptions, spec.commandLine().getErr()).run();
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main(), new Factory()).setParameterExceptionHandler(Main::usageError);
    }

    /** Makes the sub-commands; the server's gets the SSH gateway, which the server module cannot know. */
    private static final class Factory implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == ServerCommand.class) {
                return cls.cast(new ServerCommand(SshGateway::start));
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }

    /** A bad flag: one line saying what, the closest flags if any, then the usage; exit 2. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        java.io.PrintWriter err = cmd.getErr();
        err.println(e.getMessage());
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            err.println("Did you mean: " + String.join(", ", u.getSuggestions()) + "?");
        }
        cmd.usage(err);
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }
}
