package ocm.client.command;

import ocm.client.command.CommandTable.Completion;
import ocm.client.command.CommandTable.Params;

/**
 * The client's slash commands: one table for the full-screen chat and plain mode. A room or user
 * name with spaces is typed in double quotes ({@code /join "General 日本"}, see {@link ArgumentSplitter}).
 */
public final class SlashCommands {
    private SlashCommands() {
    }

    public static CommandTable<ChatActions> table() {
        return new CommandTable<ChatActions>()
                // /join ROOM [PASSWORD]
                .register("join", "/join ROOM [PASSWORD]", "join a room", false, Params.words(1, 2),
                        Completion.ROOM, (c, a) -> c.join(a.get(0), a.optional(1)))
                // /create ROOM [PASSWORD]
                .register("create", "/create ROOM [PASSWORD]", "create a room and be its host", false,
                        Params.words(1, 2), Completion.NONE, (c, a) -> c.create(a.get(0), a.optional(1)))
                .register("leave", "/leave", "leave this room (a host leaving closes it)", false, Params.none(),
                        Completion.NONE, (c, a) -> c.leave())
                .register("members", "/members", "list who is in this room", false, Params.none(),
                        Completion.NONE, (c, a) -> c.members())
                // /whois USER
                .register("whois", "/whois USER", "show the key fingerprint that owns a name", false, Params.words(1, 1),
                        Completion.MEMBER, (c, a) -> c.whois(a.get(0)))
                // /me ACTION
                .register("me", "/me ACTION", "send an action line (* you ACTION)", false,
                        Params.wordsThenText(1, 0), Completion.NONE, (c, a) -> c.action(a.text()))
                .register("rooms", "/rooms", "show the server's rooms (lobby)", false, Params.none(),
                        Completion.NONE, (c, a) -> c.listRooms())
                .register("help", "/help", "show keys and commands", false, Params.none(),
                        Completion.NONE, (c, a) -> c.help())
                .register("quit", "/quit", "leave every room and exit", false, Params.noneIgnoringExtras(),
                        Completion.NONE, (c, a) -> c.quit())
                // /kick USER [REASON]
                .register("kick", "/kick USER [REASON]", "remove someone from this room", true,
                        Params.wordsThenText(1, 1), Completion.MEMBER, (c, a) -> c.kick(a.get(0), a.text()))
                // /close [REASON]
                .register("close", "/close [REASON]", "close this room for everyone", true,
                        Params.wordsThenText(0, 0), Completion.NONE, (c, a) -> c.close(a.text()))
                // /search TEXT
                .register("search", "/search TEXT", "mark lines with TEXT, Up/Down jump, Esc ends (Ctrl+R)", false,
                        Params.wordsThenText(1, 0), Completion.NONE, (c, a) -> c.search(a.text()))
                // /lastlog TEXT
                .register("lastlog", "/lastlog TEXT", "list this room's lines with TEXT", false,
                        Params.wordsThenText(1, 0), Completion.NONE, (c, a) -> c.lastlog(a.text()))
                // /notify [all|mentions|none]
                .register("notify", "/notify [all|mentions|none]", "when this room rings the bell", false,
                        Params.words(0, 1), Completion.NONE, (c, a) -> c.notifyLevel(a.optional(0)))
                // /ignore [NAME]
                .register("ignore", "/ignore [NAME]", "hide a person's lines (no name: list)", false,
                        Params.words(0, 1), Completion.MEMBER, (c, a) -> c.ignore(a.optional(0)))
                // /unignore NAME
                .register("unignore", "/unignore NAME", "show a person's lines again", false,
                        Params.words(1, 1), Completion.NONE, (c, a) -> c.unignore(a.get(0)))
                // /set [NAME [VALUE]]
                .register("set", "/set [NAME [VALUE]]", "bell, desktop, joins, stats (no name: list)", false,
                        Params.words(0, 2), Completion.NONE, (c, a) -> c.set(a.optional(0), a.optional(1)))
                .register("stats", "/stats", "link state, round-trip time, unacknowledged", false, Params.none(),
                        Completion.NONE, (c, a) -> c.stats());
    }
}
