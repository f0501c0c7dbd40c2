package ocm.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import ocm.client.config.PreferencesStore;
import ocm.client.config.SettingsStore;
import ocm.client.net.NetEvent;
import ocm.client.notify.Notifier;
import ocm.protocol.ucrp.v2.Packet;
import org.junit.jupiter.api.Test;

/**
 * Whole screens (text pictures) for the day-change lines, the "+N more" lists and search marks,
 * and the exact bytes a notification writes to the terminal. The clock is fixed: Thursday
 * 3 December 2026, 10:00 UTC.
 */
class ComfortsScreenTest extends ScreenTest {
    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    static final ZoneId ZONE = ZoneOffset.UTC;
    /** What the notifier wrote to the terminal, one entry per write. */
    final List<String> written = new CopyOnWriteArrayList<>();

    private Function<SettingsStore, ClientOptions> options() {
        return s -> new ClientOptions(Clock.fixed(NOW, ZONE), PreferencesStore.besides(s),
                new Notifier(b -> written.add(new String(b, StandardCharsets.UTF_8)), java.util.Map.of()), Optional.empty());
    }

    private UiHarness chat(String room, int columns, int rows) throws Exception {
        ui = UiHarness.chatIn(fake, room, dir, new TerminalSize(columns, rows), options());
        return ui;
    }

