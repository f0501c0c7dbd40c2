package ocm.protocol.crypto;

import java.security.GeneralSecurityException;

/**
 * The JDK lacks an algorithm every Java 17 runtime must have (HmacSHA256, AES/GCM, Ed25519, SHA-256).
 * Not something a peer can cause: it means a broken runtime, so it is unchecked.
 */
public final class CryptoUnavailableException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public CryptoUnavailableException(String algorithm, GeneralSecurityException cause) {
        super("this Java runtime cannot do " + algorithm + ": " + cause.getMessage(), cause);
    }
}
