package ocm.client.plain;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import ocm.client.command.ChatActions;
import ocm.client.command.CommandTable;
import ocm.client.command.CommandTable.CommandException;
import ocm.client.command.TypedLine;
import ocm.client.command.SlashCommands;
import ocm.client.net.ChatService;
import ocm.client.net.ClientException;
import ocm.client.net.Membership;
import ocm.client.net.NetEvent;
import ocm.client.net.RoomRequest;
import ocm.client.ui.SafeText;
import ocm.client.ui.Words;
import ocm.protocol.tcrp.RoomListing;

/**
 * {@code --plain}: no full screen. Lines from stdin are sent (slash commands work), and what
 * happens is printed as {@code sender: message} and system lines ({@code * bob joined},
 * {@code -- room closed: host left}); a line that was not delivered is reported on stderr, and
 * the exit status is then {@link #EXIT_NOT_DELIVERED}. At the end of input it waits until its
 * lines are acknowledged (as long as they keep moving), then leaves every room. When its last
 * room ends it stops reading and exits, unless told to stay.
 */
public final class PlainMode implements ChatActions {
    /** Exit status when at least one line was not delivered. */
    public static final int EXIT_NOT_DELIVERED = 3;
    /** At the end of input: give up waiting for the lines once none was settled for this long. */
    static final long DRAIN_STALL_MILLIS = 30_000;
    /** How much of a failed line the "not delivered" notice quotes, in code points. */
    static final int QUOTE_CODE_POINTS = 40;

    private final ChatService service;
    private final BufferedReader in;
    private final PrintStream out;
    private final PrintStream err;
    private final String user;
    private final boolean stay;
    private final CommandTable<ChatActions> commands = SlashCommands.table();
    private final List<Membership> rooms = new ArrayList<>(); // guarded by this
    /** Our lines not yet delivered or refused, by local id, so a failure can say which line it was. */
    private final Map<Long, String> unresolved = new java.util.TreeMap<>(); // guarded by this; by id: the order typed
    private final Set<String> ended = new HashSet<>(); // guarded by this
    private final Map<String, List<String>> members = new HashMap<>(); // guarded by this
    private Membership current;
    private boolean quit;
    private int notDelivered; // guarded by this
    private InputPump input;

    /**
     * {@code err} gets the "not delivered" reports; {@code stay}: keep reading input after the last
     * room ended (by default the program then exits, as a reader of a closed room has nothing to wait for).
     */
    public PlainMode(ChatService service, BufferedReader in, PrintStream out, PrintStream err, String user, boolean stay) {
        this.service = service;
        this.in = in;
        this.out = out;
        this.err = err;
        this.user = user;
        this.stay = stay;
        service.setListener(this::onEvent);
    }

    /** Enters the first room (if any), then reads stdin until EOF or /quit. Returns the exit code. */
    public int run(Optional<RoomRequest> first) {
        InputPump pump = new InputPump(in, PlainMode::isQuit, service::stopRequests);
        synchronized (this) {
            input = pump;
        }
        pump.start();
        try {
            if (first.isPresent()) {
                try {
                    enter(first.get());
                } catch (ClientException e) {
                    print("-- cannot " + (first.get().create() ? "create " : "join ") + first.get().room() + ": "
                            + e.getMessage());
                    return 1;
                }
            }
            while (!quit) {
                InputPump.Input next = pump.next();
                if (next.error().isPresent()) {
                    print("-- cannot read input: " + next.error().get().getMessage());
                    return 1;
                }
                if (next.line().isEmpty()) {
                    break;
                }
                handle(next.line().get());
            }
            awaitUnresolved();
            giveUpUnresolved();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            service.shutdown();
        }
        synchronized (this) {
            return notDelivered > 0 ? EXIT_NOT_DELIVERED : 0;
        }
    }

    /** "/quit" with any case or arguments, as the command table would read it. */
    private static boolean isQuit(String line) {
        return TypedLine.of(line).commandName().equals("quit");
    }