    private static long at(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    private void history(String room, int id, String iso, String sender, String text) {
        fake.emit(new NetEvent.Message(room, id, at(iso), false, sender, text, true));
    }

    private void live(String room, int id, String iso, String sender, String text) {
        fake.emit(new NetEvent.Message(room, id, at(iso), false, sender, text));
    }

    /** The screen with each row's trailing blanks dropped, to compare with a picture. */
    private static String trimmed(String screen) {
        return screen.lines().map(String::stripTrailing).collect(java.util.stream.Collectors.joining("\n"));
    }

    private static String picture(String... rows) {
        return String.join("\n", rows);
    }

    @Test
    void dayChangeLinesSeparateTheDaysAndEarlierHistoryShowsItsDate() throws Exception {
        chat("lobby", 80, 16);
        history("lobby", 1, "2026-12-01T21:15:00Z", "bob", "see you tomorrow");
        history("lobby", 2, "2026-12-02T08:05:00Z", "carol", "morning");
        history("lobby", 3, "2026-12-02T23:59:00Z", "bob", "late one");
        live("lobby", 4, "2026-12-03T10:00:00Z", "carol", "today now");
        String s = ui.await("today now");
        assertEquals(picture(
                " OCM · lobby · alice@127.0.0.1:9090",
                " Rooms       │                                                     │ Members 2",
                "1 lobby      │                                                     │ @bob",
                "             │                                                     │  alice",
                "             │                                                     │",
                "             │                                                     │",
                "             │      -- Tuesday 1 December 2026                     │",
                "             │21:15 bob: see you tomorrow                          │",
                "             │      -- Wednesday 2 December 2026                   │",
                "             │08:05 carol: morning                                 │",
                "             │23:59 bob: late one                                  │",
                "             │      -- Thursday 3 December 2026                    │",
                "             │10:00 -- you joined lobby                            │",
                "             │10:00 carol: today now                               │",
                " [connected] · lobby                                                    F1 help",
                "lobby >"), trimmed(s));
    }

    @Test
    void longRoomAndMemberListsSayHowManyMoreAndKeepTheCurrentRoomInView() throws Exception {
        chat("lobby", 60, 12);
        for (int i = 1; i <= 14; i++) {
            String room = String.format("room%02d", i);
            ui.line("/join " + room);
            ui.await("you joined " + room);
        }
        List<Packet.Member> members = new java.util.ArrayList<>();
        members.add(new Packet.Member("bob", true, false));
        for (int i = 1; i <= 23; i++) {
            members.add(new Packet.Member(String.format("user%02d", i), false, false));
        }
        fake.emit(new NetEvent.Members("room14", members));
        // 15 rooms in 8 rows: the current one (the last) in view; 24 members in 8 rows.
        String s = ui.await("Members 24");
        assertEquals(picture(
                " OCM · room14 · alice@127.0.0.1:9090",
                " Rooms      │                                  │ Members 24",
                "9 room08    │                                  │ @bob",
                "  room09    │                                  │  user01",
                "  room10    │                                  │  user02",
                "  room11    │                                  │  user03",
                "  room12    │                                  │  user04",
                "  room13    │                                  │  user05",
                "  room14    │                                  │  user06",
                "  +8 more   │10:00 -- you joined room14        │  +17 more",
                " [connected] · room14                               F1 help",
                "room14 >"), trimmed(s));
        String marks = ui.marks(Theme.load("dark"));
        assertEquals("  ######", marks.lines().skip(8).findFirst().orElseThrow().stripTrailing(), "room14 is the current room:\n" + marks);
        ui.key(KeyType.F3); // the room list takes the keys
        ui.key(KeyType.ArrowUp);
        ui.key(KeyType.ArrowUp);
        s = ui.await("7 room06");
        assertEquals(picture(
                " OCM · room14 · alice@127.0.0.1:9090",
                " Rooms      │                                  │ Members 24",
                "7 room06    │                                  │ @bob",
                "8 room07    │                                  │  user01",
                "9 room08    │                                  │  user02",
                "  room09    │                                  │  user03",
                "  room10    │                                  │  user04",
                "  room11    │                                  │  user05",
                "  room12    │                                  │  user06",
                "  +8 more   │10:00 -- you joined room14        │  +17 more",
                " [connected] · room14 │ room list: Up/Down/PgUp/PgDn scroll",
                "room14 >"), trimmed(s));
        ui.key(KeyType.F3); // now the member list
        ui.key(KeyType.PageDown);
        s = ui.await("user07");
        assertEquals(picture(
                " OCM · room14 · alice@127.0.0.1:9090",
                " Rooms      │                                  │ Members 24",
                "9 room08    │                                  │  user07",
                "  room09    │                                  │  user08",
                "  room10    │                                  │  user09",
                "  room11    │                                  │  user10",
                "  room12    │                                  │  user11",
                "  room13    │                                  │  user12",
                "  room14    │                                  │  user13",
                "  +8 more   │10:00 -- you joined room14        │  +17 more",
                " [connected] · room14 │ member list: Up/Down/PgUp/PgDn scro",
                "room14 >"), trimmed(s));
        // The focused list's header is in the selection's colours; the room list, no longer
        // focused, has gone back to keeping the current room (room14) in view.
        assertEquals(picture(
                "",
                "                                                 ####### ##",
                "", "", "", "", "", "",
                "  ######",
                "", "", ""), trimmed(ui.marks(Theme.load("dark"))));
        ui.key(KeyType.Escape);
        ui.awaitGone("member list:");
        ui.key(KeyType.ArrowUp); // the input's again: history, not the list
        ui.await("room14 > /join room14");
    }

    @Test
    void searchMarksEveryMatchAndJumpsBetweenThem() throws Exception {
        chat("lobby", 80, 12);
        live("lobby", 1, "2026-12-03T09:00:00Z", "bob", "the deploy is at noon");
        live("lobby", 2, "2026-12-03T09:01:00Z", "carol", "ok");
        live("lobby", 3, "2026-12-03T09:02:00Z", "bob", "Deploy done, deploy again?");
        live("lobby", 4, "2026-12-03T09:03:00Z", "carol", "no");
        ui.await("carol: no");
        ui.ctrl('r');
        ui.type("deploy");
        String s = ui.await("2/2");
        assertEquals(picture(
                " OCM · lobby · alice@127.0.0.1:9090",
                " Rooms       │                                                     │ Members 2",
                "1 lobby      │                                                     │ @bob",
                "             │                                                     │  alice",
                "             │                                                     │",
                "             │10:00 -- you joined lobby                            │",
                "             │09:00 bob: the deploy is at noon                     │",
                "             │09:01 carol: ok                                      │",
                "             │09:02 bob: Deploy done, deploy again?                │",
                "             │09:03 carol: no                                      │",
                " [connected] · lobby                                                    F1 help",
                "search: deploy   (2/2 · Up older · Down newer · Esc ends)"), trimmed(s));
        // Every match marked (+: reversed), the current one, the newest, in the selection's colours (#).
        assertEquals(picture(
                "", "",
                "# #####",
                "", "", "",
                "                             ++++++",
                "",
                "                         ######       ######",
                "", "", ""), trimmed(ui.marks(Theme.load("dark"))));
        ui.key(KeyType.ArrowUp); // the older match
        ui.await("1/2");
        assertEquals(picture(
                "", "",
                "# #####",
                "", "", "",
                "                             ######",
                "",
                "                         ++++++       ++++++",
                "", "", ""), trimmed(ui.marks(Theme.load("dark"))));
        ui.key(KeyType.ArrowUp); // there is none older: it stays
        ui.key(KeyType.ArrowDown);
        ui.await("2/2");
        ui.key(KeyType.Escape);
        ui.awaitGone("search:");
        assertEquals(picture("", "", "# #####", "", "", "", "", "", "", "", "", ""), trimmed(ui.marks(Theme.load("dark"))));
        ui.line("/search noon");
        ui.await("search: noon");
        ui.await("1/1");
        ui.key(KeyType.Escape);
        ui.line("/lastlog DEPLOY");
        s = ui.await("end of lastlog");
        assertEquals(picture(
                "             │09:02 bob: Deploy done, deploy again?                │",
                "             │09:03 carol: no                                      │",
                "             │10:00 -- lastlog \"DEPLOY\": 2 lines                   │",
                "             │10:00 -- 3 Dec 09:00 bob: the deploy is at noon      │",
                "             │10:00 -- 3 Dec 09:02 bob: Deploy done, deploy again? │",
                "             │10:00 -- end of lastlog                              │"),
                trimmed(s).lines().skip(4).limit(6).collect(java.util.stream.Collectors.joining("\n")));
    }

    @Test
    void aMentionRingsTheBellAndSendsTheDesktopEscapeWhenAsked() throws Exception {
        chat("lobby", 80, 16);
        ui.line("/set desktop osc9");
        ui.await("desktop = osc9");
        live("lobby", 1, "2026-12-03T10:00:00Z", "bob", "alice: look \u001b]0;owned\u0007 here");
        ui.awaitCondition(() -> !written.isEmpty(), "a notification");
        assertEquals(List.of("\u0007\u001b]9;OCM lobby: bob: alice: look  ]0;owned  here\u0007"), written);
    }
}
