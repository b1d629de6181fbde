package io.wagate.engine.noise;

import io.wagate.engine.crypto.KeyPair;
import io.wagate.engine.proto.CertChain;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** A sandbox-style root and a fixed clock inside the issued validity window. */
final class TestChains {

    static final Instant NOW = Instant.parse("2026-11-21T06:00:00Z");
    static final Instant NOT_BEFORE = NOW.minusSeconds(86_400);
    static final Instant NOT_AFTER = NOW.plusSeconds(86_400 * 30L);
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    final CertificateAuthority authority = CertificateAuthority.generate();
    final KeyPair serverStatic = KeyPair.generate();
    final CertChain chain = authority.issueChain(serverStatic.publicKey(), NOT_BEFORE, NOT_AFTER);

    CertificateChain verifier() {
        return authority.verifier(CLOCK);
    }
}