    private void handle(String line) {
        TypedLine typed = TypedLine.of(line);
        try {
            if (typed.kind() == TypedLine.Kind.COMMAND) {
                commands.run(typed.text(), this, current != null && current.host());
            } else if (typed.kind() == TypedLine.Kind.CHAT) {
                say(typed.text(), false);
            }
        } catch (CommandException e) {
            print("-- " + e.getMessage());
        }
    }

    private void enter(RoomRequest r) throws ClientException {
        Membership m = service.enter(r);
        synchronized (this) {
            rooms.removeIf(x -> x.room().equals(m.room()));
            rooms.add(m);
            ended.remove(m.room());
            current = m;
        }
        print("-- " + (m.host() ? "created " : "joined ") + m.room() + " as " + m.user());
    }

    private void say(String text, boolean action) throws CommandException {
        Membership room;
        synchronized (this) {
            room = current;
            if (room == null) {
                throw new CommandException("you are in no room: /join ROOM or /create ROOM");
            }
            if (ended.contains(room.room())) {
                throw new CommandException("this room is read-only: it has ended");
            }
        }
        TypedLine.checkSize(text);
        synchronized (this) {
            unresolved.put(service.send(room.room(), text, action), text);
        }
    }

    /** Network threads call this. */
    private void onEvent(NetEvent e) {
        String prefix = prefix(e.room());
        if (e instanceof NetEvent.Message m) {
            print(prefix + (m.action() ? "* " + m.sender() + " " + m.text() : m.sender() + ": " + m.text()));
        } else if (e instanceof NetEvent.RoomEvent ev) {
            print(prefix + "* " + Words.event(ev));
        } else if (e instanceof NetEvent.Notice n) {
            print(prefix + "-- " + n.text());
        } else if (e instanceof NetEvent.Ended en) {
            print(prefix + "-- " + Words.ended(en));
            roomEnded(en);
        } else if (e instanceof NetEvent.NotDelivered n) {
            String text = resolve(n.localId());
            if (text != null) {
                notDelivered(prefix, text, n.reason());
            }
        } else if (e instanceof NetEvent.Delivered d) {
            resolve(d.localId());
        } else if (e instanceof NetEvent.Members ms) {
            synchronized (this) {
                members.put(ms.room(), ms.members().stream().map(m -> (m.host() ? "@" : "") + m.name())
                        .collect(Collectors.toList()));
            }
        }
    }

    /** Reported on stderr, so a script's stdout holds only the chat; counted for the exit status. */
    private void notDelivered(String prefix, String text, String reason) {
        synchronized (this) {
            notDelivered++;
        }
        synchronized (out) {
            out.flush(); // what was printed before this comes before it, on a terminal showing both
            err.println(SafeText.forLine(prefix + "-- not delivered: " + quote(text) + " (" + reason + ")"));
            err.flush();
        }
    }

    /**
     * A room ended. When it was the last one we were in (closed, kicked, gone: not our own
     * /leave), input stops being read, unless {@code stay}: there is nothing left to wait for.
     */
    private void roomEnded(NetEvent.Ended en) {
        InputPump stop = null;
        synchronized (this) {
            ended.add(en.room());
            boolean ownLeave = en.reason().equals(Optional.of(ocm.protocol.ucrp.v2.EndReason.LEFT));
            boolean anyLive = rooms.stream().anyMatch(r -> !ended.contains(r.room()));
            if (!stay && !ownLeave && !anyLive && !rooms.isEmpty()) {
                stop = input;
            }
        }
        if (stop != null) {
            stop.endNow();
        }
    }

    /** Returns the text of our line {@code id}, or null when it is not ours or already settled. */
    private synchronized String resolve(long id) {
        String text = unresolved.remove(id);
        notifyAll();
        return text;
    }

    /** The line in quotes, cut to {@link #QUOTE_CODE_POINTS} (whole code points) with an ellipsis. */
    static String quote(String text) {
        if (text.codePointCount(0, text.length()) <= QUOTE_CODE_POINTS) {
            return "\"" + text + "\"";
        }
        return "\"" + text.substring(0, text.offsetByCodePoints(0, QUOTE_CODE_POINTS)) + "…\"";
    }

