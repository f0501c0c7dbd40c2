package ocm.bench.jmh;

import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import ocm.protocol.crypto.Direction;
import ocm.protocol.crypto.Opener;
import ocm.protocol.crypto.SealedDatagramException;
import ocm.protocol.crypto.SealedHeader;
import ocm.protocol.crypto.Sealer;
import ocm.protocol.crypto.SessionKeys;
import ocm.protocol.crypto.TrafficSecret;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of sealing and opening one v2 datagram (AES-128-GCM, ocm.protocol.crypto), by size of
 * the inner packets. An opener takes each packet number once, so {@code open} runs over 2048
 * datagrams sealed in advance; {@code sealThenOpen} does both in turn, as a relay does, and
 * {@code gcmDecrypt} is the bare JCA decryption inside {@code open}. docs/SECURITY.md has the command.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SealBenchmark {
    private static final long SESSION = 0x1122334455667788L;
    private static final int BATCH = 2048;

    @Param({"100", "1000", "4000"})
    int size;

    private byte[] plain;
    private final byte[] sealed = new byte[4096];
    private final byte[] opened = new byte[4096];
    private Sealer sealer;
    private Opener opener;
    private Cipher decrypt;
    private SecretKeySpec key;
    private GCMParameterSpec nonce;
    private byte[] fixedSealed;
    /** Datagrams sealed in advance for {@link #open}: an opener takes each number once. */
    private byte[][] batch;
    private int nextInBatch;
    private TrafficSecret secret;

    @Setup(Level.Trial)
    public void setUp() {
        secret = SessionKeys.derive(new byte[32], SESSION).secret(Direction.CLIENT_TO_SERVER);
        plain = new byte[size];
        sealer = new Sealer(secret, SESSION);
        opener = new Opener(secret, SESSION);
        Sealer once = new Sealer(secret, SESSION);
        fixedSealed = new byte[size + SealedHeader.OVERHEAD];
        once.seal(plain, 0, size, fixedSealed, 0);
        Sealer batchSealer = new Sealer(secret, SESSION);
        batch = new byte[BATCH][size + SealedHeader.OVERHEAD];
        for (byte[] d : batch) {
            batchSealer.seal(plain, 0, size, d, 0);
        }
        try {
            decrypt = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        key = new SecretKeySpec(secret.key(), "AES");
        nonce = new GCMParameterSpec(128, secret.iv()); // packet number 0: the IV itself
    }

    @Benchmark
    public int seal() {
        return sealer.seal(plain, 0, size, sealed, 0);
    }

    /** Opens the pre-sealed datagrams in order; a new opener (its cost spread over 2048) at the end. */
    @Benchmark
    public int open() throws SealedDatagramException {
        if (nextInBatch == BATCH) {
            opener = new Opener(secret, SESSION);
            nextInBatch = 0;
        }
        byte[] d = batch[nextInBatch++];
        return opener.open(d, 0, d.length, opened, 0, 0);
    }

    @Benchmark
    public int sealThenOpen() throws SealedDatagramException {
        int n = sealer.seal(plain, 0, size, sealed, 0);
        return opener.open(sealed, 0, n, opened, 0, 0);
    }

    @Benchmark
    public int gcmDecrypt() throws java.security.GeneralSecurityException {
        decrypt.init(Cipher.DECRYPT_MODE, key, nonce);
        decrypt.updateAAD(fixedSealed, 0, SealedHeader.HEADER_BYTES);
        return decrypt.doFinal(fixedSealed, SealedHeader.HEADER_BYTES, fixedSealed.length - SealedHeader.HEADER_BYTES, opened, 0);
    }
}
