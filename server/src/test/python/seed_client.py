#!/usr/bin/env python3
"""A scripted stand-in for the seed project's Python client, speaking its exact wire format.

TCRP: a 32-byte header [room len:1][op:1][state:1][0x00][payload size:28, big-endian], then the
room name and a JSON payload (the user name as a JSON string, quotes included). The server
answers twice on the same connection: state 1 {"success": ...}, then state 2 {"token": ...}.
UCRP: client -> server [room len:1][token len:1][room][token][text], server -> client
[sender len:1][sender][text], or the bare bytes __ROOM_CLOSED__.

Usage: seed_client.py TCP_PORT UDP_PORT ROOM
Runs create, join, chat both ways, leave, then a host leave, and prints OK or FAIL: why.
"""
import json
import socket
import sys

HOST = "127.0.0.1"
TIMEOUT = 10.0


def frame(room, op, state, payload_obj):
    room_bytes = room.encode("utf-8")
    body = json.dumps(payload_obj).encode("utf-8")
    size = len(body).to_bytes(28, "big")
    header = bytes([len(room_bytes), op, state, 0]) + size
    return header + room_bytes + body


def read_exact(sock, n):
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise ConnectionError("connection closed after %d of %d bytes" % (len(data), n))
        data += chunk
    return data


def read_frame(sock):
    header = read_exact(sock, 32)
    room_len, op, state = header[0], header[1], header[2]
    size = int.from_bytes(header[4:], "big")
    room = read_exact(sock, room_len).decode("utf-8")
    payload = read_exact(sock, size).decode("utf-8")
    return op, state, room, payload


def tcrp(tcp_port, op, room, user):
    """Returns the token, or None when refused (as the seed client decides)."""
    with socket.create_connection((HOST, tcp_port), timeout=TIMEOUT) as s:
        s.sendall(frame(room, op, 0, user))
        _, state, _, payload = read_frame(s)
        if state != 1 or not json.loads(payload).get("success", False):
            return None
        _, state, _, payload = read_frame(s)
        if state != 2:
            return None
        return json.loads(payload).get("token")


class Chat:
    def __init__(self, udp_port, room, token):
        self.server = (HOST, udp_port)
        self.room = room
        self.token = token
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind((HOST, 0))
        self.sock.settimeout(TIMEOUT)

    def send(self, text):
        r = self.room.encode("utf-8")
        t = self.token.encode("utf-8")
        self.sock.sendto(bytes([len(r), len(t)]) + r + t + text.encode("utf-8"), self.server)

    def receive(self):
        data, _ = self.sock.recvfrom(4096)
        if data == b"__ROOM_CLOSED__":
            return ("", "__ROOM_CLOSED__")
        n = data[0]
        return (data[1:1 + n].decode("utf-8"), data[1 + n:].decode("utf-8"))

    def expect(self, sender, text):
        """Waits for one message from sender, skipping server notices."""
        while True:
            got = self.receive()
            if got == (sender, text):
                return
            if got[0] != "*server*":
                raise AssertionError("expected %r from %r, got %r" % (text, sender, got))

    def close(self):
        self.sock.close()


def scenario(tcp_port, udp_port, room):
    host_token = tcrp(tcp_port, 1, room, "alice")
    assert host_token and host_token.startswith("token_"), "create refused: %r" % host_token
    bob_token = tcrp(tcp_port, 2, room, "bob")
    assert bob_token and bob_token != host_token, "join refused"
    assert tcrp(tcp_port, 2, room, "bob") is None, "a second 'bob' was admitted"

    alice = Chat(udp_port, room, host_token)
    bob = Chat(udp_port, room, bob_token)
    alice.send("__REGISTER__")
    bob.send("__REGISTER__")
    # Registration is not acknowledged in the seed protocol: retry the first line until it arrives.
    bob.sock.settimeout(0.3)
    for _ in range(30):
        alice.send("hello from alice")
        try:
            bob.expect("alice", "hello from alice")
            break
        except socket.timeout:
            continue
    else:
        raise AssertionError("bob never heard alice")
    bob.sock.settimeout(TIMEOUT)
    bob.send("hi alice, \u3053\u3093\u306b\u3061\u306f")
    alice.expect("bob", "hi alice, \u3053\u3093\u306b\u3061\u306f")

    bob.send("__LEAVE__")
    alice.expect("*server*", "bob left the room")

    carol_token = tcrp(tcp_port, 2, room, "carol")
    assert carol_token, "carol's join refused"
    carol = Chat(udp_port, room, carol_token)
    carol.send("__REGISTER__")
    carol.sock.settimeout(0.3)
    for _ in range(30):
        carol.send("carol here")
        try:
            alice.sock.settimeout(0.3)
            alice.expect("carol", "carol here")
            break
        except socket.timeout:
            continue
    else:
        raise AssertionError("alice never heard carol")
    carol.sock.settimeout(TIMEOUT)

    alice.send("__LEAVE__")
    while True:
        sender, text = carol.receive()
        if text == "__ROOM_CLOSED__":
            break
        assert sender == "*server*" or sender == "alice", "unexpected %r" % ((sender, text),)
    for c in (alice, bob, carol):
        c.close()
    assert tcrp(tcp_port, 2, room, "dave") is None, "the room still exists after the host left"


def main():
    if len(sys.argv) != 4:
        print("usage: seed_client.py TCP_PORT UDP_PORT ROOM", file=sys.stderr)
        return 2
    try:
        scenario(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3])
    except Exception as e:  # report, do not trace: the JUnit test shows this line
        print("FAIL: %s: %s" % (type(e).__name__, e))
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
