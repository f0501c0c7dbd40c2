package ocm.protocol.tcrp;

import ocm.protocol.ProtocolException;

/** TCRP header byte 2: a request, the server's compliance (accepted or not), then its completion. */
public enum State {
    REQUEST(0),
    COMPLIANCE(1),
    COMPLETE(2);

    private final int code;

    State(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static State ofCode(int code) throws ProtocolException {
        for (State s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new ProtocolException("unknown TCRP state " + code + " (known: 0 request, 1 compliance, 2 complete)");
    }
}
