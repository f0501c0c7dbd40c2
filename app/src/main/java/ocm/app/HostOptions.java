package ocm.app;

import ocm.server.ListenOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Flags of host mode ({@code ./chat} with no command): where the embedded server listens, and who the client is. */
final class HostOptions {
    @Mixin
    ListenOptions listen = new ListenOptions();

    @Option(names = "--name", description = "Your user name (skips the connect screen with --create).")
    String name;

    @Option(names = "--create", paramLabel = "ROOM", description = "Create this room at once and go to it.")
    String create;

    @Option(names = "--theme", description = "Colour theme of the client (dark, light).")
    String theme;

    @Option(names = "--plain", description = "Line mode instead of full screen (stdin to the room, messages to stdout).")
    boolean plain;
}
