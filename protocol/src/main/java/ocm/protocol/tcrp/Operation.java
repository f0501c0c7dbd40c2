package ocm.protocol.tcrp;

import ocm.protocol.ProtocolException;

/** TCRP header byte 1. 1 and 2 are the seed's; 3 is ours. */
public enum Operation {
    CREATE_ROOM(1),
    JOIN_ROOM(2),
    LIST_ROOMS(3);

    private final int code;

    Operation(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Operation ofCode(int code) throws ProtocolException {
        for (Operation op : values()) {
            if (op.code == code) {
                return op;
            }
        }
        throw new ProtocolException("unknown TCRP operation " + code + " (known: 1 create, 2 join, 3 list)");
    }
}
