package io.wagate.engine.client.internal;

import io.wagate.engine.binary.Node;
import io.wagate.engine.client.CompanionPlatform;
import io.wagate.engine.crypto.KeyPair;
import io.wagate.engine.crypto.PairingCodeCrypto;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One pairing-code attempt: the code, our ephemeral key and the two companion stanzas. Lives only as long as the
 * connection that asked for it; nothing here is persisted.
 */
final class PairingCodeRequest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String phone;
    private final String code = PairingCodeCrypto.generateCode();
    private final KeyPair ephemeral = KeyPair.generate();
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private boolean helloSent;
    private byte @Nullable [] ref;

    PairingCodeRequest(String phone) {
        this.phone = phone;
    }

    CompletableFuture<String> result() {
        return result;
    }

    boolean helloSent() {
        return helloSent;
    }

    /** The code as the user types it: {@code XXXX-XXXX}. */
    String displayCode() {
        return PairingCodeCrypto.formatForDisplay(code);
    }

    void referenceReceived(byte @Nullable [] value) {
        ref = value;
    }

    /** companion_hello: our ephemeral key wrapped with the code (PBKDF2 + AES-CTR), our Noise key, platform. */
    Node hello(byte[] noisePublicKey, CompanionPlatform platform) {
        helloSent = true;
        byte[] wrapped = PairingCodeCrypto.wrapEphemeralKey(code, ephemeral.publicKey(), RANDOM);
        return registration("companion_hello")
                .attribute("should_show_push_notification", "true")
                .child(Stanzas.bytes("link_code_pairing_wrapped_companion_ephemeral_pub", wrapped))
                .child(Stanzas.bytes("companion_server_auth_key_pub", noisePublicKey))
                .child(Node.of("companion_platform_id", Map.of(), platform.qrPlatformId()))
                .child(Node.of("companion_platform_display", Map.of(), platform.pairingDisplay()))
                .child(Stanzas.bytes("link_code_pairing_nonce", new byte[] {0}))
                .build();
    }

    /** What answering the phone's primary_hello produces: the companion_finish stanza and the new ADV secret. */
    record Finish(Node stanza, byte[] advSecret) {
    }

    /**
     * Answers the phone's hello: unwraps its ephemeral key with our code, encrypts the key bundle and derives the
     * ADV secret the phone will HMAC pair-success with.
     *
     * @throws IllegalArgumentException when the notification lacks a part or carries malformed keys
     */
    Finish answer(Node primaryHello, KeyPair identityKey) {
        byte[] wrappedPrimary = primaryHello.child("link_code_pairing_wrapped_primary_ephemeral_pub")
                .map(Node::contentBytes).orElse(null);
        byte[] primaryIdentity = primaryHello.child("primary_identity_pub").map(Node::contentBytes).orElse(null);
        byte[] reference = primaryHello.child("link_code_pairing_ref").map(Node::contentBytes).orElse(ref);
        if (wrappedPrimary == null || primaryIdentity == null || reference == null) {
            throw new IllegalArgumentException("incomplete link_code_companion_reg notification");
        }
        byte[] primaryEphemeral = PairingCodeCrypto.unwrapEphemeralKey(code, wrappedPrimary);
        PairingCodeCrypto.CompanionFinish finish = PairingCodeCrypto.companionFinish(ephemeral, primaryEphemeral,
                identityKey, primaryIdentity, RANDOM);
        Node stanza = registration("companion_finish")
                .child(Stanzas.bytes("link_code_pairing_wrapped_key_bundle", finish.wrappedKeyBundle()))
                .child(Stanzas.bytes("companion_identity_public", identityKey.publicKey()))
                .child(Stanzas.bytes("link_code_pairing_ref", reference))
                .build();
        return new Finish(stanza, finish.advSecret());
    }

    private Node.Builder registration(String stage) {
        return Node.builder("link_code_companion_reg")
                .attribute("jid", phone + "@" + Stanzas.SERVER)
                .attribute("stage", stage);
    }
}
