package ocm.client.ui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import ocm.client.command.ArgumentSplitter;
import ocm.client.command.ChatActions;
import ocm.client.command.CommandTable;
import ocm.client.command.CommandTable.CommandException;
import ocm.client.command.TypedLine;
import ocm.client.net.Membership;
import ocm.client.net.NetEvent;
import ocm.protocol.ucrp.v2.Packet;

/**
 * The chat screen: room list (left), messages (middle), members (right), status line and input
 * box. Network events arrive through {@link #onEvent} on the UI thread.
 */
public final class ChatView implements View, ChatActions {
    static final int MIN_COLUMNS = MINIMUM.getColumns();
    static final int MIN_ROWS = MINIMUM.getRows();

    private final ClientApp app;
    private final CommandTable<ChatActions> commands;
    private final List<RoomModel> rooms = new ArrayList<>();
    private final InputLine input;
    private final ChatPainter painter;
    private int current = -1;
    private int paneHeight = 10;
    private int paneWidth = 40;

    public ChatView(ClientApp app, CommandTable<ChatActions> commands) {
        this.app = app;
        this.commands = commands;
        this.input = new InputLine(this::complete);
        this.painter = new ChatPainter(this, app);
    }

    public List<RoomModel> rooms() {
        return rooms;
    }

    public Optional<RoomModel> currentRoom() {
        return current >= 0 && current < rooms.size() ? Optional.of(rooms.get(current)) : Optional.empty();
    }

    public boolean hasRooms() {
        return !rooms.isEmpty();
    }

    /** A room we just entered: shown at once, its session connects in the background. */
    public void addRoom(Membership m) {
        rooms.removeIf(r -> r.name().equals(m.room()));
        RoomModel model = new RoomModel(m.room(), m.user(), m.host(), m.members(), m.hostName());
        rooms.add(model);
        current = rooms.size() - 1;
        model.addJoinLine(ChatLine.system(app.now(), (m.host() ? "you created " : "you joined ") + m.room()
                + (m.host() ? " and are its host" : "") + (m.locked() ? " (locked)" : "")));
    }

    // ---- events --------------------------------------------------------------------------

    public void onEvent(NetEvent e) {
        RoomModel room = find(e.room());
        if (room == null) {
            return;
        }
        boolean visible = app.chatShowing() && room == currentRoom().orElse(null);
        if (e instanceof NetEvent.Message m) {
            boolean mention = !m.sender().equals(room.user()) && Mentions.names(m.text(), room.user());
            ChatLine line = new ChatLine(m.timestampMillis(), m.action() ? ChatLine.Kind.ACTION : ChatLine.Kind.CHAT,
                    m.sender(), m.text(), mention, ChatLine.Delivery.DELIVERED);
            if (m.history()) {
                room.addHistory(line, visible);
            } else {
                room.add(line, visible);
            }
        } else if (e instanceof NetEvent.RoomEvent ev) {
            room.add(ChatLine.system(ev.timestampMillis(), Words.event(ev)), visible);
        } else if (e instanceof NetEvent.Members ms) {
            room.members(ms.members());
        } else if (e instanceof NetEvent.Delivered d) {
            room.delivered(d.localId(), d.msgId() != 0);
        } else if (e instanceof NetEvent.NotDelivered n) {
            room.failed(n.localId(), n.reason());
        } else if (e instanceof NetEvent.Notice n) {
            room.add(ChatLine.system(app.now(), n.text()), visible);
        } else if (e instanceof NetEvent.Ended en) {
            String why = Words.ended(en);
            room.end(why);
            room.add(ChatLine.system(app.now(), why + " - this room is now read-only"), visible);
        } else if (e instanceof NetEvent.Status s) {
            room.status(s);
        }
    }

    private RoomModel find(String name) {
        for (RoomModel r : rooms) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        return null;
    }

    // ---- keys ----------------------------------------------------------------------------

    @Override
    public void handle(KeyStroke k) {
        KeyType type = k.getKeyType();
        if (type == KeyType.Character && k.isAltDown() && !k.isCtrlDown()) {
            char ch = k.getCharacter();
            if (ch >= '1' && ch <= '9') {
                select(ch - '1');
            } else if (Character.toLowerCase(ch) == 'a') {
                nextActive();
            }
            return;
        }
        if (type == KeyType.Character && k.isCtrlDown()) {
            char ch = Character.toLowerCase(k.getCharacter());
            if (ch == 'n') {
                select((current + 1) % Math.max(1, rooms.size()));
                return;
            }
            if (ch == 'p') {
                select((current - 1 + rooms.size()) % Math.max(1, rooms.size()));
                return;
            }
        }
        if (scrollKey(k)) {
            return;
        }
        if (type == KeyType.Enter) {
            submit(input.take());
        } else if (type == KeyType.F2) {
            app.openLobby();
        } else {
            input.handle(k);
        }
    }

