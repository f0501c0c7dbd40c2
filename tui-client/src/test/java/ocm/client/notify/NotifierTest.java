package ocm.client.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ocm.client.config.Preferences;
import org.junit.jupiter.api.Test;

class NotifierTest {
    private final List<String> written = new ArrayList<>();
    private final Notifier notifier = new Notifier(b -> written.add(new String(b, StandardCharsets.UTF_8)),
            Map.of("TERM_PROGRAM", "iTerm.app"));

    @Test
    void mentionsLevelRingsOnlyForAMention() {
        Preferences p = Preferences.DEFAULTS;
        assertFalse(notifier.message(p, "lobby", "bob", "just chatting", false));
        assertTrue(notifier.message(p, "lobby", "bob", "alice: hi", true));
        assertEquals(List.of("\u0007\u001b]9;OCM lobby: bob: alice: hi\u0007"), written);
    }

    @Test
    void allRingsForEveryLineAndNoneForNothing() {
        Preferences p = Preferences.DEFAULTS.withNotify("busy", "all").withNotify("quiet", "none");
        assertTrue(notifier.message(p, "busy", "bob", "anything", false));
        assertFalse(notifier.message(p, "quiet", "bob", "alice: even a mention", true));
        assertTrue(notifier.message(p, "other", "bob", "alice: default room", true));
        assertEquals(2, written.size(), written.toString());
        assertTrue(written.get(1).contains("OCM other"), written.toString());
    }

    @Test
    void bellAndDesktopEachTurnOff() {
        Preferences noBell = Preferences.DEFAULTS.with("bell", "off").orElseThrow();
        notifier.message(noBell, "r", "bob", "alice", true);
        Preferences noDesktop = Preferences.DEFAULTS.with("desktop", "off").orElseThrow();
        notifier.message(noDesktop, "r", "bob", "alice", true);
        Preferences neither = noBell.with("desktop", "off").orElseThrow();
        assertFalse(notifier.message(neither, "r", "bob", "alice", true));
        assertEquals(List.of("\u001b]9;OCM r: bob: alice\u0007", "\u0007"), written);
    }

    @Test
    void osc777CarriesTitleAndBodyApartAndNoSenderTextCanEndTheEscape() {
        Preferences p = Preferences.DEFAULTS.with("desktop", "osc777").orElseThrow().with("bell", "off").orElseThrow();
        notifier.message(p, "a;b", "eve", "alice \u001b\\\u0007\u009c\n x", true);
        assertEquals(List.of("\u001b]777;notify;OCM a,b;eve: alice  \\    x\u0007"), written);
    }

    @Test
    void aDirectMessageNotifiesWhateverTheRoomLevels() {
        Preferences p = Preferences.DEFAULTS.withNotify("lobby", "none");
        assertTrue(notifier.directMessage(p, "bob", "psst"));
        assertEquals(List.of("\u0007\u001b]9;OCM message from bob: psst\u0007"), written);
    }

    @Test
    void autoPicksTheEscapeTheTerminalTakesAndNoneInsideTmux() {
        assertEquals(DesktopEscape.OSC9, DesktopEscape.choose("auto", Map.of("TERM_PROGRAM", "WezTerm")));
        assertEquals(DesktopEscape.OSC777, DesktopEscape.choose("auto", Map.of("VTE_VERSION", "7600")));
        assertEquals(DesktopEscape.NONE, DesktopEscape.choose("auto", Map.of("TERM", "xterm-256color")));
        assertEquals(DesktopEscape.NONE, DesktopEscape.choose("auto", Map.of("TERM_PROGRAM", "iTerm.app", "TMUX", "/tmp/t,1,0")));
        assertEquals(DesktopEscape.OSC9, DesktopEscape.choose("osc9", Map.of("TMUX", "/tmp/t,1,0")));
        assertEquals(DesktopEscape.NONE, DesktopEscape.choose("off", Map.of("TERM_PROGRAM", "iTerm.app")));
    }

    @Test
    void aLongLineIsCutInTheNotification() {
        String body = DesktopEscape.safe("x".repeat(500));
        assertEquals(121, body.length());
        assertTrue(body.endsWith("…"));
    }
}
