package ocm.server.cluster;

/**
 * The Lua scripts the cluster runs in Redis, each atomic. Every room's keys share the hash tag
 * {@code {room}} ({@link Keys}), so in a Redis Cluster a room's script runs on one shard.
 * {@code emit} (in every room script) is how anything reaches the room's nodes: it takes the
 * room's next item seq (never below the caller's high-water mark, so a Redis that lost its data
 * does not go back), adds the item to the room's stream (trimmed to the history length) under
 * that seq as its stream id, and publishes it on the room's channel.
 */
final class Scripts {
    private Scripts() {
    }

    /** KEYS[1] room hash, KEYS[2] log stream; emit(item, seqHw, maxlen, channel). */
    private static final String EMIT = """
            local function emit(item, seqHw, maxlen, channel)
              local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
              if seq <= seqHw then
                seq = seqHw + 1
                redis.call('HSET', KEYS[1], 'seq', seq)
              end
              item['s'] = seq
              local payload = cjson.encode(item)
              redis.call('XADD', KEYS[2], 'MAXLEN', '~', maxlen, seq .. '-1', 'p', payload)
              redis.call('PUBLISH', channel, payload)
              return seq
            end
            """;

    /**
     * A chat. KEYS: room, log, seqs. ARGV: sender, senderSeq (-1: none), action (0/1), text, ts,
     * seqHw, msgHw, maxlen, channel, node. Returns the message id, or 0 for a duplicate.
     */
    static final String CHAT = EMIT + """
            local seqNo = tonumber(ARGV[2])
            if seqNo >= 0 then
              local last = redis.call('HGET', KEYS[3], ARGV[1])
              if last then
                local d = (seqNo - tonumber(last)) % 4294967296
                if d == 0 or d >= 2147483648 then return 0 end
              end
              redis.call('HSET', KEYS[3], ARGV[1], ARGV[2])
            end
            local id = redis.call('HINCRBY', KEYS[1], 'msg', 1)
            local hw = tonumber(ARGV[7])
            if id <= hw then
              id = hw + 1
              redis.call('HSET', KEYS[1], 'msg', id)
            end
            emit({t='c', i=id, n=ARGV[1], q=seqNo, a=tonumber(ARGV[3]), x=ARGV[4], ts=tonumber(ARGV[5]), o=ARGV[10]},
                 tonumber(ARGV[6]), ARGV[8], ARGV[9])
            return id
            """;

    /**
     * A new room with its host. KEYS: room, members, rooms set, node's rooms. ARGV: room, host,
     * password ("" for none), created, node, member value. 1 made, 0 exists.
     */
    static final String CREATE = """
            if redis.call('HEXISTS', KEYS[1], 'host') == 1 then return 0 end
            redis.call('HSET', KEYS[1], 'host', ARGV[2], 'pw', ARGV[3], 'created', ARGV[4], 'hostNode', ARGV[5])
            redis.call('DEL', KEYS[2])
            redis.call('HSET', KEYS[2], ARGV[2], ARGV[6])
            redis.call('SADD', KEYS[3], ARGV[1])
            redis.call('SADD', KEYS[4], ARGV[1])
            return 1
            """;

    /**
     * A join. KEYS: room, log, members, bans, node's rooms. ARGV: user, verified password ("" none),
     * max members, member value, maxlen, channel, node, protocol, room, seqHw. Returns OK or an
     * error word: NO_SUCH_ROOM, WRONG_PASSWORD, BANNED:reason, NAME_TAKEN, ROOM_FULL.
     */
    static final String JOIN = EMIT + """
            local pw = redis.call('HGET', KEYS[1], 'pw')
            if not pw or not redis.call('HGET', KEYS[1], 'host') then return 'NO_SUCH_ROOM' end
            if pw ~= ARGV[2] then return 'WRONG_PASSWORD' end
            local ban = redis.call('HGET', KEYS[4], ARGV[1])
            if ban then return 'BANNED:' .. ban end
            if redis.call('HLEN', KEYS[3]) >= tonumber(ARGV[3]) then return 'ROOM_FULL' end
            if redis.call('HSETNX', KEYS[3], ARGV[1], ARGV[4]) == 0 then return 'NAME_TAKEN' end
            redis.call('SADD', KEYS[5], ARGV[9])
            emit({t='j', n=ARGV[1], o=ARGV[7], p=tonumber(ARGV[8])}, tonumber(ARGV[10]), ARGV[5], ARGV[6])
            return 'OK'
            """;

