package ocm.client.ui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import ocm.client.command.ChatActions;
import ocm.client.command.CommandTable;
import ocm.client.command.SlashCommands;
import ocm.client.config.ClientSettings;
import ocm.client.config.SettingsStore;
import ocm.client.net.ChatService;
import ocm.client.net.ClientException;
import ocm.client.net.Membership;
import ocm.client.net.RoomRequest;
import ocm.client.net.ServerAddress;
import ocm.protocol.Names;
import ocm.protocol.tcrp.RoomListing.RoomSummary;

/**
 * Moves the user between the screens (connect, lobby, chat) and runs what they ask on the
 * network. Lives on the UI thread; network results come back through {@link ClientUi#post}.
 */
public final class ClientApp {
    static final long LOBBY_REFRESH_MILLIS = 5_000;
    /** A room list this young is fresh enough for completing room names. */
    static final long ROOM_NAMES_FRESH_MILLIS = 2_000;
    /** How long a note such as "left vault" stays on the status line. */
    static final long FLASH_MILLIS = 5_000;

    /** Opens the network layer for a server; the tests pass a fake. */
    @FunctionalInterface
    public interface Connector {
        ChatService connect(ServerAddress address) throws ClientException;
    }

    /** What the command line asked for at start. */
    public record Start(ClientSettings values, Optional<String> create, Optional<String> join,
                        Optional<String> password, boolean fixedServer) {
        public Start(ClientSettings values, Optional<String> create, Optional<String> join, Optional<String> password) {
            this(values, create, join, password, false);
        }

        /**
         * Server and name known and fixed (an SSH session: the gateway's own server, the SSH user's
         * name): no connect screen, the lobby first; leaving the lobby quits; no settings are saved.
         */
        public static Start fixed(ClientSettings values) {
            return new Start(values, Optional.empty(), Optional.empty(), Optional.empty(), true);
        }
    }

    private record Connected(ChatService service, List<RoomSummary> rooms) {
    }

    private final ClientUi ui;
    private final Connector connector;
    private final SettingsStore store;
    private final Start start;
    private final CommandTable<ChatActions> commands = SlashCommands.table();
    private final ClientOptions options;
    private final ConnectView connectView;
    private final LobbyView lobby = new LobbyView(this);
    private final ChatView chat;
    private volatile ChatService service; // read by the shutdown hook
    private String user = "";
    private List<RoomSummary> lastRooms = List.of();
    /** A room list request is on its way (UI thread only). */
    private boolean listing;
    private long roomsListedAt = System.nanoTime() - TimeUnit.HOURS.toNanos(1);
    /** The status line's note: a passing one (expires, or goes on a room switch), or what is under way. */
    private String flash = "";
    private boolean flashPasses;
    /** Counts notes, so an expiry timer clears only the note it was set for. */
    private long flashSerial;
    /** Set on the UI thread; read by the worker so a connection opened after Ctrl+Q asks nothing more. */
    private volatile boolean quitting;
    /** The service of a connect still listing the rooms (set and cleared on the worker), so quit can stop that request. */
    private volatile ChatService connecting;
    /** Joins and creates still waiting for the server; a failure opens the lobby only when none is left. */
    private int entering;

    public ClientApp(ClientUi ui, Connector connector, SettingsStore store, List<String> banner, Start start) {
        this(ui, connector, store, banner, start, ClientOptions.quiet(store));
    }

    public ClientApp(ClientUi ui, Connector connector, SettingsStore store, List<String> banner, Start start,
                     ClientOptions options) {
        this.ui = ui;
        this.connector = connector;
        this.store = store;
        this.start = start;
        this.options = options;
        this.chat = new ChatView(this, commands);
        this.connectView = new ConnectView(this, banner, start.values());
        ui.setGlobalKeys(this::globalKey);
    }

    /** Shows the first screen; with a name and a room from the flags, goes straight to the chat. UI thread. */
    public void begin() {
        ClientSettings v = start.values();
        if (start.fixedServer()) {
            ui.show(lobby);
            lobby.message(false, "connecting...");
            connect(new ServerAddress(v.server(), v.tcpPort(), v.udpPort()), v.name());
            return;
        }
        ui.show(connectView);
        boolean direct = v.name() != null && (start.create().isPresent() || start.join().isPresent())
                && v.server() != null && v.tcpPort() != null && v.udpPort() != null;
        if (direct) {
            connectView.handle(new KeyStroke(KeyType.Enter));
        }
    }

