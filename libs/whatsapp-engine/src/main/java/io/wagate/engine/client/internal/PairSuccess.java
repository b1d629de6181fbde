package io.wagate.engine.client.internal;

import io.wagate.engine.binary.Node;
import io.wagate.engine.login.DeviceIdentity;
import io.wagate.engine.login.PairingException;
import io.wagate.engine.proto.ADVSignedDeviceIdentity;
import io.wagate.engine.store.Credentials;
import io.wagate.engine.store.LinkedAccount;
import java.util.Map;

/** Checks the phone's pair-success and prepares what we keep (the account) and what we answer (pair-device-sign). */
final class PairSuccess {

    private PairSuccess() {
    }

    record Accepted(LinkedAccount account, Node reply) {
    }

    /**
     * Verifies HMAC and account signature, adds our device signature.
     *
     * @throws PairingException with the error code and text to answer the server with
     */
    static Accepted accept(String iqId, Node pairSuccess, Credentials credentials) throws PairingException {
        byte[] identity = pairSuccess.child("device-identity").map(Node::contentBytes).orElse(null);
        Node device = pairSuccess.child("device").orElse(Node.of("device"));
        String jid = device.attribute("jid");
        if (jid == null || identity == null || identity.length == 0) {
            throw new PairingException(500, "internal-error", "pair-success without device jid or identity");
        }
        DeviceIdentity.Verified verified = DeviceIdentity.verify(identity, credentials.advSecret(),
                credentials.identityKey().publicKey());
        ADVSignedDeviceIdentity countersigned = DeviceIdentity.countersign(verified.signedIdentity(),
                credentials.identityKey());
        int keyIndex = verified.details().getKeyIndex();
        LinkedAccount account = new LinkedAccount(jid, device.attribute("lid"), countersigned.toByteArray(),
                countersigned.getAccountSignatureKey().toByteArray(), keyIndex,
                pairSuccess.child("platform").map(node -> node.attribute("name")).orElse(null),
                pairSuccess.child("biz").map(node -> node.attribute("name")).orElse(null));
        Node sign = Node.builder("pair-device-sign").child(Node.of("device-identity",
                Map.of("key-index", Integer.toString(keyIndex)),
                DeviceIdentity.forPairDeviceSign(countersigned).toByteArray())).build();
        Node reply = Node.builder("iq").attribute("to", Stanzas.SERVER).attribute("type", "result")
                .attribute("id", iqId).child(sign).build();
        return new Accepted(account, reply);
    }
}
