package ocm.server.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import ocm.server.admin.AdminException;
import ocm.server.admin.BanView;
import ocm.server.admin.NodeView;
import ocm.server.admin.RoomView;
import ocm.server.admin.ServerAdmin;
import ocm.server.admin.StatsView;
import ocm.server.admin.UserView;

/**
 * The operator's commands over a {@link ServerAdmin}: the table declaring them, and their handlers. Each
 * handler is preceded by its syntax; each answers one line or a small table. Room and user names complete
 * live from the admin, so Tab sees rooms created a moment ago.
 */
public final class AdminCommands {
    private final ServerAdmin admin;
    private final CommandTable table = new CommandTable();

    private AdminCommands(ServerAdmin admin) {
        this.admin = admin;
    }

    /** The table of every console command, bound to {@code admin}. */
    public static CommandTable table(ServerAdmin admin) {
        return new AdminCommands(admin).declare();
    }

    private CommandTable declare() {
        Command.ArgCompleter room = (i, prev) -> i == 0 ? roomNames() : List.of();
        Command.ArgCompleter roomThenUser = (i, prev) -> i == 0 ? roomNames() : i == 1 ? userNames(prev.get(0)) : List.of();
        return table
            .register(new Command("/help", "[command]", "list the commands, or show how to use one", 0, 1, false,
                this::help, (i, prev) -> i == 0 ? commandNames() : List.of()))
            .register(new Command("/rooms", "", "rooms with host, members, lock, messages relayed and age", 0, 0, false,
                this::rooms, Command.ArgCompleter.NONE))
            .register(new Command("/users", "[ROOM]", "members of one room or of all: address, protocol, idle, host", 0, 1,
                false, this::users, room))
            .register(new Command("/kick", "ROOM USER [reason]", "remove a member and tell it why (kicking the host closes the room)",
                2, 3, true, this::kick, roomThenUser))
            .register(new Command("/ban", "ROOM USER [reason]", "kick, then refuse that name and address in that room",
                2, 3, true, this::ban, roomThenUser))
            .register(new Command("/unban", "ROOM USER", "lift a ban", 2, 2, false, this::unban,
                (i, prev) -> i == 0 ? roomNames() : i == 1 ? bannedNames(prev.get(0)) : List.of()))
            .register(new Command("/bans", "ROOM", "the bans of a room: name, address, reason", 1, 1, false, this::bans, room))
            .register(new Command("/close", "ROOM [reason]", "close a room as if its host had left", 1, 2, true,
                this::close, room))
            .register(new Command("/say", "ROOM|* MESSAGE", "announce a message to one room, or to all with *", 2, 2, true,
                this::say, (i, prev) -> i == 0 ? withStar(roomNames()) : List.of()))
            .register(new Command("/stats", "", "uptime, traffic, retransmissions, drops and heap", 0, 0, false,
                this::stats, Command.ArgCompleter.NONE))
            .register(new Command("/nodes", "", "cluster mode: the live nodes, each one's members and traffic, and the total", 0, 0,
                false, this::nodes, Command.ArgCompleter.NONE))
            .register(new Command("/fingerprint", "", "the fingerprint of the server's TLS key (what clients pin)", 0, 0, false,
                (args, reply) -> reply.line(admin.fingerprint()), Command.ArgCompleter.NONE))
            .register(new Command("/save", "", "write the state file now", 0, 0, false, this::save,
                Command.ArgCompleter.NONE))
            .register(new Command("/quit", "", "shut the server down gracefully (also Ctrl+D)", 0, 0, false,
                (args, reply) -> reply.line("shutting down...").quit(), Command.ArgCompleter.NONE));
    }

    // /help [command]
    private void help(List<String> args, Reply reply) {
        if (args.isEmpty()) {
            table.describeAll(reply);
            return;
        }
        Optional<Command> command = table.find(args.get(0));
        if (command.isPresent()) {
            table.describe(command.get(), reply);
        } else {
            reply.line(table.unknown(args.get(0)));
        }
    }

