package ocm.server.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The connection table's caps and eviction order, with plain stand-ins for connections (no sockets). */
class OpenConnectionsTest {
    /** A connection as the table sees it. */
    private static final class Conn implements OpenConnections.Entry {
        final String ip;
        final long deadline;
        boolean answering;

        Conn(String ip, long deadline) {
            this.ip = ip;
            this.deadline = deadline;
        }

        @Override
        public String ip() {
            return ip;
        }

        @Override
        public long deadline() {
            return deadline;
        }

        @Override
        public boolean beingAnswered() {
            return answering;
        }
    }

    private static Conn admit(OpenConnections<Conn> open, String ip, long deadline) {
        OpenConnections.Verdict<Conn> v = open.makeRoom(ip);
        assertTrue(v.admitted(), "room for " + ip);
        Conn c = new Conn(ip, deadline);
        open.add(c);
        return c;
    }

    @Test
    void belowTheCapsEveryoneIsAdmittedAndNoOneEvicted() {
        OpenConnections<Conn> open = new OpenConnections<>(3, 3);
        admit(open, "10.0.0.1", 100);
        admit(open, "10.0.0.1", 101);
        OpenConnections.Verdict<Conn> v = open.makeRoom("10.0.0.1");
        assertTrue(v.admitted());
        assertEquals(List.of(), v.evicted());
        assertEquals(2, open.size());
    }

    @Test
    void aFullTableEvictsTheOldestConnectionStillSending() {
        OpenConnections<Conn> open = new OpenConnections<>(3, 10);
        Conn answered = admit(open, "10.0.0.1", 100);
        Conn sending = admit(open, "10.0.0.2", 101);
        Conn newer = admit(open, "10.0.0.3", 102);
        answered.answering = true;

        OpenConnections.Verdict<Conn> v = open.makeRoom("10.0.0.4");

        assertTrue(v.admitted());
        assertEquals(List.of(sending), v.evicted(), "the oldest is being answered, so the next oldest goes");
        assertEquals(2, open.size());
        assertEquals(0, open.ofIp("10.0.0.2"));
        assertEquals(List.of(answered, newer), open.snapshot());
        assertFalse(open.remove(sending), "an evicted connection is already out of the table");
    }

    @Test
    void aFullTableWhereEveryoneIsBeingAnsweredRefusesTheNewOne() {
        OpenConnections<Conn> open = new OpenConnections<>(2, 10);
        admit(open, "10.0.0.1", 100).answering = true;
        admit(open, "10.0.0.2", 101).answering = true;

        OpenConnections.Verdict<Conn> v = open.makeRoom("10.0.0.3");

        assertFalse(v.admitted());
        assertEquals(List.of(), v.evicted());
        assertEquals(2, open.size());
    }

    @Test
    void thePerIpCapEvictsThatIpsOldestStillSendingNotAnOlderOneOfAnotherIp() {
        OpenConnections<Conn> open = new OpenConnections<>(10, 2);
        Conn other = admit(open, "10.0.0.9", 100);
        Conn first = admit(open, "10.0.0.1", 101);
        Conn second = admit(open, "10.0.0.1", 102);

        OpenConnections.Verdict<Conn> v = open.makeRoom("10.0.0.1");

        assertTrue(v.admitted());
        assertEquals(List.of(first), v.evicted());
        assertEquals(List.of(other, second), open.snapshot());
        assertEquals(1, open.ofIp("10.0.0.1"));
    }

    @Test
    void anIpAtItsCapWithEveryConnectionAnsweredIsRefusedWhileOthersStillGetIn() {
        OpenConnections<Conn> open = new OpenConnections<>(10, 2);
        admit(open, "10.0.0.1", 100).answering = true;
        admit(open, "10.0.0.1", 101).answering = true;

        OpenConnections.Verdict<Conn> v = open.makeRoom("10.0.0.1");
        assertFalse(v.admitted());
        assertEquals(List.of(), v.evicted());
        assertTrue(open.makeRoom("10.0.0.2").admitted(), "the cap is per IP");
    }

    @Test
    void countsGoBackDownOnCloseAndAnIpWithNoneIsForgotten() {
        OpenConnections<Conn> open = new OpenConnections<>(2, 2);
        Conn a = admit(open, "10.0.0.1", 100);
        Conn b = admit(open, "10.0.0.1", 101);
        assertFalse(open.makeRoom("10.0.0.3").evicted().isEmpty(), "full: someone had to go");
        // a was evicted above; close b the ordinary way.
        assertTrue(open.remove(b));
        assertFalse(open.remove(b), "closing twice counts once");
        assertFalse(open.remove(a));
        assertEquals(0, open.size());
        assertEquals(0, open.ofIp("10.0.0.1"));
        assertEquals(0, open.ips());
        admit(open, "10.0.0.1", 200);
        admit(open, "10.0.0.1", 201);
        assertEquals(2, open.size(), "a closed connection's place is free again");
    }

    @Test
    void theOldestDeadlineComesFirst() {
        OpenConnections<Conn> open = new OpenConnections<>(10, 10);
        assertEquals(1000, open.millisToNextDeadline(50, 1000), "nothing open: the idle wait");
        assertNull(open.dueBy(Long.MAX_VALUE));
        Conn first = admit(open, "10.0.0.1", 100);
        admit(open, "10.0.0.2", 200);
        assertEquals(40, open.millisToNextDeadline(60, 1000));
        assertEquals(1, open.millisToNextDeadline(150, 1000), "an overdue deadline waits at least 1 ms, never 0 (forever)");
        assertNull(open.dueBy(99));
        assertSame(first, open.dueBy(100));
        open.remove(first);
        assertNull(open.dueBy(150));
    }
}