    private synchronized String prefix(String room) {
        return rooms.size() > 1 ? "[" + room + "] " : "";
    }

    /**
     * Waits until every line sent is delivered or reported, however long the queue (300 lines at
     * 5 a second take a minute), but not longer than {@link #DRAIN_STALL_MILLIS} without any line
     * settling (the server is gone).
     */
    private synchronized void awaitUnresolved() {
        long stall = TimeUnit.MILLISECONDS.toNanos(DRAIN_STALL_MILLIS);
        int left = unresolved.size();
        long lastProgress = System.nanoTime();
        while (!unresolved.isEmpty() && System.nanoTime() - lastProgress < stall) {
            try {
                wait(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (unresolved.size() < left) {
                left = unresolved.size();
                lastProgress = System.nanoTime();
            }
        }
    }

    /** Lines still unsettled after the wait: reported not delivered (they may still arrive, but we cannot tell). */
    private void giveUpUnresolved() {
        List<String> left;
        synchronized (this) {
            left = new ArrayList<>(unresolved.values());
            unresolved.clear();
        }
        for (String text : left) {
            notDelivered("", text, "the server did not acknowledge it within "
                    + DRAIN_STALL_MILLIS / 1000 + " s of the last line that was");
        }
    }

    private void print(String line) {
        synchronized (out) {
            out.println(SafeText.forLine(line)); // no terminal escapes or bidi overrides from other people's text
            out.flush();
        }
    }

    // ---- slash commands ------------------------------------------------------------------

    @Override
    public void join(String room, Optional<String> password) throws CommandException {
        try {
            enter(RoomRequest.join(room, user, password));
        } catch (ClientException e) {
            throw new CommandException("cannot join " + room + ": " + e.getMessage());
        }
    }

    @Override
    public void create(String room, Optional<String> password) throws CommandException {
        try {
            enter(RoomRequest.create(room, user, password));
        } catch (ClientException e) {
            throw new CommandException("cannot create " + room + ": " + e.getMessage());
        }
    }

    @Override
    public void leave() throws CommandException {
        Membership room = requireRoom();
        service.leave(room.room());
        synchronized (this) {
            rooms.remove(room);
            current = rooms.isEmpty() ? null : rooms.get(rooms.size() - 1);
        }
    }

    @Override
    public void members() throws CommandException {
        Membership room = requireRoom();
        List<String> names;
        synchronized (this) {
            // Until the server's first member list arrives, the admission's names, the host marked as there.
            names = members.getOrDefault(room.room(), room.members().stream()
                    .map(n -> (n.equals(room.hostName()) ? "@" : "") + n).collect(Collectors.toList()));
        }
        print("-- " + names.size() + " in " + room.room() + ": " + String.join(", ", names));
    }

    @Override
    public void action(String text) throws CommandException {
        say(text, true);
    }

    @Override
    public void quit() {
        quit = true;
    }

    @Override
    public void help() {
        commands.help().forEach(h -> print("-- " + h));
    }

    @Override
    public void kick(String target, String reason) throws CommandException {
        service.kick(requireRoom().room(), target, reason);
    }

    @Override
    public void close(String reason) throws CommandException {
        service.closeRoom(requireRoom().room(), reason);
    }

    @Override
    public void listRooms() throws CommandException {
        try {
            List<RoomListing.RoomSummary> list = service.listRooms();
            print("-- " + list.size() + " room(s)");
            for (RoomListing.RoomSummary r : list) {
                print("-- " + r.name() + " (" + r.members() + " members, host " + r.host() + (r.locked() ? ", locked" : "") + ")");
            }
        } catch (ClientException e) {
            throw new CommandException(e.getMessage());
        }
    }

    private synchronized Membership requireRoom() throws CommandException {
        if (current == null) {
            throw new CommandException("you are in no room");
        }
        return current;
    }
}