    /**
     * A member of this node is gone. KEYS: room, log, members, seqs, bans. ARGV: user, reason,
     * message, maxlen, channel, node, seqHw. Nothing when the room or member is already gone.
     */
    static final String LEAVE = EMIT + """
            if redis.call('HDEL', KEYS[3], ARGV[1]) == 0 then return 0 end
            redis.call('HDEL', KEYS[4], ARGV[1])
            if ARGV[2] == 'BANNED' then redis.call('HSET', KEYS[5], ARGV[1], ARGV[3]) end
            emit({t='l', n=ARGV[1], r=ARGV[2], m=ARGV[3], o=ARGV[6]}, tonumber(ARGV[7]), ARGV[4], ARGV[5])
            return 1
            """;

    /**
     * Closes a room, once. KEYS: room, log, members, seqs, bans, rooms set. ARGV: room, reason,
     * message, maxlen, channel, node, seqHw. 0 when it was closed already.
     */
    static final String CLOSE = EMIT + """
            if redis.call('HEXISTS', KEYS[1], 'host') == 0 then return 0 end
            emit({t='x', r=ARGV[2], m=ARGV[3], o=ARGV[6]}, tonumber(ARGV[7]), ARGV[4], ARGV[5])
            redis.call('DEL', KEYS[1], KEYS[3], KEYS[4], KEYS[5])
            redis.call('PEXPIRE', KEYS[2], 60000)
            redis.call('SREM', KEYS[6], ARGV[1])
            return 1
            """;

    /**
     * An item for the room's nodes that changes nothing stored: a notice, or a request to the
     * node of a member. KEYS: room, log. ARGV: item JSON fields as pairs... kept simple: type,
     * name, reason, message, target node, maxlen, channel, node, seqHw.
     */
    static final String TELL = EMIT + """
            if redis.call('HEXISTS', KEYS[1], 'host') == 0 then return 0 end
            emit({t=ARGV[1], n=ARGV[2], r=ARGV[3], m=ARGV[4], to=ARGV[5], o=ARGV[8]}, tonumber(ARGV[9]), ARGV[6], ARGV[7])
            return 1
            """;

    /**
     * The room as a node that starts following it finds it. KEYS: room, members, log. ARGV:
     * history count. Returns {exists, host, pw, created, seq, msg, {members...}, {payloads...}}
     * (payloads oldest first).
     */
    static final String SNAPSHOT = """
            local r = redis.call('HMGET', KEYS[1], 'host', 'pw', 'created', 'seq', 'msg')
            if not r[1] then return {0} end
            local entries = {}
            local n = tonumber(ARGV[1])
            if n > 0 then
              local raw = redis.call('XREVRANGE', KEYS[3], '+', '-', 'COUNT', n)
              for i = #raw, 1, -1 do
                table.insert(entries, raw[i][2][2])
              end
            end
            return {1, r[1], r[2], r[3] or '0', r[4] or '0', r[5] or '0', redis.call('HGETALL', KEYS[2]), entries}
            """;

    /**
     * Removes the members of a dead node from one room; if its host was there, closes the room
     * (one close item). KEYS: room, log, members, seqs, bans, rooms set. ARGV: dead node, room,
     * maxlen, channel, janitor node, message. Returns how many members went.
     */
    static final String REAP = EMIT + """
            local host = redis.call('HGET', KEYS[1], 'host')
            if not host then return 0 end
            local all = redis.call('HGETALL', KEYS[3])
            local prefix = ARGV[1] .. '|'
            local gone = 0
            for i = 1, #all, 2 do
              if string.sub(all[i + 1], 1, #prefix) == prefix then
                if all[i] == host then
                  emit({t='x', r='HOST_TIMED_OUT', m=ARGV[6], o=ARGV[5]}, 0, ARGV[3], ARGV[4])
                  redis.call('DEL', KEYS[1], KEYS[3], KEYS[4], KEYS[5])
                  redis.call('PEXPIRE', KEYS[2], 60000)
                  redis.call('SREM', KEYS[6], ARGV[2])
                  return gone + 1
                end
              end
            end
            for i = 1, #all, 2 do
              if string.sub(all[i + 1], 1, #prefix) == prefix then
                redis.call('HDEL', KEYS[3], all[i])
                redis.call('HDEL', KEYS[4], all[i])
                emit({t='l', n=all[i], r='TIMED_OUT', m=ARGV[6], o=ARGV[5]}, 0, ARGV[3], ARGV[4])
                gone = gone + 1
              end
            end
            return gone
            """;