    private boolean scrollKey(KeyStroke k) {
        Optional<RoomModel> room = currentRoom();
        if (room.isEmpty()) {
            return false;
        }
        int max = Math.max(0, MessagePane.rowCount(room.get(), paneWidth, app.theme()) - paneHeight);
        boolean lineEmpty = input.text().isEmpty();
        boolean modified = k.isAltDown() || k.isCtrlDown();
        switch (k.getKeyType()) {
            case PageUp:
                room.get().scrollBy(Math.max(1, paneHeight - 1), max);
                return true;
            case PageDown:
                room.get().scrollBy(-Math.max(1, paneHeight - 1), max);
                return true;
            case Home:
                if (lineEmpty || modified) {
                    room.get().scrollToTop(max);
                    return true;
                }
                return false;
            case End:
                if (lineEmpty || modified) {
                    room.get().scrollToBottom();
                    return true;
                }
                return false;
            default:
                return false;
        }
    }

    void select(int index) {
        if (index >= 0 && index < rooms.size()) {
            app.expireFlash(); // a note about the room we were in would read as about this one
            current = index;
            rooms.get(index).seen();
        }
    }

    /** Alt+A: the next room with a mention, else the next with unread lines (WeeChat's order). */
    private void nextActive() {
        for (boolean mentions : new boolean[]{true, false}) {
            for (int step = 1; step <= rooms.size(); step++) {
                int i = (current + step) % rooms.size();
                RoomModel r = rooms.get(i);
                if (mentions ? r.mentioned() : r.unread() > 0) {
                    select(i);
                    return;
                }
            }
        }
    }

    private void submit(String line) {
        TypedLine typed = TypedLine.of(line);
        try {
            if (typed.kind() == TypedLine.Kind.COMMAND) {
                commands.run(typed.text(), this, currentRoom().map(RoomModel::host).orElse(false));
            } else if (typed.kind() == TypedLine.Kind.CHAT) {
                say(typed.text(), false);
            }
        } catch (CommandException e) {
            error(e.getMessage());
        }
    }

    private void say(String text, boolean action) throws CommandException {
        RoomModel room = liveRoom();
        TypedLine.checkSize(text);
        long id = app.service().send(room.name(), text, action);
        room.addPending(id, new ChatLine(app.now(), action ? ChatLine.Kind.ACTION : ChatLine.Kind.CHAT,
                room.user(), text, false, ChatLine.Delivery.PENDING));
        room.scrollToBottom();
    }

    private RoomModel liveRoom() throws CommandException {
        RoomModel room = currentRoom().orElseThrow(() -> new CommandException("you are in no room: /join ROOM or /create ROOM"));
        if (room.ended()) {
            throw new CommandException("this room is read-only (" + room.endedWhy() + ")");
        }
        return room;
    }

    /** A line for the user in the current room (or nowhere when there is none). */
    public void error(String text) {
        currentRoom().ifPresentOrElse(r -> r.add(ChatLine.error(app.now(), text), true),
                () -> app.flash(text));
    }

    private List<String> complete(String before, String word) {
        if (before.isEmpty() && word.startsWith("/")) {
            return commands.completeName(word);
        }
        CommandTable.Completion kind = CommandTable.Completion.MEMBER;
        boolean argument = before.startsWith("/");
        if (argument) {
            String[] parts = before.strip().split("\\s+");
            kind = parts.length == 1 ? commands.argumentCompletion(parts[0]) : CommandTable.Completion.NONE;
        }
        List<String> names;
        switch (kind) {
            case ROOM:
                names = app.knownRoomNames();
                break;
            case MEMBER:
                names = currentRoom().map(r -> r.members().stream().map(Packet.Member::name)
                        .filter(n -> !n.equals(r.user())).collect(Collectors.toList())).orElse(List.of());
                break;
            default:
                names = List.of();
        }
        // A command's argument may be a name with spaces: matched without its opening quote, inserted quoted.
        String lower = (argument && word.startsWith("\"") ? word.substring(1) : word).toLowerCase();
        List<String> found = CommandTable.sorted(names.stream().filter(n -> n.toLowerCase().startsWith(lower))
                .collect(Collectors.toList()));
        return argument ? found.stream().map(ArgumentSplitter::quote).collect(Collectors.toList()) : found;
    }

