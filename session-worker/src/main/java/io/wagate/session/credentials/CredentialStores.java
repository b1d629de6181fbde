package io.wagate.session.credentials;

import io.wagate.session.credentials.internal.MasterKeyResolver;
import java.time.Duration;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Hands out the encrypted store of an instance; constructing it checks the master keys, so a bad setup stops the start. */
@Component
public class CredentialStores {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final CredentialCipher cipher;

    CredentialStores(EncryptionProperties properties, Environment environment, DatabaseClient database,
            TransactionalOperator transactions) {
        this.database = database;
        this.transactions = transactions;
        boolean local = "local".equals(environment.getProperty("wagate.profile"));
        this.cipher = new CredentialCipher(new MasterKeyResolver(properties, local, database));
    }

    /** A store whose writes are not fenced by a lease. */
    public EncryptedCredentialStore forInstance(UUID instanceId) {
        return forInstance(instanceId, () -> EncryptedCredentialStore.UNFENCED);
    }

    /** A store whose writes carry the lease token {@code fence} supplies at the time of each write. */
    public EncryptedCredentialStore forInstance(UUID instanceId, LongSupplier fence) {
        return new EncryptedCredentialStore(instanceId, database, transactions, cipher, TIMEOUT, fence);
    }

    public Mono<Void> deleteAll(UUID instanceId) {
        return EncryptedCredentialStore.deleteAll(database, instanceId);
    }
}