    // /rooms
    private void rooms(List<String> args, Reply reply) throws AdminException {
        List<RoomView> rooms = admin.rooms();
        if (rooms.isEmpty()) {
            reply.line("no rooms");
            return;
        }
        TextTable t = new TextTable(TextTable.Column.left("ROOM"), TextTable.Column.left("HOST"),
            TextTable.Column.right("MEMBERS"), TextTable.Column.left("LOCKED"), TextTable.Column.right("MESSAGES"),
            TextTable.Column.right("AGE"));
        for (RoomView r : rooms) {
            t.row(r.name(), r.host(), Integer.toString(r.members()), r.locked() ? "yes" : "no",
                Long.toString(r.messagesRelayed()), Formats.duration(r.age()));
        }
        reply.table(t);
    }

    // /users [ROOM]
    private void users(List<String> args, Reply reply) throws AdminException {
        Optional<String> room = args.stream().findFirst();
        List<UserView> users = admin.users(room);
        if (users.isEmpty()) {
            reply.line(room.map(r -> "no members in " + r).orElse("no members"));
            return;
        }
        TextTable t = new TextTable(TextTable.Column.left("USER"), TextTable.Column.left("ROOM"),
            TextTable.Column.left("ADDRESS"), TextTable.Column.left("PROTO"), TextTable.Column.right("IDLE"),
            TextTable.Column.left("HOST"));
        for (UserView u : users) {
            t.row(u.name(), u.room(), u.address().orElse("-"), u.protocol() == 0 ? "-" : "v" + u.protocol(),
                Formats.duration(u.idle()), u.host() ? "host" : "");
        }
        reply.table(t);
    }

    // /kick ROOM USER [reason]
    private void kick(List<String> args, Reply reply) throws AdminException {
        admin.kick(args.get(0), args.get(1), reason(args, 2));
        reply.line("kicked " + args.get(1) + " from " + args.get(0));
    }

    // /ban ROOM USER [reason]
    private void ban(List<String> args, Reply reply) throws AdminException {
        boolean wasIn = admin.ban(args.get(0), args.get(1), reason(args, 2));
        reply.line("banned " + args.get(1) + " from " + args.get(0) + (wasIn ? "" : " (not in the room now)"));
    }

    // /unban ROOM USER
    private void unban(List<String> args, Reply reply) throws AdminException {
        List<BanView> stillCovering = admin.unban(args.get(0), args.get(1));
        String done = "unbanned " + args.get(1) + " in " + args.get(0);
        if (stillCovering.isEmpty()) {
            reply.line(done);
            return;
        }
        // A ban covers its address too: say so, or the operator is puzzled when the rejoin is still refused.
        List<String> names = stillCovering.stream().map(BanView::name).toList();
        reply.line(done + ", but the address " + args.get(1) + " was banned with (" + stillCovering.get(0).address().orElse("-")
            + ") is still banned by the " + (names.size() == 1 ? "ban" : "bans") + " on " + String.join(", ", names)
            + ", so joining from it is still refused");
    }

    // /bans ROOM
    private void bans(List<String> args, Reply reply) throws AdminException {
        List<BanView> bans = admin.bans(args.get(0));
        if (bans.isEmpty()) {
            reply.line("no bans in " + args.get(0));
            return;
        }
        TextTable t = new TextTable(TextTable.Column.left("USER"), TextTable.Column.left("ADDRESS"),
            TextTable.Column.left("REASON"));
        for (BanView b : bans) {
            t.row(b.name(), b.address().orElse("-"), b.reason().isEmpty() ? "-" : b.reason());
        }
        reply.table(t);
    }

    // /close ROOM [reason]
    private void close(List<String> args, Reply reply) throws AdminException {
        admin.close(args.get(0), reason(args, 1));
        reply.line("closed " + args.get(0));
    }

