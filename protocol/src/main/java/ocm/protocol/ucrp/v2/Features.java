package ocm.protocol.ucrp.v2;

/**
 * Feature bits: a Register says which optional features the client understands, the Welcome which
 * of them the server will use with that session (a subset). A side uses a feature, such as a new
 * datagram flag or a new error code, only once the Welcome has it; a bit neither side knows is
 * ignored. No bit is assigned yet: the first planned are encryption and direct messages.
 */
public final class Features {
    /** No optional feature. */
    public static final int NONE = 0;
    /** The bits this build of the server and client know (none yet). */
    public static final int KNOWN = NONE;

    private Features() {
    }

    /** What a server answers a Register asking for {@code requested}: the bits both know. */
    public static int agreed(int requested, int supported) {
        return requested & supported;
    }
}
