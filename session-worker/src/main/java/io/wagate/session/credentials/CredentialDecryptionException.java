package io.wagate.session.credentials;

/** Stored credentials could not be decrypted: wrong or missing key, or altered data. Never carries key material. */
public class CredentialDecryptionException extends RuntimeException {

    public CredentialDecryptionException(String message) {
        super(message);
    }
}
