package ocm.client.notify;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import ocm.client.config.Preferences;

/**
 * Decides whether a line deserves the user's attention and writes the bell (BEL) and the
 * desktop notification escape for it. The bytes go straight to the terminal through
 * {@link Signals}, on the UI thread that owns it, between two redraws.
 */
public final class Notifier {
    static final byte BEL = 0x07;

    /** Where the bytes go: the terminal's output (a recording sink in tests). */
    @FunctionalInterface
    public interface Signals {
        void write(byte[] bytes);
    }

    private final Signals out;
    private final Map<String, String> env;

    public Notifier(Signals out, Map<String, String> env) {
        this.out = out;
        this.env = Map.copyOf(env);
    }

    /** A notifier that never writes (plain mode, tests that do not look). */
    public static Notifier silent() {
        return new Notifier(b -> { }, Map.of());
    }

    /**
     * A chat line from someone else arrived in {@code room}: notifies when the room's level asks
     * for it ({@code all}: every line, {@code mentions}: lines naming the user, {@code none}: never).
     * Returns whether anything was written.
     */
    public boolean message(Preferences p, String room, String sender, String text, boolean mention) {
        String level = p.notifyLevel(room);
        boolean wanted = level.equals("all") || (level.equals("mentions") && mention);
        return wanted && signal(p, "OCM " + room, sender + ": " + text);
    }

    /**
     * A direct message arrived: always worth a notification (the bell and desktop settings still
     * apply). The hook for private messages, which need a server path that is not built yet.
     */
    public boolean directMessage(Preferences p, String from, String text) {
        return signal(p, "OCM message from " + from, text);
    }

    private boolean signal(Preferences p, String title, String body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (p.bell()) {
            bytes.write(BEL);
        }
        bytes.writeBytes(DesktopEscape.choose(p.desktop(), env).bytes(title, body));
        if (bytes.size() == 0) {
            return false;
        }
        out.write(bytes.toByteArray());
        return true;
    }
}
