package io.wagate.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The local run's internal-identity key pair (the gateway signs, services verify), made once per data folder so
 * that no key is ever shipped in the repository. The private half is readable by the owner only.
 */
final class IdentityKeyFiles {

    private IdentityKeyFiles() {
    }

    static void ensure(Path dataDirectory) throws IOException, NoSuchAlgorithmException {
        Path directory = dataDirectory.resolve("identity");
        Path privateKey = directory.resolve("internal-identity.key");
        Path publicKey = directory.resolve("internal-identity.pub");
        if (Files.exists(privateKey) && Files.exists(publicKey)) {
            return;
        }
        Files.createDirectories(directory);
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Files.writeString(publicKey, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        Files.writeString(privateKey, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
        Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
    }
}
