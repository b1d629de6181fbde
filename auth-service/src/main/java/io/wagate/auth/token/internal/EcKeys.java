package io.wagate.auth.token.internal;

import io.jsonwebtoken.security.Jwks;
import io.wagate.auth.token.SigningKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** P-256 key handling: the JDK cannot derive a public key from a private one, jjwt's JWK builder can. */
public final class EcKeys {

    private EcKeys() {
    }

    public static SigningKey fromPkcs8(String kid, String base64) {
        try {
            ECPrivateKey privateKey = (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
            if (privateKey.getParams().getCurve().getField().getFieldSize() != 256) {
                throw new IllegalArgumentException("Signing key " + kid + " is not a P-256 key");
            }
            ECPublicKey publicKey = Jwks.builder().key(privateKey).build().toPublicJwk().toKey();
            return new SigningKey(kid, privateKey, publicKey);
        } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Signing key " + kid + " is not Base64 PKCS#8 of an EC P-256 key", e);
        }
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks EC P-256", e);
        }
    }
}
