package ocm.server.udp;

import java.net.InetSocketAddress;
import ocm.server.room.Member;

/**
 * The rule that keeps registers from reflecting traffic at a third party: a register must come
 * from the IP that obtained the token over TCP. TCP cannot be spoofed without seeing the
 * handshake, and a NAT keeps one public address for both, so only the real client (or someone on
 * its own address) can pass. Members restored from the state file have no TCP IP; their saved
 * address stands for it.
 */
final class SourceIp {
    private SourceIp() {
    }

    static boolean allowed(Member m, InetSocketAddress from) {
        String ip = m.clientIp();
        if (ip == null && m.address() != null && m.address().getAddress() != null) {
            ip = m.address().getAddress().getHostAddress();
        }
        return ip == null || (from.getAddress() != null && ip.equals(from.getAddress().getHostAddress()));
    }
}
