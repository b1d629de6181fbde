package io.wagate.support.identity;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/** Constants and key handling of the internal identity token. Keys travel as Base64 of their DER encoding. */
public final class InternalTokens {

    public static final String HEADER = "X-WaGate-Identity";
    /**
     * The token the gateway will send for the same identity next, announced ahead so that a service verifies it off
     * its request path. Read only from a request whose own token is valid; it authorizes nothing by itself.
     */
    public static final String NEXT_HEADER = "X-WaGate-Identity-Next";
    public static final String ISSUER = "wagate-gateway";
    public static final String AUDIENCE = "wagate-services";
    static final String ALGORITHM = "Ed25519";
    /** An identity of the usual shape (an API key's), for tokens that are never sent: JIT warm-up. */
    public static final InternalIdentity SAMPLE_IDENTITY = new InternalIdentity(new UUID(0, 1), "warm-up",
            PrincipalType.API_KEY, Set.of(), Set.of("messages:send", "instance:read"), new UUID(0, 2), "basic");

    private InternalTokens() {
    }

    public static KeyPair generateKeyPair() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks Ed25519", e);
        }
    }

    public static String encode(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static String encode(PrivateKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(decode(base64)));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalArgumentException("Not an Ed25519 public key (Base64 of X.509 DER)", e);
        }
    }

    public static PrivateKey privateKey(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(decode(base64)));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalArgumentException("Not an Ed25519 private key (Base64 of PKCS#8 DER)", e);
        }
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64.strip());
    }
}
