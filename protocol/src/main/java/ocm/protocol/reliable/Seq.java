package ocm.protocol.reliable;

/** 32-bit sequence numbers compared wrap-safe (serial number arithmetic, RFC 1982). */
public final class Seq {
    private Seq() {
    }

    /** True when {@code a} comes after {@code b}, even across the wrap from 2^32-1 to 0. */
    public static boolean after(int a, int b) {
        return a - b > 0;
    }

    public static boolean before(int a, int b) {
        return a - b < 0;
    }

    /** How far {@code a} is ahead of {@code b} (negative when behind). */
    public static int distance(int a, int b) {
        return a - b;
    }
}
