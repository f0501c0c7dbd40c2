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
import ocm.client.config.Preferences;
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
    private final ScrollbackSearch search = new ScrollbackSearch();
    private final PreferenceCommands preferences;
    private final SideLists lists = new SideLists();
    private final RoomEvents events;
    private final PaneKeys keys;
    private int current = -1;
    private int paneHeight = 10;
    private int paneWidth = 40;
    /** A multi-line paste, until sent or dropped. */
    private final PasteBuffer paste = new PasteBuffer();
    /** Lines ended by Enter in the current batch of keys: one is typed, several are a paste. */
    private final List<String> typedLines = new ArrayList<>();

    public ChatView(ClientApp app, CommandTable<ChatActions> commands) {
        this.app = app;
        this.commands = commands;
        this.input = new InputLine(this::complete);
        this.painter = new ChatPainter(this, app);
        this.preferences = new PreferenceCommands(app.options().preferences());
        this.events = new RoomEvents(app, this, preferences);
        this.keys = new PaneKeys(this, app, painter);
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

    /**
     * A room we just entered: shown at once, its session connects in the background. A room we
     * were in before (it ended: kicked, closed) keeps its place in the list, its Alt+N number and
     * its lines; the server's history is merged into them.
     */
    public void addRoom(Membership m) {
        RoomModel model = new RoomModel(m.room(), m.user(), m.host(), m.members(), m.hostName());
        int at = indexOf(m.room());
        if (at >= 0) {
            model.keepLines(rooms.get(at));
            rooms.set(at, model);
            current = at;
        } else {
            rooms.add(model);
            current = rooms.size() - 1;
        }
        search.end();
        model.expectJoin(ChatLine.system(app.now(), (m.host() ? "you created " : "you joined ") + m.room()
                + (m.host() ? " and are its host" : "") + (m.locked() ? " (locked)" : "")));
        events.arrived(model);
    }

    private int indexOf(String name) {
        for (int i = 0; i < rooms.size(); i++) {
            if (rooms.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    // ---- events --------------------------------------------------------------------------

    public void onEvent(NetEvent e) {
        events.onEvent(e);
    }

    private Preferences prefs() {
        return preferences.current();
    }

    RoomModel find(String name) {
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
        if (paste.confirming()) {
            confirmPaste(k);
            return;
        }
        if (BracketedPaste.isStart(k)) {
            paste.begin();
            return;
        }
        if (paste.bracketed()) {
            pasteKey(k);
            return;
        }
        KeyType type = k.getKeyType();
        if (search.active() && keys.searchKey(k)) {
            return;
        }
        if (type == KeyType.F3 || (lists.focused() != SideLists.Focus.NONE && keys.listKey(k))) {
            if (type == KeyType.F3) {
                lists.nextFocus();
                app.flash(lists.focused() == SideLists.Focus.NONE ? "keys back to the input"
                        : (lists.focused() == SideLists.Focus.ROOMS ? "room list" : "member list")
                        + ": Up/Down/PgUp/PgDn scroll, F3 next, Esc back");
            }
            return;
        }
        if (type == KeyType.Character && k.isCtrlDown() && !k.isAltDown() && Character.toLowerCase(k.getCharacter()) == 'r') {
            currentRoom().ifPresent(r -> search.start("", r));
            return;
        }
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
            // An over-long line stays in the input, to be shortened rather than typed again.
            Optional<String> tooLong = TypedLine.of(input.text()).outgoingText().flatMap(TypedLine::sizeProblem);
            if (tooLong.isPresent()) {
                error(tooLong.get() + "; it is still in the input, shorten it");
                return;
            }
            typedLines.add(input.take()); // submitted once the batch is over, unless it was a paste
        } else if (type == KeyType.F2) {
            app.openLobby();
        } else {
            input.handle(k);
            if (typingRoomName()) {
                app.refreshRoomNames(); // fresh names by the time Tab is pressed or the line sent
            }
        }
    }

    /** One line typed is submitted as typed (commands work); several in one batch are a paste to confirm. */
    @Override
    public void keysDone() {
        if (typedLines.size() == 1) {
            submit(typedLines.get(0));
        } else if (typedLines.size() > 1) {
            paste.addLines(typedLines);
            askToSendPaste();
        }
        typedLines.clear();
    }

    /** A key inside a bracketed paste: Enter ends a line, characters make it, the end marker ends the paste. */
    private void pasteKey(KeyStroke k) {
        if (BracketedPaste.isEnd(k)) {
            String one = paste.end(currentRoom().map(RoomModel::name).orElse(""));
            if (one != null) {
                input.insert(one); // a single line: edited and sent like a typed one
            } else if (liveRoomOrNull() == null) {
                paste.take();
                error("you are in no room to send the pasted lines to");
            }
        } else if (k.getKeyType() == KeyType.Enter) {
            paste.newline();
        } else if (k.getKeyType() == KeyType.Character) {
            paste.append(k.getCharacter());
        } else if (k.getKeyType() == KeyType.Tab) {
            paste.append(' ');
        }
    }

    private void askToSendPaste() {
        RoomModel room = liveRoomOrNull();
        if (room == null) {
            paste.take();
            error("you are in no room to send the pasted lines to");
            return;
        }
        paste.confirm(room.name());
    }

    /** Enter sends the pasted lines as chat (a line starting with "/" too: it was pasted, not a command); Esc drops them. */
    private void confirmPaste(KeyStroke k) {
        if (k.getKeyType() == KeyType.Enter) {
            for (String line : paste.take()) {
                try {
                    say(line, false);
                } catch (CommandException e) {
                    error(e.getMessage());
                }
            }
        } else if (k.getKeyType() == KeyType.Escape) {
            int n = paste.take().size();
            app.flash("paste of " + n + (n == 1 ? " line" : " lines") + " not sent");
        }
    }

    /** The question while a paste waits for Enter or Esc, else empty. */
    String pasteQuestion() {
        return paste.confirming() ? paste.question() : "";
    }

    private RoomModel liveRoomOrNull() {
        return currentRoom().filter(r -> !r.ended()).orElse(null);
    }

    /** The input is a command whose argument is a room ("/join ", "/create "). */
    private boolean typingRoomName() {
        String text = input.text();
        int space = text.indexOf(' ');
        return text.startsWith("/") && space > 0
                && commands.argumentCompletion(text.substring(0, space)) == CommandTable.Completion.ROOM;
    }

    private boolean scrollKey(KeyStroke k) {
        Optional<RoomModel> room = currentRoom();
        if (room.isEmpty()) {
            return false;
        }
        int max = keys.maxScroll(room.get());
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
            search.end();
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
        ChatLine line = new ChatLine(app.now(), action ? ChatLine.Kind.ACTION : ChatLine.Kind.CHAT,
                room.user(), text, false, ChatLine.Delivery.PENDING);
        room.addPending(id, line);
        room.spoke(room.user(), line.timeMillis());
        events.log(room, line);
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
                app.refreshRoomNames();
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
        // Creating a room we are in would only switch to it: say so instead of doing it silently.
        int at = indexOf(room);
        if (at >= 0 && !rooms.get(at).ended()) {
            if (at == current) {
                throw new CommandException("you are in " + room + " already; a new room needs another name");
            }
            select(at);
            throw new CommandException("you are already in " + room + " (shown now); a new room needs another name");
        }
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
        events.forget(room.name());
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
        room.kickedByUs(user);
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

    @Override
    public void search(String text) throws CommandException {
        RoomModel room = currentRoom().orElseThrow(() -> new CommandException("you are in no room"));
        search.start(text, room);
        keys.showMatch(room);
    }

    // /lastlog TEXT: irssi's, the matching lines again as one block of system lines (never logged).
    @Override
    public void lastlog(String text) throws CommandException {
        RoomModel room = currentRoom().orElseThrow(() -> new CommandException("you are in no room"));
        List<ChatLine> found = room.lines().stream().filter(l -> ScrollbackSearch.matches(l, text))
                .collect(Collectors.toList());
        long now = app.now();
        room.add(ChatLine.system(now, "lastlog \"" + text + "\": " + found.size() + (found.size() == 1 ? " line" : " lines")), true);
        java.time.format.DateTimeFormatter when = java.time.format.DateTimeFormatter.ofPattern("d MMM HH:mm", java.util.Locale.ENGLISH)
                .withZone(app.options().clock().getZone());
        for (ChatLine l : found) {
            room.add(ChatLine.system(now, when.format(java.time.Instant.ofEpochMilli(l.timeMillis())) + " " + l.body()), true);
        }
        room.add(ChatLine.system(now, "end of lastlog"), true);
        room.scrollToBottom();
    }

    @Override
    public void notifyLevel(Optional<String> level) throws CommandException {
        RoomModel room = currentRoom().orElseThrow(() -> new CommandException("you are in no room"));
        info(preferences.notifyLevel(room.name(), level));
    }

    @Override
    public void ignore(Optional<String> name) {
        info(preferences.ignore(name));
    }

    @Override
    public void unignore(String name) throws CommandException {
        info(preferences.unignore(name));
    }

    @Override
    public void set(Optional<String> name, Optional<String> value) throws CommandException {
        info(preferences.set(name, value));
    }

    @Override
    public void stats() throws CommandException {
        RoomModel room = currentRoom().orElseThrow(() -> new CommandException("you are in no room"));
        NetEvent.Status st = room.status();
        String rtt = st.rttMillis() < 0 ? "not measured yet" : st.rttMillis() + " ms";
        info(room.name() + ": " + (room.ended() ? "ended" : st.state().label()) + ", round-trip time " + rtt
                + ", " + st.unacked() + " sent and not yet acknowledged (/set stats on shows them on the status line)");
    }

    /** A system line for the user in the current room (or the status line's note when in none). */
    private void info(String text) {
        currentRoom().ifPresentOrElse(r -> {
            r.add(ChatLine.system(app.now(), text), true);
            r.scrollToBottom();
        }, () -> app.flash(text));
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

    int paneWidth() {
        return paneWidth;
    }

    int paneHeight() {
        return paneHeight;
    }

    ScrollbackSearch search() {
        return search;
    }

    SideLists lists() {
        return lists;
    }

    Preferences preferences() {
        return prefs();
    }

    InputLine input() {
        return input;
    }
}