    // /say ROOM|* MESSAGE
    private void say(List<String> args, Reply reply) throws AdminException {
        if (args.get(1).isBlank()) {
            throw new AdminException("nothing to announce; usage: /say ROOM|* MESSAGE");
        }
        int reached = admin.say(args.get(0), args.get(1));
        if (args.get(0).equals("*")) {
            reply.line("announced to " + reached + (reached == 1 ? " room" : " rooms"));
        } else {
            reply.line("announced to " + args.get(0));
        }
    }

    // /stats
    private void stats(List<String> args, Reply reply) throws AdminException {
        StatsView s = admin.stats();
        TextTable t = new TextTable(TextTable.Column.left("STAT"), TextTable.Column.left("VALUE"));
        t.row("uptime", Formats.duration(s.uptime()))
            .row("rooms", Integer.toString(s.rooms()))
            .row("members", Integer.toString(s.members()))
            .row("messages", s.messagesIn() + " (" + Formats.rate(s.messagesPerSecond()) + " last minute)")
            .row("deliveries", s.deliveries() + " (" + Formats.rate(s.deliveriesPerSecond()) + " last minute)")
            .row("retransmissions", Long.toString(s.retransmissions()))
            .row("drops", drops(s.dropsByReason()))
            .row("log drops", Long.toString(admin.logLinesDropped()))
            .row("bytes", "in " + Formats.bytes(s.bytesIn()) + ", out " + Formats.bytes(s.bytesOut()))
            .row("heap", Formats.bytes(s.heapUsedBytes()) + " of " + Formats.bytes(s.heapMaxBytes()));
        reply.table(t);
    }

    // /nodes
    private void nodes(List<String> args, Reply reply) throws AdminException {
        List<NodeView> nodes = admin.nodes();
        TextTable t = new TextTable(TextTable.Column.left("NODE"), TextTable.Column.left("TCP"), TextTable.Column.left("UDP"),
            TextTable.Column.right("MEMBERS"), TextTable.Column.right("MESSAGES"), TextTable.Column.right("DELIVERIES"));
        int members = 0;
        long messages = 0;
        long deliveries = 0;
        for (NodeView n : nodes) {
            t.row(n.name(), n.tcp(), n.udp(), Integer.toString(n.members()), Long.toString(n.messagesIn()), Long.toString(n.deliveries()));
            members += n.members();
            messages += n.messagesIn();
            deliveries += n.deliveries();
        }
        t.row("total (" + nodes.size() + ")", "", "", Integer.toString(members), Long.toString(messages), Long.toString(deliveries));
        reply.table(t);
    }

    // /save
    private void save(List<String> args, Reply reply) throws AdminException {
        admin.save();
        reply.line("state saved");
    }

    private static String drops(Map<String, Long> byReason) {
        long total = byReason.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return "0";
        }
        return total + " (" + byReason.entrySet().stream()
            .filter(e -> e.getValue() > 0)
            .sorted(Map.Entry.comparingByKey())
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", ")) + ")";
    }

    /** The optional reason; empty when not given, and the server then tells members without one. */
    private static String reason(List<String> args, int index) {
        return args.size() > index ? args.get(index) : "";
    }

    private List<String> commandNames() {
        return table.commands().stream().map(Command::name).toList();
    }

    /** For completion: no names when the relay does not answer (the command itself will say why). */
    private List<String> roomNames() {
        try {
            return admin.rooms().stream().map(RoomView::name).toList();
        } catch (AdminException e) {
            return List.of();
        }
    }

    private static List<String> withStar(List<String> names) {
        List<String> all = new ArrayList<>(names.size() + 1);
        all.add("*");
        all.addAll(names);
        return all;
    }

    private List<String> userNames(String room) {
        try {
            return admin.users(Optional.of(room)).stream().map(UserView::name).toList();
        } catch (AdminException e) {
            return List.of();
        }
    }

    private List<String> bannedNames(String room) {
        try {
            return admin.bans(room).stream().map(BanView::name).toList();
        } catch (AdminException e) {
            return List.of();
        }
    }
}
