package io.wagate.engine.bench;

import io.wagate.engine.crypto.AesGcm;
import io.wagate.engine.noise.NoiseException;
import io.wagate.engine.noise.TransportCipher;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.AEADBadTagException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of post-handshake frame encryption and decryption. Decryption needs the sender's counter, so the
 * decrypt-only case opens one frame at a fixed counter with the same AES-GCM path the transport cipher uses, and the
 * round trip runs a real cipher pair in lockstep.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TransportCipherBenchmark {

    private static final byte[] NO_AAD = new byte[0];

    @Param({"1024", "65536"})
    public int payloadSize;

    private byte[] payload;
    private TransportCipher sender;
    private TransportCipher receiver;
    private AesGcm opener;
    private byte[] sealedAtZero;

    @Setup
    public void setUp() {
        var random = new Random(7);
        payload = new byte[payloadSize];
        random.nextBytes(payload);
        byte[] upKey = new byte[32];
        byte[] downKey = new byte[32];
        random.nextBytes(upKey);
        random.nextBytes(downKey);
        sender = TransportCipher.of(upKey, downKey);
        receiver = TransportCipher.of(downKey, upKey);
        opener = AesGcm.withKey(upKey);
        sealedAtZero = AesGcm.withKey(upKey).encrypt(0, payload, NO_AAD);
    }

    @Benchmark
    public byte[] encrypt() {
        return sender.encrypt(payload);
    }

    @Benchmark
    public byte[] decrypt() throws AEADBadTagException {
        return opener.decrypt(0, sealedAtZero, NO_AAD);
    }

    @Benchmark
    public byte[] encryptThenDecrypt() throws NoiseException {
        return receiver.decrypt(sender.encrypt(payload));
    }
}
