package ocm.client.ui;

import java.util.HashMap;
import java.util.Map;
import ocm.client.config.Preferences;
import ocm.client.net.NetEvent;
import ocm.protocol.ucrp.v2.EventKind;

/**
 * What a network event does to the chat screen's rooms: the line it adds (or hides: ignored
 * people, the joins filter), what goes to the log on disk, when the notifier rings, and when
 * "you joined" shows. UI thread only, as the rooms it changes.
 */
final class RoomEvents {
    /** The smart join/leave filter shows the lines of people who spoke this recently (WeeChat's default: 5 minutes). */
    static final long SMART_FILTER_MILLIS = 5 * 60_000;
    private static final int MAX_EARLY = 64;

    private final ClientApp app;
    private final ChatView view;
    private final PreferenceCommands preferences;
    /** Link states of rooms the UI is still adding, by room name (bounded: a room comes or the entry is replaced). */
    private final Map<String, NetEvent.Status> earlyStatus = new HashMap<>();

    RoomEvents(ClientApp app, ChatView view, PreferenceCommands preferences) {
        this.app = app;
        this.view = view;
        this.preferences = preferences;
    }

    /** A room left: nothing its old session reports may carry over to a later join of that name. */
    void forget(String room) {
        earlyStatus.remove(room);
    }

    /** A room the screen has just added: the link state its session reported meanwhile applies now. */
    void arrived(RoomModel room) {
        NetEvent.Status early = earlyStatus.remove(room.name());
        if (early != null) {
            status(room, early);
        }
    }

    void onEvent(NetEvent e) {
        RoomModel room = view.find(e.room());
        // A new session may answer before the UI has its room (the TCP reply is still on its way
        // here), also when rejoining a room that ended: a live state then is the new session's.
        boolean early = room == null || (room.ended() && e instanceof NetEvent.Status st
                && st.state() != NetEvent.LinkState.ENDED);
        if (early) {
            // Kept only while live or coming: an ENDED one is about a session already gone (a room
            // we left), and would make the next join of that name look ended.
            if (e instanceof NetEvent.Status s && s.state() != NetEvent.LinkState.ENDED && earlyStatus.size() < MAX_EARLY) {
                earlyStatus.put(s.room(), s);
            }
            return;
        }
        boolean visible = app.chatShowing() && room == view.currentRoom().orElse(null);
        if (e instanceof NetEvent.Message m) {
            message(room, m, visible);
        } else if (e instanceof NetEvent.RoomEvent ev) {
            roomEvent(room, ev, visible);
        } else if (e instanceof NetEvent.Members ms) {
            room.members(ms.members());
        } else if (e instanceof NetEvent.Delivered d) {
            room.delivered(d.localId(), d.msgId());
        } else if (e instanceof NetEvent.NotDelivered n) {
            room.failed(n.localId(), n.reason());
        } else if (e instanceof NetEvent.Notice n) {
            addLogged(room, ChatLine.system(app.now(), n.text()), visible);
        } else if (e instanceof NetEvent.Ended en) {
            String why = Words.ended(en);
            room.end(why);
            addLogged(room, ChatLine.system(app.now(), why + " - this room is now read-only"), visible);
        } else if (e instanceof NetEvent.Status s) {
            status(room, s);
        }
    }

    /**
     * Another member's line: hidden when they are ignored; logged, and a notification when the
     * room's level asks for one. History (sent on joining) is shown, never logged or rung for again.
     */
    private void message(RoomModel room, NetEvent.Message m, boolean visible) {
        if (prefs().isIgnored(m.sender())) {
            return;
        }
        boolean own = m.sender().equals(room.user());
        boolean mention = !own && Mentions.names(m.text(), room.user());
        ChatLine line = new ChatLine(m.timestampMillis(), m.action() ? ChatLine.Kind.ACTION : ChatLine.Kind.CHAT,
                m.sender(), m.text(), mention, ChatLine.Delivery.DELIVERED);
        line.numbered(m.msgId());
        room.spoke(m.sender(), m.timestampMillis());
        if (m.history()) {
            room.addHistory(line, visible);
            return;
        }
        addLogged(room, line, visible);
        if (!own) {
            app.options().notifier().message(prefs(), room.name(), m.sender(), m.text(), mention);
        }
    }

    /** Joins, leaves, kicks, announcements: all logged; joins and leaves shown as the joins setting says. */
    private void roomEvent(RoomModel room, NetEvent.RoomEvent ev, boolean visible) {
        ChatLine line = ev.kind() == EventKind.NOTICE ? ChatLine.announcement(ev.timestampMillis(), Words.event(ev))
                : ChatLine.system(ev.timestampMillis(), eventText(room, ev));
        log(room, line);
        if (!hidden(room, ev)) {
            room.add(line, visible);
        }
    }

    /**
     * A kick says by whom when this client did it; otherwise the server's event does not tell the
     * host's kick from the operator's, so the line says it was one of them.
     */
    private static String eventText(RoomModel room, NetEvent.RoomEvent ev) {
        if (ev.kind() != EventKind.KICKED) {
            return Words.event(ev);
        }
        String by = room.takeKickedByUs(ev.name()) ? "you" : "the host or the server's operator";
        return ev.name() + " was kicked by " + by + (ev.text().isEmpty() ? "" : ": " + ev.text());
    }

    private boolean hidden(RoomModel room, NetEvent.RoomEvent ev) {
        boolean comingOrGoing = ev.kind() == EventKind.JOINED || ev.kind() == EventKind.LEFT
                || ev.kind() == EventKind.TIMED_OUT || ev.kind() == EventKind.RECONNECTED;
        if (!comingOrGoing) {
            return false;
        }
        if (prefs().isIgnored(ev.name())) {
            return true;
        }
        switch (prefs().joins()) {
            case "none":
                return true;
            case "smart":
                return !room.spokeSince(ev.name(), app.now() - SMART_FILTER_MILLIS);
            default:
                return false;
        }
    }

    private void addLogged(RoomModel room, ChatLine line, boolean visible) {
        room.add(line, visible);
        log(room, line);
    }

    /** Writes the line to the room's log on disk (off this thread; see {@link ocm.client.log.ChatLogs}). */
    void log(RoomModel room, ChatLine line) {
        app.options().logs().ifPresent(l -> l.append(app.serverLabel(), room.name(), line.timeMillis(), line.body()));
    }

    /**
     * A room's link state. The first LIVE shows "you joined" (the server's chat side answered);
     * before it, the room says nothing it cannot know yet.
     */
    private void status(RoomModel room, NetEvent.Status s) {
        room.status(s);
        if (s.state() == NetEvent.LinkState.LIVE) {
            room.pendingJoin().ifPresent(line -> log(room, line));
            room.confirmJoin();
        }
    }

    private Preferences prefs() {
        return preferences.current();
    }
}
