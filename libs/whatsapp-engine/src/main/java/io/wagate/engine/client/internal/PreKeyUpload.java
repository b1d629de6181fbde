package io.wagate.engine.client.internal;

import io.wagate.engine.binary.Node;
import io.wagate.engine.crypto.KeyPair;
import io.wagate.engine.store.Credentials;
import io.wagate.engine.store.PreKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Generates one-time prekeys and builds the {@code encrypt} upload iq that publishes them with the signed prekey. */
final class PreKeyUpload {

    private PreKeyUpload() {
    }

    /** Keys with ids from {@code firstId}, wrapping inside the 24-bit id space (id 0 is never used). */
    static List<PreKey> generate(int firstId, int count) {
        List<PreKey> keys = new ArrayList<>(count);
        int id = firstId;
        for (int i = 0; i < count; i++) {
            if (id > PreKey.MAX_ID) {
                id = 1;
            }
            keys.add(new PreKey(id++, KeyPair.generate()));
        }
        return keys;
    }

    static int nextIdAfter(List<PreKey> keys) {
        int last = keys.getLast().id();
        return last >= PreKey.MAX_ID ? 1 : last + 1;
    }

    static Node stanza(String id, Credentials credentials, List<PreKey> keys) {
        List<Node> list = new ArrayList<>(keys.size());
        for (PreKey key : keys) {
            list.add(Node.of("key", Map.of(), List.of(
                    Stanzas.bytes("id", bigEndian(key.id(), 3)),
                    Stanzas.bytes("value", key.keyPair().publicKey()))));
        }
        Node signed = Node.of("skey", Map.of(), List.of(
                Stanzas.bytes("id", bigEndian(credentials.signedPreKey().id(), 3)),
                Stanzas.bytes("value", credentials.signedPreKey().keyPair().publicKey()),
                Stanzas.bytes("signature", credentials.signedPreKey().signature())));
        return Node.builder("iq").attribute("id", id).attribute("xmlns", "encrypt").attribute("type", "set")
                .attribute("to", Stanzas.SERVER)
                .child(Stanzas.bytes("registration", bigEndian(credentials.registrationId(), 4)))
                .child(Stanzas.bytes("type", new byte[] {5}))
                .child(Stanzas.bytes("identity", credentials.identityKey().publicKey()))
                .child(Node.of("list", Map.of(), list))
                .child(signed)
                .build();
    }

    static byte[] bigEndian(int value, int length) {
        byte[] bytes = new byte[length];
        for (int i = length - 1; i >= 0; i--) {
            bytes[i] = (byte) value;
            value >>>= 8;
        }
        return bytes;
    }
}
