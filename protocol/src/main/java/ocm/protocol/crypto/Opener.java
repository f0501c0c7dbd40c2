package ocm.protocol.crypto;

import static ocm.protocol.crypto.SealedDatagramException.Reason.BAD_TAG;
import static ocm.protocol.crypto.SealedDatagramException.Reason.KEYS_DISCARDED;
import static ocm.protocol.crypto.SealedDatagramException.Reason.MALFORMED;
import static ocm.protocol.crypto.SealedDatagramException.Reason.REPLAYED;
import static ocm.protocol.crypto.SealedDatagramException.Reason.TOO_OLD;
import static ocm.protocol.crypto.SealedDatagramException.Reason.WRONG_SESSION;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import ocm.protocol.Limits;

/**
 * Opens the datagrams of one session in one direction. Order, so that nothing unauthenticated
 * changes state: header checks, replay window check, one generation chosen by the phase bit
 * ({@link PhaseTracker}), the tag, and only then the packet number is marked seen and a key update
 * is taken. A datagram that fails changes nothing. Not thread-safe: one receiving thread.
 */
public final class Opener {
    private final long sessionId;
    private final Cipher cipher;
    private final byte[] nonce = new byte[TrafficSecret.IV_BYTES];
    private final ReplayWindow window;
    private final PhaseTracker phases;
    private AeadKeys previous;
    private AeadKeys current;
    private AeadKeys next;
    private long lastPacketNumber = -1;
    private boolean lastWasHighest;

    public Opener(TrafficSecret secret, long sessionId) {
        this(secret, sessionId, new ReplayWindow(), new PhaseTracker());
    }

    public Opener(TrafficSecret secret, long sessionId, ReplayWindow window, PhaseTracker phases) {
        this.sessionId = sessionId;
        this.cipher = Sealer.newCipher();
        this.window = window;
        this.phases = phases;
        this.current = new AeadKeys(secret);
        this.next = new AeadKeys(secret.next());
    }

    /**
     * Opens the datagram {@code in[off..off+len)} into {@code out[outOff..]} and returns the length of
     * the inner packets ({@code len - OVERHEAD}). In place works ({@code out == in},
     * {@code outOff == off + HEADER_BYTES}).
     */
    public int open(byte[] in, int off, int len, byte[] out, int outOff, long nowMillis) throws SealedDatagramException {
        checkShape(in, off, len);
        long pn = SealedHeader.packetNumber(in, off);
        checkFresh(pn);
        if (previous != null && phases.previousExpired(nowMillis)) {
            previous = null;
        }
        PhaseTracker.Keys which = phases.choose(SealedHeader.phase(in, off), pn, nowMillis);
        AeadKeys keys = keysFor(which, pn);
        int plainLen = len - SealedHeader.OVERHEAD;
        if (out.length - outOff < plainLen) {
            throw new IllegalArgumentException("output has " + (out.length - outOff) + " bytes, the inner packets need " + plainLen);
        }
        decrypt(keys, pn, in, off, len, out, outOff);
        long highestBefore = window.highest();
        window.markSeen(pn);
        lastPacketNumber = pn;
        lastWasHighest = pn > highestBefore;
        settle(which, pn, nowMillis);
        return plainLen;
    }

    private void checkShape(byte[] in, int off, int len) throws SealedDatagramException {
        if (len < SealedHeader.OVERHEAD) {
            throw new SealedDatagramException(MALFORMED, "sealed datagram of " + len + " bytes, the least is " + SealedHeader.OVERHEAD);
        }
        if (len > Limits.MAX_DATAGRAM) {
            throw new SealedDatagramException(MALFORMED, "datagram of " + len + " bytes, the limit is " + Limits.MAX_DATAGRAM);
        }
        if (!SealedHeader.isSealed(in, off, len) || !SealedHeader.knownForm(in, off)) {
            throw new SealedDatagramException(MALFORMED, String.format("not a sealed datagram (starts %02x %02x)", in[off], in[off + 1]));
        }
        long id = SealedHeader.sessionId(in, off);
        if (id != sessionId) {
            throw new SealedDatagramException(WRONG_SESSION, "datagram for session " + Long.toHexString(id)
                    + " given to session " + Long.toHexString(sessionId));
        }
    }

    private void checkFresh(long pn) throws SealedDatagramException {
        if (pn < 0) {
            throw new SealedDatagramException(MALFORMED, "packet number " + Long.toUnsignedString(pn) + " is over 2^63-1");
        }
        switch (window.check(pn)) {
            case DUPLICATE:
                throw new SealedDatagramException(REPLAYED, "packet " + pn + " was already received");
            case TOO_OLD:
                throw new SealedDatagramException(TOO_OLD, "packet " + pn + " is older than the replay window (highest " + window.highest() + ")");
            default:
                break;
        }
    }

    private AeadKeys keysFor(PhaseTracker.Keys which, long pn) throws SealedDatagramException {
        switch (which) {
            case CURRENT:
                return current;
            case NEXT:
                return next;
            case PREVIOUS:
                if (previous != null) {
                    return previous;
                }
                break;
            default:
                break;
        }
        throw new SealedDatagramException(KEYS_DISCARDED, "packet " + pn + " was sealed with keys already discarded");
    }

    private void decrypt(AeadKeys keys, long pn, byte[] in, int off, int len, byte[] out, int outOff) throws SealedDatagramException {
        try {
            cipher.init(Cipher.DECRYPT_MODE, keys.key, keys.nonce(pn, nonce));
            cipher.updateAAD(in, off, SealedHeader.HEADER_BYTES);
            cipher.doFinal(in, off + SealedHeader.HEADER_BYTES, len - SealedHeader.HEADER_BYTES, out, outOff);
        } catch (AEADBadTagException e) {
            throw new SealedDatagramException(BAD_TAG, "packet " + pn + " failed authentication (tampered, cut short, or other keys)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM refused to open: " + e.getMessage(), e);
        }
    }

    /** After a datagram authenticated: a next-generation one makes the sender's key update ours too. */
    private void settle(PhaseTracker.Keys which, long pn, long nowMillis) {
        if (which == PhaseTracker.Keys.NEXT) {
            phases.promoted(pn, nowMillis);
            previous = current;
            current = next;
            next = new AeadKeys(current.secret.next());
        } else if (which == PhaseTracker.Keys.CURRENT) {
            phases.openedCurrent(pn);
        }
    }

    /** The packet number of the last datagram opened, or -1. */
    public long lastPacketNumber() {
        return lastPacketNumber;
    }

    /**
     * True when the last datagram opened had the highest number so far: only such a datagram may
     * move the session to a new address (an old one replayed from elsewhere must not).
     */
    public boolean lastWasHighest() {
        return lastWasHighest;
    }

    /** The highest packet number opened so far, or -1. */
    public long highestPacketNumber() {
        return window.highest();
    }

    public long generation() {
        return phases.generation();
    }

    public long sessionId() {
        return sessionId;
    }
}
