package ocm.protocol.tls;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ocm.protocol.ProtocolException;
import ocm.protocol.identity.Fingerprint;

/**
 * The client's pins of server keys, like SSH's known_hosts (pure: the caller reads and writes the
 * file). Format, UTF-8, one server per line:
 *
 * <pre>
 * # comments and blank lines are kept as they are
 * 127.0.0.1:9090 SHA256:z+Pkh41fuHDCyZPqVKoskhOHP99/Hmp8Gu6zWQ+aLgU
 * [::1]:9090 SHA256:Yx0eP8W8lyyY4LOru1n54KGLcRkaqkhu5bKSrowtpq8
 * </pre>
 * {@code ADDRESS FINGERPRINT}, separated by spaces or tabs; the fingerprint is the SHA-256 of the
 * server's public key (SubjectPublicKeyInfo). An address appears at most once. Immutable.
 */
public final class PinStore {
    private sealed interface Line permits Pin, Other {
    }

    private record Pin(ServerAddress address, Fingerprint fingerprint) implements Line {
    }

    /** A comment or blank line, written back unchanged. */
    private record Other(String text) implements Line {
    }

    private final List<Line> lines;

    private PinStore(List<Line> lines) {
        this.lines = List.copyOf(lines);
    }

    public static PinStore empty() {
        return new PinStore(List.of());
    }

    /** Reads the file's text; the first bad line is refused with its number. */
    public static PinStore parse(String text) throws PinFileException {
        List<Line> lines = new ArrayList<>();
        if (text.isEmpty()) {
            return empty();
        }
        String[] raw = text.split("\r?\n", -1);
        int count = text.endsWith("\n") ? raw.length - 1 : raw.length;
        for (int i = 0; i < count; i++) {
            lines.add(parseLine(i + 1, raw[i], lines));
        }
        return new PinStore(lines);
    }

    private static Line parseLine(int number, String text, List<Line> before) throws PinFileException {
        String t = text.strip();
        if (t.isEmpty() || t.startsWith("#")) {
            return new Other(text);
        }
        String[] fields = t.split("[ \t]+");
        if (fields.length != 2) {
            throw new PinFileException(number, "'" + t + "' has " + fields.length + " fields; a pin is ADDRESS SHA256:FINGERPRINT");
        }
        try {
            Pin pin = new Pin(ServerAddress.parse(fields[0]), Fingerprint.parse(fields[1]));
            int earlier = lineOf(before, pin.address());
            if (earlier > 0) {
                throw new PinFileException(number, pin.address() + " is pinned already on line " + earlier);
            }
            return pin;
        } catch (PinFileException e) {
            throw e;
        } catch (ProtocolException e) {
            throw new PinFileException(number, e.getMessage());
        }
    }

    /** 1-based line of the address's pin in these lines, or 0. */
    private static int lineOf(List<Line> lines, ServerAddress address) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i) instanceof Pin p && p.address().equals(address)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The text to write back: every line as it was, new pins at the end, a final newline. */
    public String serialize() {
        StringBuilder sb = new StringBuilder();
        for (Line l : lines) {
            if (l instanceof Pin p) {
                sb.append(p.address()).append(' ').append(p.fingerprint());
            } else {
                sb.append(((Other) l).text());
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public Optional<Fingerprint> pinned(ServerAddress address) {
        int line = lineOf(lines, address);
        return line == 0 ? Optional.empty() : Optional.of(((Pin) lines.get(line - 1)).fingerprint());
    }

    /** The rule: unknown server, pin on first contact; the pinned key, go on; another key, refuse. */
    public PinDecision check(ServerAddress address, Fingerprint presented) {
        int line = lineOf(lines, address);
        if (line == 0) {
            return new PinDecision.FirstContact(address, presented);
        }
        Fingerprint pinned = ((Pin) lines.get(line - 1)).fingerprint();
        return pinned.equals(presented)
                ? new PinDecision.Match(address, pinned)
                : new PinDecision.Changed(address, pinned, presented, line);
    }

    /**
     * A store with this pin: added at the end for a new address, or replacing the old one in its
     * line (how a client accepts a changed key deliberately, after the person confirmed it).
     */
    public PinStore withPin(ServerAddress address, Fingerprint fingerprint) {
        List<Line> next = new ArrayList<>(lines);
        int line = lineOf(lines, address);
        if (line == 0) {
            next.add(new Pin(address, fingerprint));
        } else {
            next.set(line - 1, new Pin(address, fingerprint));
        }
        return new PinStore(next);
    }

    /** A store without this address's pin (its line removed). */
    public PinStore without(ServerAddress address) {
        List<Line> next = new ArrayList<>(lines);
        int line = lineOf(lines, address);
        if (line > 0) {
            next.remove(line - 1);
        }
        return new PinStore(next);
    }
}