    private boolean globalKey(KeyStroke k) {
        if (k.getKeyType() == KeyType.Character && k.isCtrlDown() && !k.isAltDown()) {
            char c = Character.toLowerCase(k.getCharacter());
            if (c == 'q' || c == 'c') {
                quit();
                return true;
            }
        }
        if (k.getKeyType() == KeyType.F1) {
            help();
            return true;
        }
        return false;
    }

    // ---- connect and lobby ---------------------------------------------------------------

    void connect(ServerAddress address, String name) {
        ui.background(() -> {
            ChatService s = connector.connect(address);
            connecting = s;
            try {
                if (quitting) {
                    s.stopRequests(); // Ctrl+Q came while the connection was being opened
                }
                return new Connected(s, s.listRooms());
            } catch (ClientException e) {
                s.shutdown();
                throw e;
            } finally {
                connecting = null;
            }
        }, c -> connected(c, address, name), start.fixedServer() ? err -> lobby.message(true, err + "; Ctrl+Q quits")
                : connectView::failed);
    }

    private void connected(Connected c, ServerAddress address, String name) {
        if (quitting) {
            // The quit's own shutdown ran before this service existed. It is in no room yet, so
            // shutting it down only closes its sockets: nothing to wait for.
            c.service().shutdown();
            return;
        }
        service = c.service();
        user = name;
        service.setListener(e -> ui.post(() -> chat.onEvent(e)));
        if (!start.fixedServer()) {
            store.save(new ClientSettings(address.host(), address.tcpPort(), address.udpPort(), name));
        }
        lastRooms = c.rooms();
        lobby.rooms(c.rooms());
        if (start.create().isPresent()) {
            ui.show(chat);
            enterRoom(true, start.create().get(), start.password());
        } else if (start.join().isPresent()) {
            ui.show(chat);
            enterRoom(false, start.join().get(), start.password());
        } else {
            openLobby();
        }
    }

    void openLobby() {
        ui.show(lobby);
        refreshRooms();
        ui.setTicker(LOBBY_REFRESH_MILLIS, () -> {
            if (ui.current() == lobby) {
                refreshRooms();
            }
        });
    }

    /** The lobby's list, asked for again (never a second request while one is on its way). */
    void refreshRooms() {
        listRooms(err -> lobby.message(true, err));
    }

    /**
     * A fresh room list in the background for completing and checking room names in the chat
     * (rooms made since the lobby was last open): at most one request on its way, and none when
     * the list is younger than {@link #ROOM_NAMES_FRESH_MILLIS}.
     */
    void refreshRoomNames() {
        if (System.nanoTime() - roomsListedAt < TimeUnit.MILLISECONDS.toNanos(ROOM_NAMES_FRESH_MILLIS)) {
            return;
        }
        listRooms(err -> { }); // the names we know stay; the lobby says why when it is opened
    }

    private void listRooms(Consumer<String> onError) {
        if (listing || service == null) {
            return;
        }
        listing = true;
        ui.background(service::listRooms, rooms -> {
            listing = false;
            roomsListedAt = System.nanoTime();
            lastRooms = rooms;
            lobby.rooms(rooms);
        }, err -> {
            listing = false;
            onError.accept(err);
        });
    }

    /** Esc or q in the lobby: back to the chat when we are in a room, else back to the connect screen. */
    void leaveLobby() {
        if (chat.hasRooms()) {
            ui.show(chat);
            chat.currentRoom().ifPresent(RoomModel::seen);
        } else if (entering > 0) {
            lobby.message(false, "still waiting for the server to let you in; Ctrl+Q quits");
        } else if (start.fixedServer()) {
            quit(); // no other server to go to: the session ends
        } else {
            disconnect();
        }
    }

    /**
     * Back to the connect screen, its values kept, to connect again (another server or name). The
     * connection is in no room now, so closing it waits for nothing; it runs on the worker all the same,
     * queued before any new connect.
     */
    private void disconnect() {
        ChatService s = service;
        service = null;
        lastRooms = List.of();
        if (s != null) {
            ui.background(() -> {
                s.shutdown();
                return Boolean.TRUE;
            }, ok -> { }, err -> { });
        }
        connectView.back(s == null ? "" : "disconnected from " + s.server().host() + ":" + s.server().tcpPort());
        ui.show(connectView);
    }

    void joinFromLobby(String room, boolean locked) {
        if (!locked) {
            enterRoom(false, room, Optional.empty());
            return;
        }
        Form form = new Form().add("Password", "", true);
        DialogView[] dialog = new DialogView[1];
        dialog[0] = new DialogView(ui, "Password for " + room, form,
                f -> enterRoom(false, room, Optional.of(f.value(0)), dialog[0]));
        ui.openDialog(dialog[0]);
    }

