package ocm.protocol.crypto;

import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** One generation's AES-128 key and IV, ready for a {@link javax.crypto.Cipher}; made once per key update. */
final class AeadKeys {
    static final String TRANSFORMATION = "AES/GCM/NoPadding";
    static final int TAG_BITS = SealedHeader.TAG_BYTES * 8;

    final TrafficSecret secret;
    final SecretKeySpec key;
    private final byte[] iv;

    AeadKeys(TrafficSecret secret) {
        this.secret = secret;
        this.key = new SecretKeySpec(secret.key(), "AES");
        this.iv = secret.iv();
    }

    /**
     * The nonce for a packet number: the IV with the number, big-endian, xored into its last 8
     * bytes (as TLS 1.3 and QUIC). Written into {@code scratch}; GCMParameterSpec copies it.
     */
    GCMParameterSpec nonce(long packetNumber, byte[] scratch) {
        System.arraycopy(iv, 0, scratch, 0, TrafficSecret.IV_BYTES);
        for (int i = 0; i < 8; i++) {
            scratch[TrafficSecret.IV_BYTES - 1 - i] ^= (byte) (packetNumber >>> (8 * i));
        }
        return new GCMParameterSpec(TAG_BITS, scratch);
    }
}
