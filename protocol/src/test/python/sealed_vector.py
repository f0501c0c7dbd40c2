#!/usr/bin/env python3
"""Recomputes the golden vectors of SessionKeysTest and SealerTest with an independent
implementation (pyca/cryptography), so the Java code is checked against more than itself.

Run: python3 protocol/src/test/python/sealed_vector.py   (needs the 'cryptography' package)
"""
import hashlib
import hmac

from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def extract(salt, ikm):
    return hmac.new(salt or bytes(32), ikm, hashlib.sha256).digest()


def expand(prk, info, n):
    out, t, i = b"", b"", 1
    while len(out) < n:
        t = hmac.new(prk, t + info + bytes([i]), hashlib.sha256).digest()
        out += t
        i += 1
    return out[:n]


SECRET = bytes(range(32))
SESSION = 0x0102030405060708
PN = 0x0000000100000002
INNER = bytes.fromhex("02 00 07 00 00 00 01 00 68 69")  # CHAT seq 1 "hi"

prk = extract(SESSION.to_bytes(8, "big"), SECRET)
secrets = {"c2s": expand(prk, b"ocm1 c2s", 32), "s2c": expand(prk, b"ocm1 s2c", 32)}
for name, s in secrets.items():
    print(name, "secret  ", s.hex())
    print(name, "key     ", expand(s, b"ocm1 key", 16).hex())
    print(name, "iv      ", expand(s, b"ocm1 iv", 12).hex())
    s1 = expand(s, b"ocm1 ku", 32)
    print(name, "secret 1", s1.hex())
    print(name, "key 1   ", expand(s1, b"ocm1 key", 16).hex())
    print(name, "iv 1    ", expand(s1, b"ocm1 iv", 12).hex())


def seal(secret, phase):
    key, iv = expand(secret, b"ocm1 key", 16), expand(secret, b"ocm1 iv", 12)
    nonce = (int.from_bytes(iv, "big") ^ PN).to_bytes(12, "big")
    header = bytes([0x00, 0x80 | phase]) + SESSION.to_bytes(8, "big") + PN.to_bytes(8, "big")
    return header + AESGCM(key).encrypt(nonce, INNER, header)


print("sealed c2s gen 0", seal(secrets["c2s"], 0).hex(" "))
print("sealed c2s gen 1", seal(expand(secrets["c2s"], b"ocm1 ku", 32), 1).hex(" "))

# AdmissionTranscriptTest: RFC 8032 test 1's key signs a transcript (Ed25519 is deterministic).
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(
    "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"))
room, name = "lobby".encode(), "alice".encode()
transcript = (bytes([16]) + b"ocm1 admission\0\0" + bytes([32]) + bytes([0x11] * 32)
              + bytes([32]) + bytes([0x22] * 32) + bytes([2])
              + bytes([len(room)]) + room + bytes([len(name)]) + name)
print("transcript", transcript.hex())
print("signature ", key.sign(transcript).hex())
