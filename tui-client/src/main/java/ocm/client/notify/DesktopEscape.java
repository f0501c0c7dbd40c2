package ocm.client.notify;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The escape sequences terminals turn into a desktop notification: OSC 9 (iTerm2, WezTerm,
 * Ghostty, Windows Terminal) and OSC 777 (VTE terminals such as GNOME Terminal, foot, WezTerm).
 * A terminal that knows neither ignores them, but some print them, so {@code auto} sends one
 * only where the environment names a terminal that takes it.
 */
public enum DesktopEscape {
    NONE,
    OSC9,
    OSC777;

    private static final int MAX_BODY = 120;

    /** The escape for a setting ({@code auto}, {@code osc9}, {@code osc777}, {@code off}) in this environment. */
    public static DesktopEscape choose(String setting, Map<String, String> env) {
        switch (setting) {
            case "osc9":
                return OSC9;
            case "osc777":
                return OSC777;
            case "off":
                return NONE;
            default:
                return detect(env);
        }
    }

    /**
     * What {@code auto} picks. Inside tmux or screen nothing: they drop (or print) escapes they do
     * not know unless passthrough is set up, and the bell they do pass on.
     */
    static DesktopEscape detect(Map<String, String> env) {
        if (env.containsKey("TMUX") || env.getOrDefault("TERM", "").startsWith("screen")) {
            return NONE;
        }
        String program = env.getOrDefault("TERM_PROGRAM", "");
        if (program.equals("iTerm.app") || program.equals("WezTerm") || program.equals("ghostty")
                || env.containsKey("WT_SESSION")) {
            return OSC9;
        }
        if (env.containsKey("VTE_VERSION") || env.getOrDefault("TERM", "").startsWith("foot")) {
            return OSC777;
        }
        return NONE;
    }

    /** The bytes to write; empty for {@link #NONE}. Title and body are made safe first (see {@link #safe}). */
    public byte[] bytes(String title, String body) {
        String t = safe(title).replace(';', ',');
        String b = safe(body);
        switch (this) {
            case OSC9:
                return ("\u001b]9;" + t + ": " + b + "\u0007").getBytes(StandardCharsets.UTF_8);
            case OSC777:
                return ("\u001b]777;notify;" + t + ";" + b + "\u0007").getBytes(StandardCharsets.UTF_8);
            default:
                return new byte[0];
        }
    }

    /**
     * Text from another person inside an escape: every control character (ESC, BEL, C1) would end
     * the sequence or start another one of the sender's choosing, so each becomes a space; cut to
     * {@value #MAX_BODY} characters, a notification is a glance.
     */
    static String safe(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().limit(MAX_BODY).forEach(cp -> {
            boolean control = Character.getType(cp) == Character.CONTROL || Character.getType(cp) == Character.FORMAT;
            out.appendCodePoint(control ? ' ' : cp);
        });
        return s.codePointCount(0, s.length()) > MAX_BODY ? out + "…" : out.toString();
    }
}