    void createDialog() {
        Form form = new Form().add("Room", "", false).add("Password", "", true);
        DialogView[] dialog = new DialogView[1];
        dialog[0] = new DialogView(ui, "Create a room (password optional)", form, f -> enterRoom(true, f.value(0),
                f.value(1).isEmpty() ? Optional.empty() : Optional.of(f.value(1)), dialog[0]));
        ui.openDialog(dialog[0]);
    }

    // ---- rooms ---------------------------------------------------------------------------

    void enterRoom(boolean create, String room, Optional<String> password) {
        enterRoom(create, room, password, null);
    }

    private void enterRoom(boolean create, String room, Optional<String> password, DialogView dialog) {
        Optional<String> problem = create ? Names.newRoomProblem(room) : Names.roomProblem(room);
        if (problem.isPresent()) {
            report(problem.get(), dialog);
            return;
        }
        if (service == null) {
            report("not connected", dialog);
            return;
        }
        if (chat.show(room)) {
            ui.show(chat); // already in it: just go there
            return;
        }
        progress((create ? "creating " : "joining ") + room + "...");
        RoomRequest req = create ? RoomRequest.create(room, user, password) : RoomRequest.join(room, user, password);
        entering++;
        ui.background(() -> service.enter(req), m -> {
            entering--;
            entered(m);
        }, err -> {
            entering--;
            progress("");
            report((create ? "cannot create " : "cannot join ") + room + ": " + err, dialog);
        });
    }

    private void entered(Membership m) {
        progress("");
        chat.addRoom(m);
        ui.show(chat);
    }

    private void report(String text, DialogView dialog) {
        if (dialog != null && ui.current() == dialog) {
            dialog.error(text);
        } else if (ui.current() == lobby || (!chat.hasRooms() && entering == 0)) {
            if (ui.current() != lobby) {
                openLobby();
            }
            lobby.message(true, text);
        } else {
            chat.error(text);
        }
    }

    void help() {
        if (!(ui.current() instanceof HelpView)) {
            ui.openDialog(new HelpView(ui, commands.help()));
        }
    }

    /** Leaves every room and exits (waits for the server's confirmations off the UI thread). */
    public void quit() {
        if (quitting) {
            return;
        }
        quitting = true;
        progress("leaving all rooms...");
        ChatService s = service;
        // A connect/join/list still waiting on the server holds the single worker thread: end it
        // now (thread-safe), or the shutdown queued behind it waits for the request's time limit.
        stopRequests(s);
        stopRequests(connecting);
        ui.background(() -> {
            if (s != null) {
                s.shutdown();
            }
            return Boolean.TRUE;
        }, ok -> ui.stop(), err -> ui.stop());
    }

    private static void stopRequests(ChatService s) {
        if (s != null) {
            s.stopRequests();
        }
    }

    /**
     * For the JVM shutdown hook (terminal closed, SIGTERM): leaves every room now, from any
     * thread, so hosts' rooms close at once instead of timing out.
     */
    public void leaveAllNow() {
        ChatService s = service;
        if (s != null) {
            s.shutdown();
        }
    }

    // ---- what the views ask --------------------------------------------------------------

    ChatService service() {
        return service;
    }

    Theme theme() {
        return ui.theme();
    }

    boolean chatShowing() {
        return ui.current() == chat;
    }

    long now() {
        return options.clock().millis();
    }

    ClientOptions options() {
        return options;
    }

    String userName() {
        return user;
    }

    String serverLabel() {
        return service == null ? "" : service.server().host() + ":" + service.server().tcpPort();
    }

    List<String> knownRoomNames() {
        List<String> names = new ArrayList<>();
        lastRooms.forEach(r -> names.add(r.name()));
        chat.rooms().forEach(r -> {
            if (!names.contains(r.name())) {
                names.add(r.name());
            }
        });
        return names;
    }

    /** A passing note on the status line ("left vault"): gone after {@link #FLASH_MILLIS} or on a room switch. */
    void flash(String text) {
        flash = text;
        flashPasses = true;
        long serial = ++flashSerial;
        ui.runAfter(FLASH_MILLIS, () -> {
            if (serial == flashSerial) {
                expireFlash();
            }
        });
    }

    /** A note for something under way ("joining x..."): stays until replaced or cleared. */
    private void progress(String text) {
        flash = text;
        flashPasses = false;
        flashSerial++;
    }

    /** Clears a passing note now (its time is up, or the user went to another room); a progress note stays. */
    void expireFlash() {
        if (flashPasses) {
            flash = "";
            flashPasses = false;
        }
    }

    /** The note as the status line shows it: after a bar, so it does not read as part of the status. */
    String flashText() {
        return flash.isEmpty() ? "" : "│ " + flash;
    }
}
