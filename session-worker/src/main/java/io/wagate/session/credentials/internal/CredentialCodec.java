package io.wagate.session.credentials.internal;

import io.wagate.engine.crypto.KeyPair;
import io.wagate.engine.store.Credentials;
import io.wagate.engine.store.LinkedAccount;
import io.wagate.engine.store.PreKey;
import io.wagate.engine.store.SignedPreKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/**
 * A compact, versioned binary form of the engine's credential records (the plaintext that gets sealed). Binary
 * rather than JSON so that no general-purpose serializer, and none of its logging, ever sees a private key.
 */
public final class CredentialCodec {

    private static final int VERSION = 1;

    private CredentialCodec() {
    }

    public static byte[] encode(Credentials credentials) {
        return write(out -> {
            out.writeByte(VERSION);
            writeKeyPair(out, credentials.noiseKey());
            writeKeyPair(out, credentials.identityKey());
            SignedPreKey signed = credentials.signedPreKey();
            out.writeInt(signed.id());
            writeKeyPair(out, signed.keyPair());
            writeBytes(out, signed.signature());
            out.writeInt(credentials.registrationId());
            writeBytes(out, credentials.advSecret());
            LinkedAccount account = credentials.account();
            out.writeBoolean(account != null);
            if (account != null) {
                out.writeUTF(account.jid());
                writeText(out, account.lid());
                writeBytes(out, account.signedDeviceIdentity());
                writeBytes(out, account.primaryIdentityKey());
                out.writeInt(account.keyIndex());
                writeText(out, account.platform());
                writeText(out, account.businessName());
            }
            writeText(out, credentials.pushName());
            out.writeInt(credentials.nextPreKeyId());
        });
    }

    public static Credentials decode(byte[] bytes) {
        return read(bytes, in -> {
            requireVersion(in);
            KeyPair noise = readKeyPair(in);
            KeyPair identity = readKeyPair(in);
            SignedPreKey signed = new SignedPreKey(in.readInt(), readKeyPair(in), readBytes(in));
            int registrationId = in.readInt();
            byte[] advSecret = readBytes(in);
            LinkedAccount account = in.readBoolean()
                    ? new LinkedAccount(in.readUTF(), readText(in), readBytes(in), readBytes(in), in.readInt(),
                            readText(in), readText(in))
                    : null;
            return new Credentials(noise, identity, signed, registrationId, advSecret, account, readText(in),
                    in.readInt());
        });
    }

    public static byte[] encode(PreKey preKey) {
        return write(out -> {
            out.writeByte(VERSION);
            out.writeInt(preKey.id());
            writeKeyPair(out, preKey.keyPair());
        });
    }

    public static PreKey decodePreKey(byte[] bytes) {
        return read(bytes, in -> {
            requireVersion(in);
            return new PreKey(in.readInt(), readKeyPair(in));
        });
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static <T> T read(byte[] bytes, Reader<T> reader) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return reader.read(in);
        } catch (IOException e) {
            throw new IllegalStateException("Stored credentials are truncated or malformed", e);
        }
    }

    private static void requireVersion(DataInputStream in) throws IOException {
        int version = in.readUnsignedByte();
        if (version != VERSION) {
            throw new IllegalStateException("Unknown credential encoding version " + version);
        }
    }

    private static void writeKeyPair(DataOutputStream out, KeyPair pair) throws IOException {
        writeBytes(out, pair.publicKey());
        writeBytes(out, pair.privateKey());
    }

    private static KeyPair readKeyPair(DataInputStream in) throws IOException {
        return KeyPair.of(readBytes(in), readBytes(in));
    }

    private static void writeBytes(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 1 << 20) {
            throw new IOException("implausible field length " + length);
        }
        return in.readNBytes(length);
    }

    private static void writeText(DataOutputStream out, @Nullable String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static @Nullable String readText(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
