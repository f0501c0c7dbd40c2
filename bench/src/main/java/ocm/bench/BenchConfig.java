package ocm.bench;

/** A validated bench run: the shape of the load and how long to apply it. */
record BenchConfig(ProtocolVersion protocol, int rooms, int members, int senders, double rate,
                   double durationSeconds, double warmupSeconds, int payloadSize, int threads, boolean findMax,
                   int idleRooms, int idleMembers) {
    static final int MAX_MEMBERS_TOTAL = 50_000;

    BenchConfig {
        require(rooms >= 1, "--rooms must be at least 1, got " + rooms);
        require(members >= 2, "--members must be at least 2 (a sender needs someone to deliver to), got " + members);
        require(senders >= 1 && senders <= members, "--senders must be 1.." + members + " (the members per room), got " + senders);
        require(idleRooms >= 0, "--idle-rooms must be >= 0, got " + idleRooms);
        require(idleMembers >= 1, "--idle-members must be at least 1, got " + idleMembers);
        long total = (long) rooms * members + (long) idleRooms * idleMembers;
        require(total <= MAX_MEMBERS_TOTAL, "--rooms x --members (+ --idle-rooms x --idle-members) is " + total
                + ", the limit is " + MAX_MEMBERS_TOTAL);
        require(rate > 0 && rate <= 10_000_000 && Double.isFinite(rate), "--rate must be > 0 and at most 10000000 messages/s, got " + rate);
        require(durationSeconds > 0 && durationSeconds <= 3600, "--duration must be > 0 and at most 3600 seconds, got " + durationSeconds);
        require(warmupSeconds >= 0 && warmupSeconds <= 600, "--warmup must be 0..600 seconds, got " + warmupSeconds);
        require(payloadSize >= Payload.MIN_SIZE && payloadSize <= ocm.protocol.Limits.MAX_TEXT_BYTES,
                "--size must be " + Payload.MIN_SIZE + ".." + ocm.protocol.Limits.MAX_TEXT_BYTES + " bytes, got " + payloadSize);
        require(threads >= 1 && threads <= 16, "--threads must be 1..16, got " + threads);
    }

    /** Every member, the idle rooms' included. */
    int totalMembers() {
        return rooms * members + idleRooms * idleMembers;
    }

    int totalSenders() {
        return rooms * senders;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