    // ---- slash commands ------------------------------------------------------------------

    @Override
    public void join(String room, Optional<String> password) throws CommandException {
        // "/join General 日本" reads 日本 as the password; when only the whole name is a room we know, say how to type it.
        Optional<String> whole = knownRoomSplitAt(room, password);
        if (whole.isPresent() && !app.knownRoomNames().contains(room)) {
            throw new CommandException("no room named " + room + "; for " + whole.get() + " put the name in quotes: /join "
                    + ArgumentSplitter.quote(whole.get()));
        }
        app.enterRoom(false, room, password);
    }

    @Override
    public void create(String room, Optional<String> password) throws CommandException {
        // "/create General 日本" makes a room General with password 日本; when "General 日本" is a
        // room we know, that was surely not meant: say how to type a name with spaces.
        Optional<String> whole = knownRoomSplitAt(room, password);
        if (whole.isPresent()) {
            throw new CommandException("there is a room named " + whole.get() + "; to join it: /join "
                    + ArgumentSplitter.quote(whole.get()) + " (a new name with spaces goes in quotes too)");
        }
        app.enterRoom(true, room, password);
    }

    /** The known room an unquoted two-word name meant, when its second word was read as the password. */
    private Optional<String> knownRoomSplitAt(String room, Optional<String> password) {
        return password.map(p -> room + " " + p).filter(app.knownRoomNames()::contains);
    }

    @Override
    public void leave() throws CommandException {
        RoomModel room = currentRoom().orElseThrow(() -> new CommandException("you are in no room"));
        if (!room.ended()) {
            app.service().leave(room.name());
        }
        rooms.remove(room);
        current = Math.min(current, rooms.size() - 1);
        currentRoom().ifPresent(RoomModel::seen);
        app.flash("left " + room.name());
        if (rooms.isEmpty()) {
            app.openLobby();
        }
    }

    /** Shows a room we are already in; false when we are not in it (or it has ended). */
    boolean show(String name) {
        for (int i = 0; i < rooms.size(); i++) {
            if (rooms.get(i).name().equals(name) && !rooms.get(i).ended()) {
                select(i);
                return true;
            }
        }
        return false;
    }

    @Override
    public void members() throws CommandException {
        RoomModel room = currentRoom().orElseThrow(() -> new CommandException("you are in no room"));
        String list = room.members().stream().map(m -> (m.host() ? "@" : "") + m.name())
                .collect(Collectors.joining(", "));
        String count = room.ended() ? room.members().size() + " were in " + room.name() + " when it ended: "
                : room.members().size() + " in " + room.name() + ": ";
        room.add(ChatLine.system(app.now(), count + list), true);
    }

    @Override
    public void whois(String user) throws CommandException {
        RoomModel room = currentRoom().orElseThrow(() -> new CommandException("you are in no room"));
        room.add(ChatLine.system(app.now(), app.service().whois(user)), true);
    }

    @Override
    public void action(String text) throws CommandException {
        say(text, true);
    }

    @Override
    public void quit() {
        app.quit();
    }

    @Override
    public void help() {
        app.help();
    }

    @Override
    public void kick(String user, String reason) throws CommandException {
        RoomModel room = liveRoom();
        if (!room.isMember(user)) {
            // "/kick Ann Lee spam" reads Lee as the reason: a member named "Ann Lee" needs quotes.
            Optional<String> whole = room.members().stream().map(Packet.Member::name)
                    .filter(n -> n.startsWith(user + " ") && (user + " " + reason).startsWith(n)).findFirst();
            throw new CommandException("no member named " + user + " in " + room.name()
                    + whole.map(n -> "; for " + n + " put the name in quotes: /kick " + ArgumentSplitter.quote(n)).orElse(""));
        }
        app.service().kick(room.name(), user, reason);
    }

    @Override
    public void close(String reason) throws CommandException {
        app.service().closeRoom(liveRoom().name(), reason);
    }

    @Override
    public void listRooms() {
        app.openLobby();
    }

    // ---- drawing -------------------------------------------------------------------------

    @Override
    public void draw(Canvas c) {
        int[] pane = painter.draw(c);
        paneWidth = pane[0];
        paneHeight = pane[1];
    }

    @Override
    public TerminalPosition cursor(TerminalSize size) {
        return painter.cursor(size);
    }

    int currentIndex() {
        return current;
    }

    InputLine input() {
        return input;
    }
}
