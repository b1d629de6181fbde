package io.wagate.engine.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** AES-CTR with a 16-byte initial counter block; encryption and decryption are the same operation. */
public final class AesCtr {

    private AesCtr() {
    }

    public static byte[] apply(byte[] key, byte[] iv, byte[] data) {
        if (iv.length != 16) {
            throw new IllegalArgumentException("AES-CTR IV must be 16 bytes, got " + iv.length);
        }
        try {
            var cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR failed", e);
        }
    }
}
