package ocm.client.command;

import ocm.client.command.CommandTable.Completion;

/** The client's slash commands: one table for the full-screen chat and plain mode. */
public final class SlashCommands {
    private SlashCommands() {
    }

    public static CommandTable<ChatActions> table() {
        return new CommandTable<ChatActions>()
                // /join ROOM [PASSWORD]
                .register("join", "/join ROOM [PASSWORD]", "join a room", false, 1, Completion.ROOM,
                        (c, a) -> c.join(a.get(0), a.optional(1)))
                // /create ROOM [PASSWORD]
                .register("create", "/create ROOM [PASSWORD]", "create a room and be its host", false, 1,
                        Completion.NONE, (c, a) -> c.create(a.get(0), a.optional(1)))
                .register("leave", "/leave", "leave this room (a host leaving closes it)", false, 0,
                        Completion.NONE, (c, a) -> c.leave())
                .register("members", "/members", "list who is in this room", false, 0,
                        Completion.NONE, (c, a) -> c.members())
                // /me ACTION
                .register("me", "/me ACTION", "send an action line (* you ACTION)", false, 1,
                        Completion.NONE, (c, a) -> c.action(a.restAfter(0)))
                .register("rooms", "/rooms", "show the server's rooms (lobby)", false, 0,
                        Completion.NONE, (c, a) -> c.listRooms())
                .register("help", "/help", "show keys and commands", false, 0,
                        Completion.NONE, (c, a) -> c.help())
                .register("quit", "/quit", "leave every room and exit", false, 0,
                        Completion.NONE, (c, a) -> c.quit())
                // /kick USER [REASON]
                .register("kick", "/kick USER [REASON]", "remove someone from this room", true, 1,
                        Completion.MEMBER, (c, a) -> c.kick(a.get(0), a.restAfter(1)))
                // /close [REASON]
                .register("close", "/close [REASON]", "close this room for everyone", true, 0,
                        Completion.NONE, (c, a) -> c.close(a.restAfter(0)));
    }
}