    /**
     * After Redis came back without its data: this node puts back the room and its own members.
     * KEYS: room, members, rooms set, node's rooms. ARGV: room, host, pw, created, hostNode,
     * seqHw, msgHw, then name/value pairs of members.
     */
    static final String REASSERT = """
            if redis.call('HEXISTS', KEYS[1], 'host') == 0 then
              redis.call('HSET', KEYS[1], 'host', ARGV[2], 'pw', ARGV[3], 'created', ARGV[4], 'hostNode', ARGV[5])
            end
            local seq = tonumber(redis.call('HGET', KEYS[1], 'seq') or '0')
            if seq < tonumber(ARGV[6]) then redis.call('HSET', KEYS[1], 'seq', ARGV[6]) end
            local msg = tonumber(redis.call('HGET', KEYS[1], 'msg') or '0')
            if msg < tonumber(ARGV[7]) then redis.call('HSET', KEYS[1], 'msg', ARGV[7]) end
            for i = 8, #ARGV, 2 do
              redis.call('HSETNX', KEYS[2], ARGV[i], ARGV[i + 1])
            end
            redis.call('SADD', KEYS[3], ARGV[1])
            redis.call('SADD', KEYS[4], ARGV[1])
            return 1
            """;

    /**
     * Every room, for a room list and {@code /rooms}. KEYS: rooms set. Returns flat groups of
     * {@link #LIST_FIELDS}: name, host, locked (1/0), members, created, last message id. Reads the
     * rooms' own keys by name, so unlike the others it is for a single Redis (a Redis Cluster would
     * read them room by room).
     */
    static final String LIST = """
            local out = {}
            for _, name in ipairs(redis.call('SMEMBERS', KEYS[1])) do
              local tag = 'ocm:{' .. name .. '}:'
              local r = redis.call('HMGET', tag .. 'room', 'host', 'pw', 'created', 'msg')
              if r[1] then
                table.insert(out, name)
                table.insert(out, r[1])
                table.insert(out, (r[2] ~= '' and r[2]) and '1' or '0')
                table.insert(out, tostring(redis.call('HLEN', tag .. 'members')))
                table.insert(out, r[3] or '0')
                table.insert(out, r[4] or '0')
              end
            end
            return out
            """;
    static final int LIST_FIELDS = 6;

    /**
     * Members of one room (ARGV[1]) or of all (""), for {@code /users}. KEYS: rooms set. Returns
     * flat groups of room, name, member value, host (1/0). Single Redis, as {@link #LIST}.
     */
    static final String USERS = """
            local names = {}
            if ARGV[1] ~= '' then names = {ARGV[1]} else names = redis.call('SMEMBERS', KEYS[1]) end
            local out = {}
            for _, name in ipairs(names) do
              local tag = 'ocm:{' .. name .. '}:'
              local host = redis.call('HGET', tag .. 'room', 'host')
              if host then
                local all = redis.call('HGETALL', tag .. 'members')
                for i = 1, #all, 2 do
                  table.insert(out, name)
                  table.insert(out, all[i])
                  table.insert(out, all[i + 1])
                  table.insert(out, all[i] == host and '1' or '0')
                end
              end
            end
            return out
            """;

    /** The janitor's lease: KEYS[1] lease key, ARGV node, ttl ms. 1 when this node holds it. */
    static final String LEASE = """
            local holder = redis.call('GET', KEYS[1])
            if holder == ARGV[1] then
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
              return 1
            end
            if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
            return 0
            """;
}
