package io.wagate.sandbox.support;

import com.google.protobuf.InvalidProtocolBufferException;
import io.wagate.engine.login.DeviceIdentity;
import io.wagate.engine.proto.ADVSignedDeviceIdentity;
import io.wagate.engine.store.Credentials;
import io.wagate.engine.store.InMemoryCredentialStore;
import io.wagate.engine.store.LinkedAccount;
import io.wagate.sandbox.SandboxServer;
import io.wagate.sandbox.phone.Phone;
import io.wagate.sandbox.phone.PhoneRegistry;
import java.util.Base64;
import java.util.Map;

/** Creates linked credentials in-process, as if the QR had been scanned: both sides sign as in real pairing. */
public final class Provisioning {

    private Provisioning() {
    }

    /**
     * A store holding credentials of a device linked to a new phone. {@code serverPreKeys} pretends an earlier
     * session uploaded that many one-time prekeys, so login does not upload again.
     */
    public static InMemoryCredentialStore linkedStore(SandboxServer sandbox, int serverPreKeys) {
        Phone phone = sandbox.phones().create(null, null);
        Credentials fresh = Credentials.fresh();
        PhoneRegistry.DirectLink link = sandbox.phones().linkDirectly(phone, fresh.noiseKey().publicKey(),
                fresh.identityKey().publicKey());
        link.device().preKeysUploaded(serverPreKeys);
        ADVSignedDeviceIdentity countersigned = DeviceIdentity.countersign(link.accountSignedIdentity(),
                fresh.identityKey());
        LinkedAccount account = new LinkedAccount(link.device().jid(), link.device().lid(),
                countersigned.toByteArray(), phone.accountKey().publicKey(), link.device().deviceId(), "android",
                null);
        return new InMemoryCredentialStore(fresh.withAccount(account));
    }

    /** The same through the HTTP API, for a sandbox in another process. */
    public static InMemoryCredentialStore linkedStore(SandboxApiClient api, int serverPreKeys) {
        String number = api.createPhone();
        Credentials fresh = Credentials.fresh();
        Base64.Encoder b64 = Base64.getEncoder();
        SandboxApiClient.Reply reply = api.post("/api/sandbox/phones/" + number + "/devices", Map.of(
                "noisePublicKey", b64.encodeToString(fresh.noiseKey().publicKey()),
                "identityPublicKey", b64.encodeToString(fresh.identityKey().publicKey()),
                "preKeys", serverPreKeys));
        if (reply.status() != 201) {
            throw new AssertionError("direct link failed: " + reply);
        }
        try {
            ADVSignedDeviceIdentity signed = ADVSignedDeviceIdentity.parseFrom(
                    Base64.getDecoder().decode(reply.body().get("accountSignedIdentity").asString()));
            ADVSignedDeviceIdentity countersigned = DeviceIdentity.countersign(signed, fresh.identityKey());
            LinkedAccount account = new LinkedAccount(reply.body().get("deviceJid").asString(),
                    reply.body().get("lid").asString(), countersigned.toByteArray(),
                    countersigned.getAccountSignatureKey().toByteArray(), reply.body().get("deviceId").asInt(),
                    "android", null);
            return new InMemoryCredentialStore(fresh.withAccount(account));
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("sandbox returned a malformed identity", e);
        }
    }
}
