package io.wagate.testsupport;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The Ed25519 key pair that stands for the gateway's internal-identity key in tests: one per test JVM. Spring test
 * contexts get both halves as {@code wagate.identity.public-key} / {@code private-key}; tests mint tokens with the
 * private half.
 */
public final class TestIdentityKeys {

    private static final KeyPair PAIR = generate();

    private TestIdentityKeys() {
    }

    public static String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(PAIR.getPublic().getEncoded());
    }

    public static String privateKeyBase64() {
        return Base64.getEncoder().encodeToString(PAIR.getPrivate().getEncoded());
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
