package io.wagate.auth.token;

import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;

/** One access-token signing key pair and its id. */
public record SigningKey(String kid, ECPrivateKey privateKey, ECPublicKey publicKey) {

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + "]";
    }
}
